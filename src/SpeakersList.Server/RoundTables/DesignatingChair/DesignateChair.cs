namespace SpeakersList.Server.RoundTables.DesignatingChair;

/// <summary>The answer to a designation: the round tables, and what the chairs taken together lack.</summary>
public sealed record ChairDesignated(RoundTableRosterView RoundTable, IReadOnlyList<string> ChairWarnings);

/// <summary>The President of the Assembly designates a minister to chair a round table (para 67).</summary>
public static class DesignateChairEndpoint
{
    public static ProblemDetails Validate(DesignateChair command) => Validation.Check(
        (command.Participant.IsNone, "participant is required: the code of the chair's Member State."),
        (Validation.Missing(command.ChairName), "chairName is required (at most 200 characters)."),
        (!Enum.IsDefined(command.Gender), "gender must be female or male."));

    /// <summary>
    /// Designate (or replace) the chair of a round table. The answer warns when the chairs together lack
    /// geographical balance (two from one regional group) or gender balance (more than half women or men).
    /// </summary>
    [WolverinePost("/api/round-tables/{roundTableId}/chair", OperationId = "DesignateRoundTableChair")]
    [ProducesResponseType<ChairDesignated>(200)]
    public static Task<IResult> Post(Guid roundTableId, DesignateChair command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation) =>
        RoundTableWrite.DecideAsync(session, roundTableId, cancellation,
            async write => RoundTableParticipation.Decide(write.Conference, write.RoundTables, roundTableId, command,
                await session.LoadParticipantAsync(command.Participant, cancellation), clock.GetUtcNow()),
            (write, decision, roster) => Results.Ok(new ChairDesignated(roster,
                RoundTableParticipation.ChairWarnings(write.Conference.Evolve(decision.Events), write.RoundTables))));
}
