namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class ResumeMeetingEndpoint
{
    /// <summary>One meeting in progress per room: resuming this one while another is in progress there is refused (409).</summary>
    public static Task<ProblemDetails> ValidateAsync(Guid meetingId, IQuerySession session, CancellationToken cancellation) =>
        RoomInUse.CheckAsync(meetingId, session, cancellation);

    /// <summary>Resume a suspended meeting. A speaker's paused clock stays paused until the speech is resumed.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/resume-meeting", OperationId = "ResumeMeeting")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorControl.ResumeMeeting(list, command, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
