namespace SpeakersList.Server.SpeakersLists.RaisingPointOfOrder;

public static class RaisePointOfOrderEndpoint
{
    public static ProblemDetails Validate(RaisePointOfOrder command) => Validation.Check(
        (command.Participant.IsNone, "participant is required: the code of the delegation rising to a point of order."));

    public static Task<Participant?> LoadAsync(RaisePointOfOrder command, IQuerySession session, CancellationToken cancellation) =>
        session.LoadParticipantAsync(command.Participant, cancellation);

    /// <summary>
    /// Give the floor on a point of order (rule 71): it interrupts the debate and pauses the speaker's clock; it is not on
    /// the list. The President rules on it, then the debate resumes (POST floor/resume).
    /// </summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/point-of-order", OperationId = "RaisePointOfOrder")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        RaisePointOfOrder command,
        Participant? participant,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        participant is null
            ? (Refusal.UnknownParticipant(command.Participant.Value).ToResult(), [])
            : FloorControl.PointOfOrder(list, command, participant, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
