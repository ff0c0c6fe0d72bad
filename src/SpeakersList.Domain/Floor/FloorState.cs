using SpeakersList.Participants;
using System.Text.Json.Serialization;
using System.Collections.Immutable;

namespace SpeakersList.Floor;

public enum MeetingStatus
{
    Scheduled,
    InProgress,
    Suspended,
    Adjourned,
}

/// <summary>The speaker who holds the floor: called, then speaking (the clock runs or is paused).</summary>
/// <param name="Since">When the floor last changed for this speaker (called, started, paused, resumed).</param>
public sealed record CurrentSpeech(Guid InscriptionId, DateTimeOffset CalledAt, DateTimeOffset? StartedAt, SpeechClock Clock, DateTimeOffset Since)
{
    [JsonIgnore] // derived: not stored in the snapshot
    public bool Started => StartedAt is not null;
    [JsonIgnore] // derived: not stored in the snapshot
    public bool Paused => Started && !Clock.Running;
}

/// <summary>A point of order before the President (rule 71).</summary>
/// <param name="InterruptedSpeech">The speaker's clock was running when it was raised, so the debate resumes with it.</param>
public sealed record PointOfOrder(ParticipantCode Participant, string ParticipantName, DateTimeOffset Since, bool InterruptedSpeech);

public sealed record PointOfOrderHeard(ParticipantCode Participant, string ParticipantName, DateTimeOffset RaisedAt, DateTimeOffset ConcludedAt);

/// <summary>The floor of a meeting: its status, who has the floor and the clock, a point of order.</summary>
/// <param name="FreeSince">When the floor last became free: the opening, the end of a speech, a speaker found absent.</param>
public sealed record FloorState(
    MeetingStatus Status,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? AdjournedAt,
    CurrentSpeech? Current,
    PointOfOrder? PointOfOrder,
    DateTimeOffset? FreeSince,
    ImmutableList<PointOfOrderHeard> PointsOfOrder,
    ImmutableList<Guid> AbsentWhenCalled)
{
    public static readonly FloorState Initial = new(MeetingStatus.Scheduled, null, null, null, null, null, [], []);

    internal FloorState PauseClock(DateTimeOffset at) =>
        Current is { Clock.Running: true } current ? this with { Current = current with { Clock = current.Clock.Pause(at), Since = at } } : this;

    internal FloorState ChangeCurrent(Func<CurrentSpeech, CurrentSpeech> change) =>
        Current is { } current ? this with { Current = change(current) } : this;
}
