using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// The API document describes a participant code as it is written, and as it described it while codes were strings: a
/// string in place, not a component with the value type's members. The schema generator cannot see through the code's
/// JSON converter, so it is told here.
/// </summary>
public static class ParticipantCodeSchema
{
    public static OpenApiOptions Configure(OpenApiOptions options)
    {
        var referenceId = options.CreateSchemaReferenceId;
        options.CreateSchemaReferenceId = type => IsCode(type.Type) ? null : referenceId(type);
        return options.AddSchemaTransformer(Describe);
    }

    private static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        var type = context.JsonTypeInfo.Type;
        if (IsCode(type))
        {
            schema.Type = type == typeof(ParticipantCode) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Properties?.Clear();
            schema.Required?.Clear();
        }
        // A list of codes: the generator leaves its items undescribed.
        else if (context.JsonTypeInfo.ElementType is { } element && IsCode(element))
            schema.Items = new OpenApiSchema { Type = element == typeof(ParticipantCode) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null };
        return Task.CompletedTask;
    }

    private static bool IsCode(Type type) => type == typeof(ParticipantCode) || type == typeof(ParticipantCode?);
}
