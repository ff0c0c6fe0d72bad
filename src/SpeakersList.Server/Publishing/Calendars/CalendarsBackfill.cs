using SpeakersList.Server.Operations;
using SpeakersList.Publishing;

namespace SpeakersList.Server.Publishing.Calendars;

/// <summary>
/// Says that the calendars' inline projections (<see cref="SlotLedger"/>, <see cref="DelegationMeeting"/>) hold every
/// meeting's events, those appended before the projections existed included. Its id names the projections' generation:
/// a change to what they keep takes a new id, and the next start builds them again.
/// </summary>
public sealed record ProjectionsBuilt(string Id, DateTimeOffset At, int Meetings);

/// <summary>
/// A database from before the calendars' projections has meetings without ledgers or delegation rows. The first start of a
/// new build (its schema not yet stamped) rebuilds them from the events, once, one node at a time (the schema's advisory
/// lock), and leaves a <see cref="ProjectionsBuilt"/> mark: later starts, and the second node, find it and do nothing.
/// </summary>
public static class CalendarsBackfill
{
    /// <summary>The projections' generation (bump it when SlotLedger or DelegationMeeting changes what it keeps).</summary>
    public const string Generation = "calendars-1";

    /// <summary>Builds the projections from the events unless the mark says it was done; the number of meetings rebuilt.</summary>
    public static Task<int> RunAsync(IDocumentStore store, ILogger logger, CancellationToken cancellation) =>
        OneNodeAtATime.RunAsync(store, OneNodeAtATime.Schema, async () =>
        {
            await using (var query = store.QuerySession())
                if (await query.LoadAsync<ProjectionsBuilt>(Generation, cancellation) is not null) return 0;

            var started = TimeProvider.System.GetTimestamp();
            IReadOnlyList<Guid> meetings;
            await using (var query = store.QuerySession())
                meetings = await query.Query<ListOfSpeakers>().Select(x => x.Id).ToListAsync(cancellation);
            foreach (var meeting in meetings)
                await store.Advanced.RebuildSingleStreamAsync<SlotLedger>(meeting, cancellation);
            if (meetings.Count > 0)
                using (var daemon = await store.BuildProjectionDaemonAsync())
                    await daemon.RebuildProjectionAsync<DelegationMeetingsProjection>(cancellation);

            await using (var session = store.LightweightSession())
            {
                session.Store(new ProjectionsBuilt(Generation, DateTimeOffset.UtcNow, meetings.Count));
                await session.SaveChangesAsync(cancellation);
            }
            logger.LogInformation("The calendars' projections ({Generation}) were built from the events of {Meetings} meetings in {Seconds:F1} s",
                Generation, meetings.Count, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
            return meetings.Count;
        }, cancellation);

    /// <summary>At start, after the schema: nothing when this build stamped the schema already (it built them then).</summary>
    public sealed class AtStart(SchemaStamp stamp, IDocumentStore store, ILogger<AtStart> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellation)
        {
            if (!stamp.IsCurrent) await RunAsync(store, logger, cancellation);
        }

        public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
    }
}
