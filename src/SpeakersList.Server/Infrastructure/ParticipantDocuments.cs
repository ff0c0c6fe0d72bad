namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// The registry's documents are keyed by the code's plain string, as the documents already stored are; the code is
/// turned into that key here, at the edge of the store, and nowhere else.
/// </summary>
public static class ParticipantDocuments
{
    public static Task<Participant?> LoadParticipantAsync(this IQuerySession session, ParticipantCode code, CancellationToken cancellation) =>
        code.IsNone ? Task.FromResult<Participant?>(null) : session.LoadAsync<Participant>(code.Value, cancellation);

    /// <summary>For a code as a client typed it (a route, a hub call's argument): none for a blank or malformed one.</summary>
    public static Task<Participant?> LoadParticipantAsync(this IQuerySession session, string? code, CancellationToken cancellation) =>
        ParticipantCode.TryParse(code, out var parsed) ? session.LoadParticipantAsync(parsed, cancellation) : Task.FromResult<Participant?>(null);

    public static async Task<IReadOnlyDictionary<ParticipantCode, Participant>> LoadParticipantsAsync(this IQuerySession session,
        IEnumerable<ParticipantCode> codes, CancellationToken cancellation) =>
        (await session.LoadManyAsync<Participant>(cancellation, codes.Where(c => !c.IsNone).Select(c => c.Value).Distinct().ToArray()))
            .ToDictionary(p => p.Code);
}
