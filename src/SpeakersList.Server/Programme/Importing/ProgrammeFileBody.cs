using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SpeakersList.Server.Programme.Importing;

/// <summary>
/// Documents the import's body in the OpenAPI document: the endpoint reads the file itself (YAML, JSON
/// or a form upload), so no parameter describes it.
/// </summary>
public sealed class ProgrammeFileBody : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId != "ImportProgramme") return Task.CompletedTask;
        OpenApiMediaType Text() => new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The programme file, in the shape of Seed/hld-2013.yaml." } };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "A programme file: YAML or JSON as the body, or a form with the field \"file\" (and an optional field \"format\": yaml or json).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/yaml"] = Text(),
                ["application/json"] = Text(),
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                            ["format"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [ "yaml", "json" ] },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
