namespace SpeakersList.Server.RoundTables.Seating;

/// <summary>An officer gives a participant a seat at a round table (paras 69-72).</summary>
public static class AllocateSeatEndpoint
{
    public static ProblemDetails Validate(AllocateSeat command) => Validation.Check(
        (command.Participant.IsNone, "participant is required: the participant's code, such as GHA or UNDP."));

    /// <summary>
    /// Allocate a seat. Refused beyond 50 participants, when the seat is kept for the 4 UN-system entities and
    /// 6 other institutional stakeholders still missing, or when the delegation already takes part in another round table (409).
    /// </summary>
    [WolverinePost("/api/round-tables/{roundTableId}/seats", OperationId = "AllocateRoundTableSeat")]
    [ProducesResponseType<RoundTableRosterView>(201)]
    [ProducesResponseType<RoundTableRosterView>(200)]
    public static Task<IResult> Post(Guid roundTableId, AllocateSeat command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        RoundTableWrite.DecideAsync(session, roundTableId, cancellation,
            async write => RoundTableParticipation.Decide(write.Conference, write.RoundTables, roundTableId, command,
                await session.LoadParticipantAsync(command.Participant, cancellation), clock.GetUtcNow()),
            (_, decision, roster) => decision.Events.Count == 0 ? Results.Ok(roster) : Results.Created($"/api/round-tables/{roundTableId}", roster));
}
