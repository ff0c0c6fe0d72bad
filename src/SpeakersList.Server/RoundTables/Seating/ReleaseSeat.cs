namespace SpeakersList.Server.RoundTables.Seating;

/// <summary>An officer frees a participant's seat at a round table.</summary>
public static class ReleaseSeatEndpoint
{
    /// <summary>Release a seat. Optional commandId in the query: a retry with it answers 200 again.</summary>
    [WolverineDelete("/api/round-tables/{roundTableId}/seats/{participant}", OperationId = "ReleaseRoundTableSeat")]
    [ProducesResponseType<RoundTableRosterView>(200)]
    public static Task<IResult> Delete(Guid roundTableId, string participant, [FromQuery] Guid? commandId, IDocumentSession session,
        TimeProvider clock, CancellationToken cancellation) =>
        RoundTableWrite.DecideAsync(session, roundTableId, cancellation,
            write => Task.FromResult(ParticipantCode.TryParse(participant, out var code)
                ? RoundTableParticipation.Decide(write.Conference, roundTableId, new ReleaseSeat(commandId ?? Guid.Empty, code), clock.GetUtcNow())
                : Refusal.NotFound($"{participant} has no seat at this round table.")),
            (_, _, roster) => Results.Ok(roster));
}
