namespace SpeakersList.Server.Meetings.Moving;

/// <summary>An officer moves a meeting to another room; it keeps its time.</summary>
public static class MoveMeetingEndpoint
{
    public static ProblemDetails Validate(MoveMeeting command) => Validation.Check(
        (Validation.Missing(command.Room, 100), "room is required (at most 100 characters)."));

    public static async Task<SchedulingContext> LoadAsync(Guid meetingId, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<Meeting>(meetingId, cancellation) is { } meeting
            ? await SchedulingContext.LoadAsync(session, meeting.ConferenceId, meeting.Details.Start, meeting.Details.End, cancellation)
            : new SchedulingContext(null, []);

    /// <summary>Move a meeting to another room. Refused when that room is taken at the time (409) or is not one of the conference's rooms (422).</summary>
    [WolverinePost("/api/meetings/{meetingId}/move", OperationId = "MoveMeeting")]
    [ProducesResponseType<ProgrammeMeetingViewResponse>(200)]
    public static (IResult, Events) Post(
        MoveMeeting command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] Meeting meeting,
        SchedulingContext context,
        TimeProvider clock) =>
        MeetingChange.Answer(meeting, Timetable.Decide(meeting, command, context.Conference, context.Others, clock.GetUtcNow()));
}
