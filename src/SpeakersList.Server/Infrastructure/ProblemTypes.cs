namespace SpeakersList.Server.Infrastructure;

/// <summary>The problem types (RFC 7807 "type") the service answers with, one list so that a client's switch can be written from it.</summary>
public static class ProblemTypes
{
    private const string Base = "https://speakerslist.example/problems/";

    public const string InvalidRequest = Base + "invalid-request";
    public const string NotFound = Base + "not-found";
    public const string RuleBroken = Base + "rule-broken";
    public const string Conflict = Base + "conflict";
    public const string StaleVersion = Base + "stale-version";
    public const string TooLarge = Base + "too-large";
    public const string Unavailable = Base + "unavailable";
    public const string Unauthenticated = Base + "unauthenticated";
    public const string Forbidden = Base + "forbidden";
    public const string RateLimited = Base + "rate-limited";
    public const string UnsupportedFile = Base + "unsupported-file";
    public const string FileTooLarge = Base + "file-too-large";
}
