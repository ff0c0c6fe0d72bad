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
/// Folds a meeting's events in order and follows the forecast of one participant's slots after each
/// event. A slot is revised when its estimated start moves by more than <see cref="Threshold"/> from the
/// start last published, or when it is withdrawn, carried over or its meeting cancelled. The answer
/// depends only on the events and the times they carry, so every calendar fetch gives the same
/// SEQUENCE for the same history, whenever it is asked.
/// </summary>
public static class SlotRevisions
{
    /// <summary>Calendar applications are not told of moves smaller than this: the forecast breathes with every speech.</summary>
    public static readonly TimeSpan Threshold = TimeSpan.FromMinutes(5);

    /// <param name="scheduled">The first event of the meeting's stream.</param>
    /// <param name="events">The rest of the stream in order, each with the moment it happened.</param>
    public static IReadOnlyList<SlotRevision> Of(MeetingScheduled scheduled, IEnumerable<(object Data, DateTimeOffset At)> events, ParticipantCode participant)
    {
        var list = ListOfSpeakers.For(scheduled);
        var slots = new Dictionary<Guid, SlotRevision>();
        foreach (var (data, at) in events)
        {
            if (data is not IMeetingEvent meetingEvent) continue;
            list = list.Evolve(meetingEvent);
            if (!list.Entries.Any(e => e.Speaker.Represents(participant))) continue;
            var forecast = Forecast.Of(list, Forecast.NextFree(list)).Entries.ToDictionary(f => f.Ordered.Entry.InscriptionId);
            foreach (var entry in list.Entries.Where(e => e.Speaker.Represents(participant)))
            {
                forecast.TryGetValue(entry.InscriptionId, out var planned);
                var cancelled = !entry.IsActive || list.Meeting.Cancelled;
                var allotted = planned?.AllottedSeconds ?? list.Limits.For(entry);
                var reached = planned?.ReachedBeforeEnd ?? true;
                if (!slots.TryGetValue(entry.InscriptionId, out var published))
                {
                    slots[entry.InscriptionId] = new SlotRevision(list.Id, entry.InscriptionId, entry,
                        planned?.EstimatedStart ?? list.ScheduledStart, allotted, reached, 0, at, cancelled);
                    continue;
                }
                var start = planned?.EstimatedStart ?? published.PublishedStart;
                var moved = !cancelled && (start - published.PublishedStart).Duration() > Threshold;
                slots[entry.InscriptionId] = moved || cancelled != published.Cancelled
                    ? published with
                    {
                        Entry = entry, PublishedStart = moved ? start : published.PublishedStart, AllottedSeconds = allotted,
                        ReachedBeforeEnd = reached, Sequence = published.Sequence + 1, LastModified = at, Cancelled = cancelled,
                    }
                    : published with { Entry = entry, AllottedSeconds = allotted, ReachedBeforeEnd = reached };
            }
        }
        return slots.Values.OrderBy(s => s.PublishedStart).ToList();
    }

}
