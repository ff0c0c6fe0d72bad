namespace SpeakersList.Server.SpeakersLists.Managing;

public static class SetAbsentPolicyEndpoint
{
    public static ProblemDetails Validate(SetAbsentPolicy command) => Validation.Check(
        (!Enum.IsDefined(command.Policy), "policy is required: endOfList or nextMeeting."));

    /// <summary>What becomes of a speaker absent when called: endOfList (default) or nextMeeting.</summary>
    [WolverinePut("/api/meetings/{meetingId}/speakers-list/absent-policy", OperationId = "SetAbsentPolicy")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Put(SetAbsentPolicy command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        FloorControl.SetAbsentPolicy(list, command, clock.GetUtcNow()).Respond(list);
}
