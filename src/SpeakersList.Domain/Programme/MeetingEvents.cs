
namespace SpeakersList.Programme;

public enum MeetingKind
{
    Plenary,
    RoundTable,
    Hearing,
}

/// <summary>The first event of a meeting's stream.</summary>
public sealed record MeetingScheduled(
    Guid MeetingId,
    Guid CommandId,
    MeetingKind Kind,
    string Title,
    string Room,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    string AgendaItem,
    DateTimeOffset At);

public sealed record MeetingRescheduled(Guid MeetingId, Guid CommandId, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset At);

/// <summary>What a list needs to know of its meeting.</summary>
public sealed record MeetingInfo(
    MeetingKind Kind,
    string Title,
    string Room,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    string AgendaItem)
{
    public static MeetingInfo From(MeetingScheduled e) => new(e.Kind, e.Title, e.Room, e.Start, e.End, e.TimeZone, e.AgendaItem);

    public TimeZoneInfo Venue => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
