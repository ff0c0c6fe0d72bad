namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class PauseSpeechEndpoint
{
    /// <summary>Pause the speaker's clock.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/pause", OperationId = "PauseSpeech")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorControl.Pause(list, command, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
