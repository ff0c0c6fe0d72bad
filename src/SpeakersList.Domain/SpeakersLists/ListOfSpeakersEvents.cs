using SpeakersList.Interpretation;
using SpeakersList.Participants;

namespace SpeakersList.SpeakersLists;

// Events on a meeting's stream that concern its list of speakers. Each carries the time it
// happened and the command that caused it, so a replay rebuilds the list exactly.

public sealed record SpeakerInscribed(
    Guid MeetingId, Guid InscriptionId, Guid CommandId, Speaker Speaker, EntryKind Kind, DateTimeOffset ReceivedAt,
    int? ReplyNumber = null, int? ArrangedOrder = null, int? AllottedSecondsOverride = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] // a pre-arranged speaker's: none
    Delivery? Delivery = null) : IMeetingEvent
{
    /// <summary>An inscription happens when its request arrived.</summary>
    DateTimeOffset IMeetingEvent.At => ReceivedAt;
}

public sealed record InscriptionWithdrawn(Guid MeetingId, Guid InscriptionId, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

/// <summary>An officer placed an entry right after another one (or at the head when After is null).</summary>
public sealed record EntryMoved(Guid MeetingId, Guid InscriptionId, Guid? After, string Reason, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

public sealed record SpeakersListClosed(Guid MeetingId, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

public sealed record SpeakersListReopened(Guid MeetingId, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

public sealed record TimeLimitsSet(Guid MeetingId, TimeLimits Limits, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

public sealed record SpeakerCapSet(Guid MeetingId, int? Cap, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

/// <summary>An officer allowed a delegation a second inscription on this meeting's list.</summary>
public sealed record SecondInscriptionAllowed(Guid MeetingId, ParticipantCode Participant, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

public sealed record OrderingPolicySet(Guid MeetingId, OrderingPolicy Policy, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

public sealed record CarryOverPolicySet(Guid MeetingId, CarryOverPolicy Policy, Guid CommandId, DateTimeOffset At) : IMeetingEvent;
