namespace SpeakersList.Server.SpeakersLists.Managing;

/// <summary>An officer allows a delegation a second inscription on this meeting's list.</summary>
public static class AllowSecondInscriptionEndpoint
{
    public static ProblemDetails Validate(AllowSecondInscription command) => Validation.Check(
        (command.Participant.IsNone, "participant is required: the participant's code."));

    /// <summary>Allow a delegation a second inscription.</summary>
    [WolverinePost("/api/meetings/{meetingId}/speakers-list/second-inscriptions", OperationId = "AllowSecondInscription")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Post(AllowSecondInscription command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        ListManagement.Decide(list, command, clock.GetUtcNow()).Respond(list);
}
