namespace SpeakersList.Server.SpeakersLists.Managing;

public static class SetAbsentPolicyEndpoint
{
    public static ProblemDetails Validate(SetAbsentPolicy command) => Validation.Check((!ListManagement.IsAbsentPolicy(command.Policy), ListManagement.AbsentPolicies));

    /// <summary>What becomes of a speaker absent when called: endOfList (default) or nextMeeting.</summary>
    [WolverinePut("/api/meetings/{meetingId}/speakers-list/absent-policy", OperationId = "SetAbsentPolicy")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Put(SetAbsentPolicy command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        ListManagement.Decide(list, command, clock.GetUtcNow()).Respond(list);
}
