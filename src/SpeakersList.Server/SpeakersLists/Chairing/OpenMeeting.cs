namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class OpenMeetingEndpoint
{
    /// <summary>One meeting in progress per room: opening this one while another is in progress there is refused (409).</summary>
    public static Task<ProblemDetails> ValidateAsync(Guid meetingId, IQuerySession session, CancellationToken cancellation) =>
        RoomInUse.CheckAsync(meetingId, session, cancellation);

    /// <summary>Open the meeting: from now on the President can give the floor.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/open", OperationId = "OpenMeeting")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorControl.Open(list, command, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
