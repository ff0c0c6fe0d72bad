using Marten.Schema;
using SpeakersList.Server.Operations;

namespace SpeakersList.Server.Participants;

/// <summary>
/// Registers the compiled registry (participants.json) on start-up, as events. Only missing
/// participants are registered, so officers' corrections survive restarts. Nodes starting together
/// take turns (a PostgreSQL advisory lock): the second finds the registry in place.
/// </summary>
public sealed class ParticipantsSeed(TimeProvider clock) : IInitialData
{
    public Task Populate(IDocumentStore store, CancellationToken cancellation) =>
        OneNodeAtATime.RunAsync(store, OneNodeAtATime.ParticipantsSeed, async () =>
        {
            await RegisterMissingAsync(store, cancellation);
            return true;
        }, cancellation);

    private async Task RegisterMissingAsync(IDocumentStore store, CancellationToken cancellation)
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
}
