namespace SpeakersList.Floor;

// The life of a meeting as it happens, on the meeting's stream. The programme grid shows them as
// its live status; the floor (the speaker, the clock) is run between MeetingOpened and MeetingAdjourned.

public sealed record MeetingOpened(Guid MeetingId, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

public sealed record MeetingSuspended(Guid MeetingId, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

public sealed record MeetingResumed(Guid MeetingId, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

public sealed record MeetingAdjourned(Guid MeetingId, Guid CommandId, DateTimeOffset At) : IMeetingEvent;
