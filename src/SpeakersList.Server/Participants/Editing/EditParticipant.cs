namespace SpeakersList.Server.Participants.Editing;

/// <summary>
/// An officer corrects a participant. The speaking-block override changes where it speaks in
/// protocol order, e.g. the State of Palestine among the Member States (A/RES/ES-10/23).
/// Inscriptions already made keep the block they were made with.
/// </summary>
public static class EditParticipantEndpoint
{
    public static ProblemDetails Validate(EditParticipant command) =>
        Validation.Check(ParticipantFields.Checks(command.Name, command.Category, command.RegionalGroup, command.SpeakingBlockOverride));

    public static Task<Participant?> LoadAsync(string code, IQuerySession session, CancellationToken cancellation) =>
        session.LoadParticipantAsync(code, cancellation);

    /// <summary>Replace a participant's name, category, regional group and speaking-block override. Repeating it changes nothing.</summary>
    [WolverinePut("/api/participants/{code}", OperationId = "EditParticipant")]
    [ProducesResponseType<Participant>(200)]
    public static (IResult, IMartenOp) Put(string code, EditParticipant command, Participant? existing, TimeProvider clock)
    {
        var (stored, refusal) = ParticipantEditing.Decide(command, existing, code);
        return refusal is not null ? (refusal.ToResult(), MartenOps.Nothing())
            : stored is null ? (Results.Ok(existing), MartenOps.Nothing())
            : (Results.Ok(stored), MartenOps.Append(ParticipantStreams.IdFor(stored.Code), new ParticipantCorrected(stored, clock.GetUtcNow())));
    }
}
