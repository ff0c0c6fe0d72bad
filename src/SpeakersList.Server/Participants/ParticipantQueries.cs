using Marten;
using SpeakersList.Participants;
using Wolverine.Http;

namespace SpeakersList.Server.Participants;

public static class ParticipantQueries
{
    /// <summary>Every participant: Member States with their regional group, observers, organizations, non-state speakers.</summary>
    [WolverineGet("/api/participants", OperationId = "GetParticipants")]
    public static async Task<IReadOnlyList<Participant>> Get(IQuerySession session, CancellationToken cancellation) =>
        await session.Query<Participant>().OrderBy(x => x.Name).ToListAsync(cancellation);
}
