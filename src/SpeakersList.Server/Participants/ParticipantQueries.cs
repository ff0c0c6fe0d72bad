namespace SpeakersList.Server.Participants;

public static class ParticipantQueries
{
    /// <summary>
    /// Every participant: Member States with their regional group, observers, organizations, non-state speakers.
    /// Named in one of the six official languages with ?lang= or Accept-Language (ar, zh, en, fr, ru, es).
    /// </summary>
    [WolverineGet("/api/participants", OperationId = "GetParticipants")]
    [ProducesResponseType<IReadOnlyList<Participant>>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public static async Task<IResult> Get(IQuerySession session, HttpContext context, CancellationToken cancellation)
    {
        if (!RequestedLanguage.TryRead(context, out var language, out var problem)) return problem!;
        var participants = await session.Query<Participant>().OrderBy(x => x.Name).ToListAsync(cancellation);
        return Results.Ok(language is null ? participants : participants.Select(p => p with { Name = ParticipantNames.In(language, p.Code, p.Name) }).ToList());
    }

    /// <summary>
    /// The participants' names in one of the six official languages (from Unicode CLDR, with the UN's short names), for
    /// pages that name participants in pushed views: {language, direction, names: {code: name}}. Unlisted codes keep their names.
    /// </summary>
    [WolverineGet("/api/participants/names", OperationId = "GetParticipantNames")]
    [ProducesResponseType<ParticipantNamesView>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public static IResult Names(HttpContext context)
    {
        if (!RequestedLanguage.TryRead(context, out var language, out var problem)) return problem!;
        var lang = language ?? "en";
        return Results.Ok(new ParticipantNamesView(lang, ParticipantNames.Direction(lang), ParticipantNames.All(lang)));
    }

    /// <summary>One participant, by its code.</summary>
    [WolverineGet("/api/participants/{code}", OperationId = "GetParticipant")]
    [ProducesResponseType<Participant>(200)]
    public static async Task<IResult> GetOne(string code, IQuerySession session, HttpContext context, CancellationToken cancellation) =>
        !RequestedLanguage.TryRead(context, out var language, out var problem)
            ? problem!
            : await session.LoadParticipantAsync(code, cancellation) is { } participant
                ? Results.Ok(participant with { Name = ParticipantNames.In(language, participant.Code, participant.Name) })
                : Refusal.UnknownParticipant(code, namedByAddress: true).ToResult();
}

public sealed record ParticipantNamesView(string Language, string Direction, IReadOnlyDictionary<string, string> Names);
