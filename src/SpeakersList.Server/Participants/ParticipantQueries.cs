using Marten;
using Microsoft.AspNetCore.Mvc;
using SpeakersList.Participants;
using SpeakersList.Server.Infrastructure;
using Wolverine.Http;

namespace SpeakersList.Server.Participants;

public static class ParticipantQueries
{
    /// <summary>Every participant: Member States with their regional group, observers, organizations, non-state speakers.</summary>
    [WolverineGet("/api/participants", OperationId = "GetParticipants")]
    [ProducesResponseType<IReadOnlyList<Participant>>(200)]
    public static async Task<IReadOnlyList<Participant>> Get(IQuerySession session, CancellationToken cancellation) =>
        await session.Query<Participant>().OrderBy(x => x.Name).ToListAsync(cancellation);

    /// <summary>One participant, by its code.</summary>
    [WolverineGet("/api/participants/{code}", OperationId = "GetParticipant")]
    [ProducesResponseType<Participant>(200)]
    public static async Task<IResult> GetOne(string code, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<Participant>(code.Trim().ToUpperInvariant(), cancellation) is { } participant
            ? Results.Ok(participant)
            : Refusal.NotFound($"There is no participant {code}.").ToResult();
}
