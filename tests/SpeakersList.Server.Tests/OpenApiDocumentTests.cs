using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests;

public class The_OpenAPI_document(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task Documents_every_API_route_with_its_operation_and_its_errors()
    {
        var document = await Api.Expect(await Api.Http.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject();
        var routes = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true || e.RoutePattern.RawText?.StartsWith("api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: "/" + e.RoutePattern.RawText!.TrimStart('/'), Method: m.ToLowerInvariant())))
            .Distinct()
            .ToList();

        Assert.True(routes.Count >= 30, $"only {routes.Count} API routes were found in the endpoint data source");
        var problems = new List<string>();
        foreach (var (path, method) in routes)
        {
            var operation = paths[path]?[method];
            if (operation is null) { problems.Add($"{method.ToUpperInvariant()} {path} is missing"); continue; }
            if (string.IsNullOrEmpty(operation["operationId"]?.GetValue<string>())) problems.Add($"{method.ToUpperInvariant()} {path} has no operationId");
            var responses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
            if (!responses.Any(code => code.StartsWith('2'))) problems.Add($"{method.ToUpperInvariant()} {path} documents no success");
            if (method != "get" && !responses.Any(code => code.StartsWith('4'))) problems.Add($"{method.ToUpperInvariant()} {path} documents no error");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
