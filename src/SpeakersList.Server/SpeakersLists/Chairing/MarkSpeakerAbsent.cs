namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class MarkSpeakerAbsentEndpoint
{
    public static ProblemDetails Validate(MarkAbsent command) => Validation.Check((!ListManagement.IsAbsentPolicy(command.Policy), ListManagement.AbsentPolicies));

    /// <summary>
    /// The speaker called is not in the room. By the list's absent policy (or <c>policy</c>): endOfList puts the
    /// speaker back at the end of the waiting speakers; nextMeeting marks the speaker absent, to continue at the next meeting.
    /// </summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/absent", OperationId = "MarkSpeakerAbsent")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        MarkAbsent command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorControl.MarkAbsent(list, command, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
