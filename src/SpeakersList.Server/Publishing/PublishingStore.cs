using JasperFx.Events;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.Publishing.Calendars;
using SpeakersList.Server.Publishing.Statements;

namespace SpeakersList.Server.Publishing;

/// <summary>What the publishing slices keep in the store, and how they read a meeting's events.</summary>
public static class PublishingStore
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<CalendarLink>().UniqueIndex(x => x.TokenHash);
        options.Schema.For<StoredStatementFile>();
        // The calendars' slot revisions, folded as the events land (a fetch no longer replays every meeting).
        options.Projections.Add<SlotLedgerProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Projections.Add<DelegationMeetingsProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Schema.For<DelegationMeeting>().Index(x => x.Participant);
        options.Schema.For<ProjectionsBuilt>();
    }

    /// <summary>How many times each meeting was rescheduled, moved or cancelled, and when last: a calendar's SEQUENCE and LAST-MODIFIED.</summary>
    public static async Task<IReadOnlyDictionary<Guid, (int Changes, DateTimeOffset Last)>> MeetingChangesAsync(IQuerySession session, CancellationToken cancellation)
    {
        var changes = new List<(Guid MeetingId, DateTimeOffset At)>();
        changes.AddRange((await session.Events.QueryRawEventDataOnly<MeetingRescheduled>().ToListAsync(cancellation)).Select(x => (x.MeetingId, x.At)));
        changes.AddRange((await session.Events.QueryRawEventDataOnly<MeetingMoved>().ToListAsync(cancellation)).Select(x => (x.MeetingId, x.At)));
        changes.AddRange((await session.Events.QueryRawEventDataOnly<MeetingCancelled>().ToListAsync(cancellation)).Select(x => (x.MeetingId, x.At)));
        return changes.GroupBy(x => x.MeetingId).ToDictionary(g => g.Key, g => (g.Count(), g.Max(x => x.At)));
    }


    /// <summary>The events' data, for folds that need nothing else of them.</summary>
    public static IEnumerable<object> Data(this IEnumerable<IEvent> events) => events.Select(e => e.Data);
}
