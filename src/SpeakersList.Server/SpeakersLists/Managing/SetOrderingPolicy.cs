namespace SpeakersList.Server.SpeakersLists.Managing;

/// <summary>How the list is ordered: protocol (plenary default) or firstComeFirstServed (round tables and hearings).</summary>
public static class SetOrderingPolicyEndpoint
{
    public static ProblemDetails Validate(SetOrderingPolicy command) => Validation.Check(
        (!Enum.IsDefined(command.Policy), "policy must be protocol or firstComeFirstServed."));

    /// <summary>How the list is ordered: protocol (plenary default) or firstComeFirstServed (round tables and hearings).</summary>
    [WolverinePut("/api/meetings/{meetingId}/speakers-list/ordering-policy", OperationId = "SetOrderingPolicy")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Put(SetOrderingPolicy command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        ListManagement.Decide(list, command, clock.GetUtcNow()).Respond(list);
}
