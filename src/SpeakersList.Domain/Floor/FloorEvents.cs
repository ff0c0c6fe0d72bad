using SpeakersList.Participants;
namespace SpeakersList.Floor;

// What happens on the floor of a meeting, on the meeting's stream. Each event carries the moment
// it happened (from the server's TimeProvider) and the command that caused it, so a replay of the
// stream rebuilds the floor and its clock exactly. The meeting's own life (opened, suspended,
// resumed, adjourned) is in MeetingLifecycleEvents.cs.

/// <summary>The President gave the floor to a speaker on the list (the next one, or one chosen out of turn).</summary>
/// <param name="AllottedSeconds">The speaker's time limit when called (rule 72); extensions add to it.</param>
/// <param name="Chosen">True when the officer chose the speaker rather than taking the next in order.</param>
public sealed record SpeakerCalled(Guid MeetingId, Guid CommandId, DateTimeOffset At, Guid InscriptionId, int AllottedSeconds, bool Chosen) : IMeetingEvent;

/// <summary>The speaker began to speak: the clock starts.</summary>
public sealed record SpeechStarted(Guid MeetingId, Guid CommandId, DateTimeOffset At, Guid InscriptionId) : IMeetingEvent;

public sealed record SpeechPaused(Guid MeetingId, Guid CommandId, DateTimeOffset At, Guid InscriptionId) : IMeetingEvent;

public sealed record SpeechResumed(Guid MeetingId, Guid CommandId, DateTimeOffset At, Guid InscriptionId) : IMeetingEvent;

/// <summary>The speaker was given more time.</summary>
public sealed record SpeechExtended(Guid MeetingId, Guid CommandId, DateTimeOffset At, Guid InscriptionId, int Seconds) : IMeetingEvent;

/// <summary>The speech is over. The time spoken and allotted are recorded as they stood, for the statistics.</summary>
public sealed record SpeechEnded(Guid MeetingId, Guid CommandId, DateTimeOffset At, Guid InscriptionId, TimeSpan Spoken, int AllottedSeconds) : IMeetingEvent;

/// <summary>
/// A speaker called did not answer. With <see cref="AbsentPolicy.EndOfList"/> the entry waits again,
/// placed right after <paramref name="After"/> (the last waiting entry when it happened; null when
/// none was waiting); with <see cref="AbsentPolicy.NextMeeting"/> it is marked absent, to be carried over.
/// </summary>
public sealed record SpeakerMarkedAbsent(Guid MeetingId, Guid CommandId, DateTimeOffset At, Guid InscriptionId, AbsentPolicy Policy, Guid? After) : IMeetingEvent;

/// <summary>A point of order (rule 71): it interrupts the debate, pauses the speaker's clock, and is not on the list.</summary>
public sealed record PointOfOrderRaised(Guid MeetingId, Guid CommandId, DateTimeOffset At, ParticipantCode Participant, string ParticipantName) : IMeetingEvent;

/// <summary>The President ruled on the point of order; the debate continues.</summary>
public sealed record PointOfOrderConcluded(Guid MeetingId, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

/// <summary>The officers set what happens to a speaker who is absent when called.</summary>
public sealed record AbsentPolicySet(Guid MeetingId, Guid CommandId, DateTimeOffset At, AbsentPolicy Policy) : IMeetingEvent;
