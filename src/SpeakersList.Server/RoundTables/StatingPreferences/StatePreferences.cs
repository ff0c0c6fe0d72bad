namespace SpeakersList.Server.RoundTables.StatingPreferences;

/// <summary>The chair of a regional group conveys which of its members prefer this round table (para 72).</summary>
public static class StatePreferencesEndpoint
{
    public static ProblemDetails Validate(StatePreferences command) => Validation.Check(
        (command.RegionalGroup is { } group && !Enum.IsDefined(group), "regionalGroup is not a regional group."),
        (Validation.Missing(command.StatedBy), "statedBy is required: who conveys the preference, e.g. the chair of the regional group."),
        (command.Participants is null || command.Participants.Count == 0, "participants is required: the codes of the delegations that prefer this round table."),
        (command.Participants?.Count > 193, "participants lists at most 193 delegations."),
        (command.Participants?.Any(p => p.IsNone) == true, "every participant is a code of at most 20 characters."));

    /// <summary>
    /// State delegations' preference for this round table. A preference replaces the delegation's earlier one. Member States'
    /// preferences go through their regional group (regionalGroup); observers state theirs without one. Unknown delegations: 422.
    /// </summary>
    [WolverinePost("/api/round-tables/{roundTableId}/preferences", OperationId = "StateRoundTablePreferences")]
    [ProducesResponseType<RoundTableRosterView>(200)]
    public static Task<IResult> Post(Guid roundTableId, StatePreferences command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        RoundTableWrite.DecideAsync(session, roundTableId, cancellation,
            async write =>
            {
                var codes = command.Participants.Distinct().ToArray();
                var participants = await session.LoadParticipantsAsync(codes, cancellation);
                return RoundTableParticipation.Decide(write.Conference, write.RoundTables, roundTableId, command with { Participants = codes },
                    code => participants.GetValueOrDefault(code), clock.GetUtcNow());
            },
            (_, _, roster) => Results.Ok(roster));
}
