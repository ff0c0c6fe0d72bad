namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class StartSpeechEndpoint
{
    /// <summary>The speaker called begins: the clock starts.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/start", OperationId = "StartSpeech")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorControl.Start(list, command, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
