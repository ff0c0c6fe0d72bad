namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// The official language a request asks participants to be named in: <c>?lang=</c> (ar, zh, en, fr, ru or es) first,
/// else the best of <c>Accept-Language</c> among the six; none means the registry's names.
/// </summary>
public static class RequestedLanguage
{
    /// <summary>False with a 400 ProblemDetails when <c>?lang=</c> names none of the six languages.</summary>
    public static bool TryRead(HttpContext context, out string? language, out IResult? problem)
    {
        problem = null;
        if (context.Request.Query.TryGetValue("lang", out var asked) && !string.IsNullOrWhiteSpace(asked))
        {
            language = ParticipantNames.Language(asked.ToString());
            if (language is null)
                problem = Results.Problem(Refusals.BadRequest($"lang must be one of {string.Join(", ", ParticipantNames.Languages)}; '{asked}' is not."));
            return language is not null;
        }
        language = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(x => x.Quality ?? 1)
            .Select(x => ParticipantNames.Language(x.Value.Value))
            .FirstOrDefault(x => x is not null);
        return true;
    }
}
