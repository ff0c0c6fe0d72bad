using System.Text.Json.Serialization;
using SpeakersList.Interpretation;
using SpeakersList.Participants;

namespace SpeakersList.SpeakersLists;

/// <summary>One inscription on a list of speakers.</summary>
public sealed record Entry(
    Guid InscriptionId,
    Guid CommandId,
    Speaker Speaker,
    EntryKind Kind,
    DateTimeOffset ReceivedAt,
    long Sequence,
    EntryState State,
    int? ReplyNumber,
    int? ArrangedOrder,
    int? AllottedOverride,
    int? CarriedOrder = null,
    int? CalledOrder = null,
    TimeSpan? Spoken = null,
    int? FloorAllottedSeconds = null,
    int? DrawnRank = null,
    int? DrawnOf = null,
    Delivery? Delivery = null)
{
    /// <summary>The statement's language and mode; an entry stored before they were recorded reads as English, in person.</summary>
    public Delivery Delivery { get; init; } = Delivery ?? Interpretation.Delivery.Default;

    public static Entry From(SpeakerInscribed e, long sequence) => new(
        e.InscriptionId, e.CommandId, e.Speaker, e.Kind, e.ReceivedAt, sequence, EntryState.Waiting,
        e.ReplyNumber, e.ArrangedOrder, e.AllottedSecondsOverride, Delivery: e.Delivery);

    [JsonIgnore] // derived: not stored in the snapshot
    public bool IsActive => State is not (EntryState.Withdrawn or EntryState.CarriedOver);
    [JsonIgnore] // derived: not stored in the snapshot
    public bool IsWaiting => State == EntryState.Waiting;
}

/// <summary>An officer's move, replayed on top of the policy's order so that it holds when later inscriptions arrive.</summary>
public sealed record Placement(Guid InscriptionId, Guid? After, string Reason, DateTimeOffset At);
