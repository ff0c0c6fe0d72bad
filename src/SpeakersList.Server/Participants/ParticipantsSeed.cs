using Marten;
using Marten.Schema;
using SpeakersList.Participants;

namespace SpeakersList.Server.Participants;

/// <summary>
/// Puts the compiled registry (participants.json) into the database on start-up. Only missing
/// participants are added, so officers' edits survive restarts.
/// </summary>
public sealed class ParticipantsSeed : IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var known = (await session.Query<Participant>().Select(x => x.Code).ToListAsync(cancellation)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = ParticipantRegistry.All.Where(x => !known.Contains(x.Code)).ToArray();
        if (missing.Length == 0) return;
        session.Insert(missing);
        await session.SaveChangesAsync(cancellation);
    }
}
