namespace SpeakersList.Server.Infrastructure;

/// <summary>The problem types (RFC 7807 "type") the service answers with, one list so that a client's switch can be written from it.</summary>
public static class ProblemTypes
{
    private const string Base = "https://speakerslist.example/problems/";

    // The request itself: 400, 404, 413.
    public const string InvalidRequest = Base + "invalid-request", NotFound = Base + "not-found", TooLarge = Base + "too-large";

    // A rule of procedure or of the programme: 422, 409.
    public const string RuleBroken = Base + "rule-broken", Conflict = Base + "conflict", StaleVersion = Base + "stale-version";

    // Who is asking: 401, 403, 429.
    public const string Unauthenticated = Base + "unauthenticated", Forbidden = Base + "forbidden", RateLimited = Base + "rate-limited";

    // A statement's file: 415, 413.
    public const string UnsupportedFile = Base + "unsupported-file", FileTooLarge = Base + "file-too-large";

    /// <summary>The database is away: 503, with Retry-After.</summary>
    public const string Unavailable = Base + "unavailable";
}
