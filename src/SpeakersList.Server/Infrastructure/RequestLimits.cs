namespace SpeakersList.Server.Infrastructure;

/// <summary>How large a request body may be, per endpoint family, and how long a client waits while the database is away (SpeakersList:RequestLimits).</summary>
public sealed class RequestLimits
{
    /// <summary>A command: a few fields, never more than a few kilobytes.</summary>
    public long CommandBytes { get; set; } = 64 * 1024;

    /// <summary>A programme file (POST /api/programme/import).</summary>
    public long ImportBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How deeply a JSON body may nest.</summary>
    public int MaxJsonDepth { get; set; } = 16;

    /// <summary>The Retry-After (seconds) of a 503 while PostgreSQL is away.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}
