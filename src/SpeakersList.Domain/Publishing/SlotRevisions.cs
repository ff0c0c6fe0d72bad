using System.Collections.Immutable;
using SpeakersList.Programme;
using SpeakersList.SpeakersLists;
using SpeakersList.Participants;

namespace SpeakersList.Publishing;

/// <summary>
/// A delegation's slot as a calendar publishes it: the start last published, and the revision
/// (iCalendar SEQUENCE) with the moment of its last significant change (LAST-MODIFIED).
/// </summary>
public sealed record SlotRevision(
    Guid MeetingId,
    Guid InscriptionId,
    Entry Entry,
    DateTimeOffset PublishedStart,
    int AllottedSeconds,
    bool ReachedBeforeEnd,
    int Sequence,
    DateTimeOffset LastModified,
    bool Cancelled);

/// <summary>
/// A meeting's slots as calendars publish them, kept as the meeting's events land (a snapshot of its stream): the list
/// after each event, and each inscription's <see cref="SlotRevision"/>. After each event the forecast is taken again,
/// and a slot is revised when its estimated start moves by more than <see cref="SlotRevisions.Threshold"/> from the
/// start last published, or when it is withdrawn, carried over or its meeting cancelled. The answer depends only on
/// the events and the times they carry, so the same history gives the same SEQUENCE whenever it is folded.
/// </summary>
public sealed record SlotLedger(Guid Id, ListOfSpeakers List, ImmutableDictionary<Guid, SlotRevision> Slots) : IStreamSnapshot<SlotLedger, IMeetingEvent>
{
    public static SlotLedger? Start(IMeetingEvent first) =>
        ListOfSpeakers.Start(first) is { } list ? new SlotLedger(list.Id, list, ImmutableDictionary<Guid, SlotRevision>.Empty) : null;

    public SlotLedger Evolve(IMeetingEvent @event)
    {
        var list = List.Evolve(@event);
        if (list.Entries.Count == 0) return this with { List = list };
        // One forecast per event serves every slot of the list.
        var forecast = Forecast.Of(list, Forecast.NextFree(list)).Entries.ToDictionary(f => f.Ordered.Entry.InscriptionId);
        var slots = Slots.ToBuilder();
        foreach (var entry in list.Entries)
        {
            forecast.TryGetValue(entry.InscriptionId, out var planned);
            var cancelled = !entry.IsActive || list.Meeting.Cancelled;
            var allotted = planned?.AllottedSeconds ?? list.Limits.For(entry);
            var reached = planned?.ReachedBeforeEnd ?? true;
            if (!slots.TryGetValue(entry.InscriptionId, out var published))
            {
                slots[entry.InscriptionId] = new SlotRevision(list.Id, entry.InscriptionId, entry,
                    planned?.EstimatedStart ?? list.ScheduledStart, allotted, reached, 0, @event.At, cancelled);
                continue;
            }
            var start = planned?.EstimatedStart ?? published.PublishedStart;
            var moved = !cancelled && (start - published.PublishedStart).Duration() > SlotRevisions.Threshold;
            var next = moved || cancelled != published.Cancelled
                ? published with
                {
                    Entry = entry, PublishedStart = moved ? start : published.PublishedStart, AllottedSeconds = allotted,
                    ReachedBeforeEnd = reached, Sequence = published.Sequence + 1, LastModified = @event.At, Cancelled = cancelled,
                }
                : published with { Entry = entry, AllottedSeconds = allotted, ReachedBeforeEnd = reached };
            if (next != published) slots[entry.InscriptionId] = next;
        }
        return new SlotLedger(Id, list, slots.ToImmutable());
    }

    /// <summary>One participant's slots, by the start last published.</summary>
    public IReadOnlyList<SlotRevision> Of(ParticipantCode participant) =>
        Slots.Values.Where(s => s.Entry.Speaker.Represents(participant)).OrderBy(s => s.PublishedStart).ThenBy(s => s.Entry.Sequence).ToList();
}

public static class SlotRevisions
{
    /// <summary>Calendar applications are not told of moves smaller than this: the forecast breathes with every speech.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromMinutes(5);
}
