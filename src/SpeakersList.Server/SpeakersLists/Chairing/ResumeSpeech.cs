namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class ResumeSpeechEndpoint
{
    /// <summary>The floor returns to the speaker: after a point of order (the President has ruled on it; the clock it paused runs again), or after a pause.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/resume", OperationId = "ResumeSpeech")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorControl.Resume(list, command, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
