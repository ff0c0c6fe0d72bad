namespace SpeakersList.Server.SpeakersLists.Managing;

/// <summary>Rule 72: the time limits of this meeting, per category of speaker. The list is re-forecast at once.</summary>
public static class SetTimeLimitsEndpoint
{
    public static ProblemDetails Validate(SetTimeLimits command) => Validation.Check(
        (command.Limits is null, "limits is required: delegationSeconds, groupSeconds, observerSeconds, nonStateSeconds, preArrangedSeconds, firstReplySeconds, secondReplySeconds, changeOverSeconds."));

    /// <summary>Set the meeting's time limits (seconds).</summary>
    [WolverinePut("/api/meetings/{meetingId}/speakers-list/time-limits", OperationId = "SetTimeLimits")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Put(SetTimeLimits command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        ListManagement.Decide(list, command, clock.GetUtcNow()).Respond(list);
}
