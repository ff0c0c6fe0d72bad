using System.Collections.Immutable;
using System.Runtime.CompilerServices;
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

    // Each list's plan, while the list is in memory: the next event's plan grows from it (ListPlan.Grown). Keyed by the
    // instance, which is immutable, so a plan always belongs to the list it was made from; a list read from the store
    // has none and is planned whole.
    private static readonly ConditionalWeakTable<ListOfSpeakers, ListPlan> Plans = new();

    public SlotLedger Evolve(IMeetingEvent @event)
    {
        var list = List.Evolve(@event);
        if (list.Entries.Count == 0) return this with { List = list };
        // One plan per event serves every slot of the list.
        if (Plans.TryGetValue(List, out var before) && before.Grown(list) is { } grown && !grown.Added.Any(x => Slots.ContainsKey(x.InscriptionId)))
        {
            Plans.AddOrUpdate(list, grown);
            // Only entries added in the last places: every slot before them keeps its plan, so stands as it was.
            var added = Slots.ToBuilder();
            foreach (var entry in grown.Added)
                added[entry.InscriptionId] = First(list, entry, grown.Slots[entry.InscriptionId], @event.At, list.Meeting.Cancelled);
            return new SlotLedger(Id, list, added.ToImmutable());
        }
        var plan = ListPlan.Of(list);
        Plans.AddOrUpdate(list, plan);
        var slots = Slots.ToBuilder();
        foreach (var entry in list.Entries)
        {
            var cancelled = !entry.IsActive || list.Meeting.Cancelled;
            var planned = plan.Slots.TryGetValue(entry.InscriptionId, out var known) ? known : new PlannedSlot(null, list.Limits.For(entry), true);
            if (!slots.TryGetValue(entry.InscriptionId, out var published))
            {
                slots[entry.InscriptionId] = First(list, entry, planned, @event.At, cancelled);
                continue;
            }
            var estimated = planned.EstimatedStart ?? published.PublishedStart;
            var moved = !cancelled && (estimated - published.PublishedStart).Duration() > SlotRevisions.Threshold;
            var next = moved || cancelled != published.Cancelled
                ? published with
                {
                    Entry = entry, PublishedStart = moved ? estimated : published.PublishedStart, AllottedSeconds = planned.AllottedSeconds,
                    ReachedBeforeEnd = planned.ReachedBeforeEnd, Sequence = published.Sequence + 1, LastModified = @event.At, Cancelled = cancelled,
                }
                : published with { Entry = entry, AllottedSeconds = planned.AllottedSeconds, ReachedBeforeEnd = planned.ReachedBeforeEnd };
            if (next != published) slots[entry.InscriptionId] = next;
        }
        return new SlotLedger(Id, list, slots.ToImmutable());
    }

    // A slot as first published: its planned start (the meeting's start while it has none), revision 0.
    private static SlotRevision First(ListOfSpeakers list, Entry entry, PlannedSlot planned, DateTimeOffset at, bool cancelled) =>
        new(list.Id, entry.InscriptionId, entry, planned.EstimatedStart ?? list.ScheduledStart, planned.AllottedSeconds, planned.ReachedBeforeEnd, 0, at, cancelled);

    /// <summary>One participant's slots, by the start last published.</summary>
    public IReadOnlyList<SlotRevision> Of(ParticipantCode participant) =>
        Slots.Values.Where(s => s.Entry.Speaker.Represents(participant)).OrderBy(s => s.PublishedStart).ThenBy(s => s.Entry.Sequence).ToList();
}

public static class SlotRevisions
{
    /// <summary>Calendar applications are not told of moves smaller than this: the forecast breathes with every speech.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromMinutes(5);
}
