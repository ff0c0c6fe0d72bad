namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class ExtendSpeechEndpoint
{
    public static ProblemDetails Validate(ExtendSpeech command) => Validation.Check(
        (command.Seconds is < 1 or > FloorControl.MaxExtensionSeconds, $"seconds is required: the extra time, from 1 to {FloorControl.MaxExtensionSeconds}."));

    /// <summary>Give the speaker who holds the floor more time: <c>seconds</c> are added to the limit.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/extend", OperationId = "ExtendSpeech")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        ExtendSpeech command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorControl.Extend(list, command, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
