namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class AdjournMeetingEndpoint
{
    /// <summary>Adjourn the meeting. Nobody may hold the floor; the speakers not heard then continue at the next meeting on the item (CarryOverUnheardSpeakersHandler).</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/adjourn", OperationId = "AdjournMeeting")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorControl.Adjourn(list, command, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
