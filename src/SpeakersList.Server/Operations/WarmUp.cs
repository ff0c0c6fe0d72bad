using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using SpeakersList.Server.Forecasting;
using SpeakersList.Server.Programme;
using SpeakersList.Server.SpeakersLists.Inscribing;

namespace SpeakersList.Server.Operations;

/// <summary>
/// Once the service has started, and beside its first requests, takes once the steps that the first rush after a start
/// would otherwise take for the first time while 193 delegations wait for them (issue 25): the inscription desk's batch
/// (<see cref="InscriptionDesk.WarmUpAsync"/>), the forecast's history that the first push reads (every adjourned
/// meeting's speeches, and the model learned from them: about 60 ms at 100 meetings) and the programme's grid that the
/// first scheduling pushes (every meeting of the conference). It commits nothing; a step that fails is logged and skipped.
/// </summary>
public sealed class WarmUp(InscriptionDesk desk, SpeakingHistory history, IDocumentStore store, IOptions<JsonHubProtocolOptions> hubJson,
    TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<WarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => RunAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Takes every step, in order; the steps that failed (none when all went well).</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellation)
    {
        var failed = new List<string>();
        async Task Step(string name, Func<Task> step)
        {
            try
            {
                await step();
            }
            catch (Exception ex) when (!cancellation.IsCancellationRequested)
            {
                // Only the first rush's speed is at stake: the service runs as well without it.
                logger.LogInformation("The warm-up of {Step} was not taken ({Error})", name, ex.GetBaseException().Message);
                failed.Add(name);
            }
        }

        await Step("the inscription desk", () => desk.WarmUpAsync(clock, cancellation));
        await Step("the forecast's history", async () =>
        {
            await using var session = store.QuerySession();
            await history.ModelAsync(session, null, cancellation);
        });
        await Step("the programme's grid", async () =>
        {
            await using var session = store.QuerySession();
            if (await ProgrammeQueries.ViewAsync(session, null, cancellation) is { } grid)
                JsonSerializer.SerializeToUtf8Bytes(grid, hubJson.Value.PayloadSerializerOptions);
        });
        return failed;
    }
}
