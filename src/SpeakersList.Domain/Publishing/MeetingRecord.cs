using SpeakersList.Participants;
using SpeakersList.Floor;
using SpeakersList.Interpretation;
using SpeakersList.SpeakersLists;
using SpeakersList.Programme;

namespace SpeakersList.Publishing;

public enum RecordItemKind
{
    Statement,
    PreArranged,
    RightOfReply,
    PointOfOrder,
}

public sealed record Pause(DateTimeOffset From, DateTimeOffset To)
{
    public double Seconds => (To - From).TotalSeconds;
}

/// <summary>One thing said on the floor: a statement (with its clock) or a point of order.</summary>
/// <param name="Delegation">The participant's name as registered: the delegation, or the organization, that spoke.</param>
public sealed record RecordItem(
    RecordItemKind Kind,
    Guid? InscriptionId,
    ParticipantCode Participant,
    string Delegation,
    string? SpeakerName,
    string? SpeakerTitle,
    LevelOfRepresentation? Level,
    string? OnBehalfOf,
    int? ReplyNumber,
    DateTimeOffset From,
    DateTimeOffset To,
    int? AllottedSeconds,
    double UsedSeconds,
    double OverrunSeconds,
    IReadOnlyList<Pause> Pauses,
    Delivery? Delivery = null)
{
    public double PausedSeconds => Pauses.Sum(p => p.Seconds);

    /// <summary>The same line with its times as the venue's clocks show them, as the record presents them.</summary>
    public RecordItem AtVenue(TimeZoneInfo venue) => this with
    {
        From = venue.LocalTime(From),
        To = venue.LocalTime(To),
        Pauses = Pauses.Select(p => new Pause(venue.LocalTime(p.From), venue.LocalTime(p.To))).ToList(),
    };
}

/// <summary>
/// The record of who spoke, rebuilt from the meeting's events: each speech from its start to its end,
/// with the time the floor recorded as spoken and allotted, and the pauses (a pause, a point of order,
/// a suspension) in between; points of order in their place. Ordered by when each began.
/// </summary>
public static class MeetingRecord
{
    public static IReadOnlyList<RecordItem> Of(ListOfSpeakers list, IEnumerable<object> events)
    {
        var items = new List<RecordItem>();
        Guid? speaking = null;
        DateTimeOffset? startedAt = null, pausedAt = null;
        var pauses = new List<Pause>();
        (PointOfOrderRaised Raised, int Index)? point = null;

        void ClosePause(DateTimeOffset at)
        {
            if (pausedAt is { } from) pauses.Add(new Pause(from, at));
            pausedAt = null;
        }

        foreach (var e in events)
        {
            switch (e)
            {
                case SpeakerCalled x:
                    (speaking, startedAt, pausedAt) = (x.InscriptionId, null, null);
                    pauses = [];
                    break;
                case SpeechStarted x when x.InscriptionId == speaking:
                    startedAt = x.At;
                    break;
                case SpeechPaused x when x.InscriptionId == speaking && startedAt is not null:
                    pausedAt ??= x.At;
                    break;
                case MeetingSuspended x when startedAt is not null:
                    pausedAt ??= x.At;
                    break;
                case SpeechResumed x when x.InscriptionId == speaking:
                    ClosePause(x.At);
                    break;
                case PointOfOrderRaised x:
                    if (startedAt is not null) pausedAt ??= x.At;
                    point = (x, items.Count);
                    items.Add(new RecordItem(RecordItemKind.PointOfOrder, null, x.Participant, x.ParticipantName, null, null, null, null, null,
                        x.At, x.At, null, 0, 0, []));
                    break;
                case PointOfOrderConcluded x when point is { } raised:
                    items[raised.Index] = items[raised.Index] with { To = x.At, UsedSeconds = (x.At - raised.Raised.At).TotalSeconds };
                    point = null;
                    break;
                case SpeakerMarkedAbsent:
                    (speaking, startedAt, pausedAt) = (null, null, null);
                    break;
                case SpeechEnded x when x.InscriptionId == speaking && startedAt is { } from:
                    ClosePause(x.At);
                    var entry = list.Find(x.InscriptionId);
                    var speaker = entry?.Speaker;
                    var used = x.Spoken.TotalSeconds;
                    items.Add(new RecordItem(
                        entry?.Kind switch { EntryKind.PreArranged => RecordItemKind.PreArranged, EntryKind.RightOfReply => RecordItemKind.RightOfReply, _ => RecordItemKind.Statement },
                        x.InscriptionId, speaker?.Participant ?? default, speaker?.ParticipantName ?? "", speaker?.SpeakerName, speaker?.SpeakerTitle, speaker?.Level,
                        speaker?.OnBehalfOf, entry?.ReplyNumber, from, x.At, x.AllottedSeconds, used, Math.Max(0, used - x.AllottedSeconds), pauses, entry?.Delivery));
                    (speaking, startedAt) = (null, null);
                    pauses = [];
                    break;
            }
        }
        return items.OrderBy(i => i.From).ToList();
    }
}
