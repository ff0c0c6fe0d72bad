namespace SpeakersList.Server.SpeakersLists.Managing;

/// <summary>What happens to speakers not heard at adjournment: nextMeetingOnItem (default) or lapse.</summary>
public static class SetCarryOverPolicyEndpoint
{
    public static ProblemDetails Validate(SetCarryOverPolicy command) => Validation.Check(
        (!Enum.IsDefined(command.Policy), "policy must be nextMeetingOnItem or lapse."));

    /// <summary>What happens to speakers not heard at adjournment: nextMeetingOnItem (default) or lapse.</summary>
    [WolverinePut("/api/meetings/{meetingId}/speakers-list/carry-over-policy", OperationId = "SetCarryOverPolicy")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Put(SetCarryOverPolicy command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        ListManagement.Decide(list, command, clock.GetUtcNow()).Respond(list);
}
