namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class CallSpeakerEndpoint
{
    /// <summary>
    /// Give the floor to the next speaker in the list's order (rule 68), or, with <c>inscriptionId</c>, to the speaker chosen.
    /// Refused while someone holds the floor or a point of order is before the President.
    /// </summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/next", OperationId = "CallSpeaker")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        CallSpeaker command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorControl.Call(list, command, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
