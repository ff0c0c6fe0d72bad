namespace SpeakersList.Server.RoundTables.Seating;

/// <summary>An officer frees a participant's seat at a round table.</summary>
public static class ReleaseSeatEndpoint
{
    /// <summary>Release a seat. Optional commandId in the query: a retry with it answers 200 again.</summary>
    [WolverineDelete("/api/round-tables/{roundTableId}/seats/{participant}", OperationId = "ReleaseRoundTableSeat")]
    [ProducesResponseType<RoundTableRosterView>(200)]
    public static async Task<IResult> Delete(Guid roundTableId, string participant, [FromQuery] Guid? commandId, IDocumentSession session,
        TimeProvider clock, CancellationToken cancellation)
    {
        var (write, missing) = await RoundTableWrite.FetchAsync(session, roundTableId, cancellation);
        if (missing is not null) return missing.ToResult();
        if (!ParticipantCode.TryParse(participant, out var code)) return Refusal.NotFound($"{participant} has no seat at this round table.").ToResult();
        var decision = RoundTableParticipation.Decide(write!.Conference, roundTableId,
            new ReleaseSeat(commandId ?? Guid.Empty, code), clock.GetUtcNow());
        return decision.Refusal is { } refusal ? refusal.ToResult() : Results.Ok(write.Append(roundTableId, decision));
    }
}
