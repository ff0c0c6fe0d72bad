using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// The API document describes a participant code as it is written: a string (GHA, EU), not the value type's members.
/// The schema generator cannot see through the code's JSON converter, so it is told here.
/// </summary>
public static class ParticipantCodeSchema
{
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(ParticipantCode) || type == typeof(ParticipantCode?))
        {
            schema.Type = type == typeof(ParticipantCode) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.MaxLength = ParticipantCode.MaxLength;
            schema.Properties?.Clear();
            schema.Required?.Clear();
        }
        return Task.CompletedTask;
    }
}
