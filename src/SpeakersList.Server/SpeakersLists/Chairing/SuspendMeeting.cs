namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class SuspendMeetingEndpoint
{
    /// <summary>Suspend the meeting; a running clock is paused.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/suspend", OperationId = "SuspendMeeting")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorControl.Suspend(list, command, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
