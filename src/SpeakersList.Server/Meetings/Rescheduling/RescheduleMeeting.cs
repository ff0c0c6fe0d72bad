namespace SpeakersList.Server.Meetings.Rescheduling;

/// <summary>An officer changes when a meeting is held; it keeps its room.</summary>
public static class RescheduleMeetingEndpoint
{
    public static ProblemDetails Validate(RescheduleMeeting command) => Validation.Check(
        (command.End <= command.Start, "end must be after start."),
        (command.End - command.Start > TimeSpan.FromHours(12), "a meeting lasts at most 12 hours."));

    public static async Task<SchedulingContext> LoadAsync(Guid meetingId, RescheduleMeeting command, IQuerySession session, CancellationToken cancellation) =>
        await SchedulingContext.LoadAsync(session, (await session.LoadAsync<Meeting>(meetingId, cancellation))?.ConferenceId,
            command.Start, command.End, cancellation);

    /// <summary>Reschedule a meeting. Refused when its room is taken at the new time (409) or the time is not on a day of its conference (422).</summary>
    [WolverinePost("/api/meetings/{meetingId}/reschedule", OperationId = "RescheduleMeeting")]
    [ProducesResponseType<ProgrammeMeetingViewResponse>(200)]
    public static (IResult, Events) Post(
        RescheduleMeeting command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] Meeting meeting,
        SchedulingContext context,
        TimeProvider clock) =>
        MeetingChange.Answer(meeting, Timetable.Decide(meeting, command, context.Conference, context.Others, clock.GetUtcNow()));
}
