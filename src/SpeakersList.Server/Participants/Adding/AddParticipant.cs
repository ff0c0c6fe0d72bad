namespace SpeakersList.Server.Participants.Adding;

/// <summary>An officer adds a participant to the registry: a new observer, an invited organization, an eminent person.</summary>
public static class AddParticipantEndpoint
{
    public static ProblemDetails Validate(AddParticipant command) => Validation.Check(
    [
        (Validation.Missing(command.Code, 20), "code is required (at most 20 characters), such as GHA or SRSG-MIG."),
        .. ParticipantFields.Checks(command.Name, command.Category, command.RegionalGroup, command.SpeakingBlockOverride),
    ]);

    public static Task<Participant?> LoadAsync(AddParticipant command, IQuerySession session, CancellationToken cancellation) =>
        session.LoadParticipantAsync(command.Code, cancellation);

    /// <summary>Add a participant. The code is its key: adding the same participant again answers 200 and changes nothing; another participant under a known code is refused (409).</summary>
    [WolverinePost("/api/participants", OperationId = "AddParticipant")]
    [ProducesResponseType<Participant>(201)]
    [ProducesResponseType<Participant>(200)]
    public static (IResult, IMartenOp) Post(AddParticipant command, Participant? existing, TimeProvider clock)
    {
        var (stored, refusal) = ParticipantEditing.Decide(command, existing);
        return refusal is not null ? (refusal.ToResult(), MartenOps.Nothing())
            : stored is null ? (Results.Ok(existing), MartenOps.Nothing())
            : (Results.Created($"/api/participants/{stored.Code}", stored),
                MartenOps.StartStream(ParticipantStreams.IdFor(stored.Code), new ParticipantRegistered(stored, clock.GetUtcNow())));
    }
}
