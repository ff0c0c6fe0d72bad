namespace SpeakersList.Server.SpeakersLists.Managing;

/// <summary>An officer moves an entry: to the head (after = null) or right after another entry, giving a reason.</summary>
public static class MoveEntryEndpoint
{
    public static ProblemDetails Validate(MoveEntry command) => Validation.Check(
        (command.InscriptionId == Guid.Empty, "inscriptionId is required: the entry to move."),
        (Validation.Missing(command.Reason, 500), "reason is required (at most 500 characters): it is recorded in the list's history."));

    /// <summary>Move an entry; the move holds when later inscriptions arrive.</summary>
    [WolverinePost("/api/meetings/{meetingId}/speakers-list/moves", OperationId = "MoveEntry")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Post(MoveEntry command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        ListManagement.Decide(list, command, clock.GetUtcNow()).Respond(list);
}
