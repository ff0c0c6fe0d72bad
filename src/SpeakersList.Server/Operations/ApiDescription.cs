using Microsoft.AspNetCore.OpenApi;
using SpeakersList.Server.Infrastructure;
using SpeakersList.Server.Programme.Importing;

namespace SpeakersList.Server.Operations;

/// <summary>The OpenAPI document: flat values and participant codes described as they travel, the programme file as an upload, every operation tagged and summarised.</summary>
public static class ApiDescription
{
    public static IServiceCollection AddApiDescription(this IServiceCollection services)
    {
        services.AddOpenApi(options => ParticipantCodeSchema.Configure(options.AddSchemaTransformer(FlatValues.Describe)));
        services.Configure<OpenApiOptions>("v1", openApi => openApi.AddOperationTransformer<ProgrammeFileBody>());
        // Every operation a tag and a summary in the users' words.
        services.Configure<OpenApiOptions>("v1", openApi => openApi.AddOperationTransformer<ApiDescriptions>());
        return services;
    }
}
