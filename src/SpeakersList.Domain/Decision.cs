namespace SpeakersList;

/// <summary>Why a command was refused, in words an officer understands.</summary>
public enum RefusalKind
{
    /// <summary>The thing named does not exist (404).</summary>
    NotFound,
    /// <summary>The command conflicts with the current state (409).</summary>
    Conflict,
    /// <summary>The command is well formed but breaks a rule (422).</summary>
    Invalid,
    /// <summary>The command was based on a stale version (409 with the current version).</summary>
    StaleVersion,
}

/// <summary>
/// A refused command. <c>Reason</c>: a stable code for the refusals a delegation meets most (the list closed, already
/// inscribed, ...), so that a page can say it in its reader's language; the detail stays the full English sentence.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Title, string Detail, long? CurrentVersion = null, string? Reason = null)
{
    public Refusal Because(string reason) => this with { Reason = reason };

    public static Refusal Conflict(string detail) => new(RefusalKind.Conflict, "The command conflicts with the list's state", detail);
    public static Refusal Invalid(string detail) => new(RefusalKind.Invalid, "The command breaks a rule", detail);
    public static Refusal NotFound(string detail) => new(RefusalKind.NotFound, "Not found", detail);

    /// <summary>A meeting id that names no meeting's stream (at a moment of its history, when one is asked).</summary>
    public static Refusal NoMeeting(Guid meetingId, DateTimeOffset? at = null) =>
        NotFound(at is null ? $"There is no meeting {meetingId}." : $"There was no meeting {meetingId} at {at:O}.");

    /// <summary>A participant code the registry does not know: a rule broken when a command gives it, not found when the address names it.</summary>
    public static Refusal UnknownParticipant(string code, bool namedByAddress = false)
    {
        var detail = $"Unknown participant '{code}'. Use a code from GET /api/participants.";
        return namedByAddress ? NotFound(detail) : Invalid(detail);
    }
    public static Refusal Stale(long expected, long current) => new(RefusalKind.StaleVersion, "The list has changed since you read it",
        $"The command was based on version {expected}, but the list is now at version {current}. Reload and try again.", current, "list-changed");
}

/// <summary>The outcome of a pure decision: events to append, or a refusal. Never both.</summary>
/// <remarks>Decisions on a meeting carry <see cref="IMeetingEvent"/>s; every project names that one plain <c>Decision</c>.</remarks>
public sealed record Decision<TEvent>(IReadOnlyList<TEvent> Events, Refusal? Refusal)
{
    public static Decision<TEvent> Accept(params TEvent[] events) => new(events, null);
    /// <summary>Accepted earlier: a retried command with a known id changes nothing.</summary>
    public static readonly Decision<TEvent> AlreadyDone = new([], null);
    public static Decision<TEvent> Refuse(Refusal refusal) => new([], refusal);
    public static implicit operator Decision<TEvent>(Refusal refusal) => Refuse(refusal);
    public bool Refused => Refusal is not null;
}
