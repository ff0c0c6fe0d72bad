using SpeakersList.Server.Operations;

namespace SpeakersList.Server.Participants;

/// <summary>
/// Registers the compiled registry (participants.json) as events. Only missing participants are registered, so officers'
/// corrections survive restarts. Nodes starting together take turns (a PostgreSQL advisory lock): the second finds the
/// registry in place.
/// </summary>
public sealed class ParticipantsSeed(IDocumentStore store, TimeProvider clock)
{
    private Task? _atStart;

    public Task RegisterMissingAsync(CancellationToken cancellation) =>
        OneNodeAtATime.RunAsync(store, OneNodeAtATime.ParticipantsSeed, async () =>
        {
            await RegisterMissingUnlockedAsync(cancellation);
            return true;
        }, cancellation);

    private async Task RegisterMissingUnlockedAsync(CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        // A few hundred small documents: read whole, their codes compared as codes.
        var known = (await session.Query<Participant>().ToListAsync(cancellation)).Select(x => x.Code).ToHashSet();
        var missing = ParticipantRegistry.All.Where(x => !known.Contains(x.Code)).ToArray();
        if (missing.Length == 0) return;
        var now = clock.GetUtcNow();
        foreach (var participant in missing)
            session.Events.StartStream(ParticipantStreams.IdFor(participant.Code), new ParticipantRegistered(participant, now));
        await session.SaveChangesAsync(cancellation);
    }

    /// <summary>
    /// The check is a node's first read of documents (about 90 ms of a start, most of it on the CPU): it runs beside
    /// Wolverine's start, after the schema, and the service listens only once it is done (<see cref="Registered"/>).
    /// </summary>
    public sealed class Begun(ParticipantsSeed seed) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellation)
        {
            seed._atStart = Task.Run(() => seed.RegisterMissingAsync(cancellation), cancellation);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
    }

    /// <summary>Waits for the registry before what needs it (the demo) and before the service takes requests; a failure fails the start.</summary>
    public sealed class Registered(ParticipantsSeed seed) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellation) =>
            seed._atStart ?? throw new InvalidOperationException("The participants' registration was not begun at start.");

        public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
    }
}
