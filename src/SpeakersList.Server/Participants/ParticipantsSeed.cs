using Marten;
using Marten.Exceptions;
using Marten.Schema;
using SpeakersList.Participants;

namespace SpeakersList.Server.Participants;

/// <summary>
/// Registers the compiled registry (participants.json) on start-up, as events. Only missing
/// participants are registered, so officers' corrections survive restarts. Nodes starting together
/// race on the same stream ids: the loser reads again and registers what is still missing.
/// </summary>
public sealed class ParticipantsSeed(TimeProvider clock) : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RegisterMissingAsync(store, cancellation);
                return;
            }
            catch (ExistingStreamIdCollisionException) when (attempt < 3)
            {
                // Another node registered them meanwhile.
            }
        }
    }

    private async Task RegisterMissingAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var known = (await session.Query<Participant>().Select(x => x.Code).ToListAsync(cancellation)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = ParticipantRegistry.All.Where(x => !known.Contains(x.Code)).ToArray();
        if (missing.Length == 0) return;
        var now = clock.GetUtcNow();
        foreach (var participant in missing)
            session.Events.StartStream(ParticipantStreams.IdFor(participant.Code), new ParticipantRegistered(participant, now));
        await session.SaveChangesAsync(cancellation);
    }
}
