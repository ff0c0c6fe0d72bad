using Scalar.AspNetCore;

namespace SpeakersList.Server.Operations;

/// <summary>The API for people: Scalar's interactive page at /openapi, over /openapi/v1.json, its assets served from the package.</summary>
public static class ApiPage
{
    public static WebApplication MapApiPage(this WebApplication app)
    {
        app.MapScalarApiReference("/openapi", scalar => scalar
            .WithTitle("SpeakersList API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts() // the fonts come from a CDN otherwise
            .DisableAgent() // no "Ask AI": it sends the document to a third party
            .HideDeveloperTools()) // no "Deploy" toolbar
            .AllowAnonymous();
        return app;
    }
}
