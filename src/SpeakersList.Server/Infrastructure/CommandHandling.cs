using JasperFx.CodeGeneration;
using SpeakersList.Server.SpeakersLists.SchedulingOpening;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Http;

namespace SpeakersList.Server.Infrastructure;

/// <summary>Wolverine: the handlers and endpoints, generated ahead of time, their durable local queues and the policies every endpoint shares.</summary>
public static class CommandHandling
{
    public static WebApplicationBuilder AddCommandHandling(this WebApplicationBuilder builder)
    {
        builder.Host.UseWolverine(options =>
        {
            options.Policies.AutoApplyTransactions();
            options.EnableRelayOfUserName = true; // the signed-in user becomes the events' user name
            // Handlers and endpoints are generated ahead of time (ops/codegen, into Internal/Generated) and loaded
            // statically: no Roslyn at run time, so a start of about a second and no compiler in memory.
            options.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
            // Several nodes: Balanced elects one leader for the once-only agents, and a local message (the carry-over of an
            // adjournment) is stored with the commit that raised it and handled once, by another node if its own dies.
            options.Durability.Mode = DurabilityMode.Balanced;
            options.Policies.UseDurableLocalQueues();
            // The draw at the end of an opening window, on its own queue (durable, as every local queue above).
            options.PublishMessage<DrawOpeningLot>().ToLocalQueue("opening-draws");
            // PostgreSQL away under a stored message's handler (a failover, a switchover, its connection cut): tried again in
            // memory until a primary takes writes, for about two minutes, not dead-lettered at the first failure (Wolverine's
            // default), so that the carry-over and the draw still run. Both are idempotent under the meeting's row lock.
            options.Policies.OnException(RequestGuard.DatabaseAway, "PostgreSQL away")
                .RetryWithCooldown([.. new[] { 1, 2, 5, 10, 15, 30, 30, 30 }.Select(seconds => TimeSpan.FromSeconds(seconds))]);
        });
        builder.Services.AddWolverineHttp();
        return builder;
    }

    public static WebApplication MapCommandEndpoints(this WebApplication app)
    {
        app.MapWolverineEndpoints(options =>
        {
            options.WarmUpRoutes = RouteWarmup.Eager;
            // A query value that does not parse (?expectedVersion=abc) is bad input: 400, never a silent default.
            options.RejectUnparseableQueryValues = true;
            // One command contract (commandId, expectedVersion) and one place that documents the ProblemDetails answers.
            options.AddPolicy<CommandContract>();
            options.AddPolicy<ProblemResponses>();
            // A command's body is read once, by UseCommandBodies; the endpoint takes the command it read.
            options.AddParameterHandlingStrategy<CommandBodyParameter>();
        });
        return app;
    }
}
