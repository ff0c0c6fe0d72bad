namespace SpeakersList.Server.Meetings.Cancelling;

/// <summary>An officer cancels a meeting that has not begun; its room is free again.</summary>
public static class CancelMeetingEndpoint
{
    public static ProblemDetails Validate(CancelMeeting command) => Validation.Check(
        (Validation.Missing(command.Reason, 500), "reason is required (at most 500 characters): the programme shows it."));

    /// <summary>Cancel a meeting. Refused when it is in progress or has been held (409).</summary>
    [WolverinePost("/api/meetings/{meetingId}/cancel", OperationId = "CancelMeeting")]
    [ProducesResponseType<ProgrammeMeetingViewResponse>(200)]
    public static (IResult, Events) Post(
        CancelMeeting command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] Meeting meeting,
        TimeProvider clock) =>
        MeetingChange.Answer(meeting, Timetable.Decide(meeting, command, clock.GetUtcNow()));
}
