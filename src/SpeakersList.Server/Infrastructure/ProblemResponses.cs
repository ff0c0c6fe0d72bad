using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// Documents the ProblemDetails answers of every API endpoint in one place: 400 for input that does not parse, 404 for
/// a route or a conference query naming something that does not exist, and for commands 409 (conflict, stale version) and 422 (a rule broken).
/// An endpoint that declares its own ProblemDetails responses keeps them.
/// </summary>
public sealed class ProblemResponses : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.RoutePattern?.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true))
        {
            if (chain.Method.Method.GetCustomAttributes<ProducesResponseTypeAttribute>().Any(a => a.Type == typeof(ProblemDetails))) continue;
            var command = !chain.HttpMethods.Contains("GET");
            // A route naming a resource, or a query for one conference's programme, may name one that does not exist.
            var names = chain.RoutePattern!.Parameters.Count > 0
                        || chain.Method.Method.GetParameters().Any(p => p.Name == "conferenceId");
            chain.Metadata.ProducesProblem(StatusCodes.Status400BadRequest);
            if (names) chain.Metadata.ProducesProblem(StatusCodes.Status404NotFound);
            if (!command) continue;
            chain.Metadata.ProducesProblem(StatusCodes.Status409Conflict);
            chain.Metadata.ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        }
    }
}
