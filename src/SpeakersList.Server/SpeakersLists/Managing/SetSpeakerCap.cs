namespace SpeakersList.Server.SpeakersLists.Managing;

/// <summary>Para 53 of A/67/254: the number of speakers per plenary meeting. Null removes the cap.</summary>
public static class SetSpeakerCapEndpoint
{
    public static ProblemDetails Validate(SetSpeakerCap command) => Validation.Check(
        (command.Cap is > 1000, "cap is at most 1000 speakers."));

    /// <summary>Set or remove the cap on the number of speakers.</summary>
    [WolverinePut("/api/meetings/{meetingId}/speakers-list/cap", OperationId = "SetSpeakerCap")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Put(SetSpeakerCap command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        ListManagement.Decide(list, command, clock.GetUtcNow()).Respond(list);
}
