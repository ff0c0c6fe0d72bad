namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class EndSpeechEndpoint
{
    /// <summary>The speech is over: the speaker is heard, with the time spoken recorded.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/end", OperationId = "EndSpeech")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorControl.End(list, command, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
