namespace SpeakersList.Programme;

public enum MeetingKind
{
    Plenary,
    RoundTable,
    Hearing,
}

/// <summary>A part of a meeting with a title of its own: the opening of a plenary, a segment of the hearings (para 73).</summary>
public sealed record MeetingSegment(string Title, DateTimeOffset Start, DateTimeOffset End);

/// <summary>The first event of a meeting's stream.</summary>
/// <param name="ConferenceId">The conference whose programme the meeting belongs to; null for a meeting scheduled on its own.</param>
/// <param name="Code">A short name unique in the conference, such as PL1 or RT-II, by which import files refer to the meeting.</param>
/// <param name="Segments">The meeting's parts in time order, when it has any.</param>
public sealed record MeetingScheduled(
    Guid MeetingId,
    Guid CommandId,
    MeetingDetails Details,
    DateTimeOffset At,
    Guid? ConferenceId = null,
    string? Code = null,
    IReadOnlyList<MeetingSegment>? Segments = null) : IMeetingEvent;

public sealed record MeetingRescheduled(Guid MeetingId, Guid CommandId, DateTimeOffset Start, DateTimeOffset End, DateTimeOffset At) : IMeetingEvent;

/// <summary>The meeting will be held in another room, at the same time.</summary>
public sealed record MeetingMoved(Guid MeetingId, Guid CommandId, string Room, DateTimeOffset At) : IMeetingEvent;

/// <summary>The meeting will not be held. Its room is free again; its stream and its list are kept.</summary>
public sealed record MeetingCancelled(Guid MeetingId, Guid CommandId, string Reason, DateTimeOffset At) : IMeetingEvent;

/// <summary>What a list needs to know of its meeting: its details, and whether it will be held at all.</summary>
public sealed record MeetingInfo(MeetingDetails Details, bool Cancelled = false);
