using SpeakersList.Server.Operations;
using SpeakersList.Publishing;

namespace SpeakersList.Server.Publishing.Calendars;

/// <summary>
/// Says that the calendars' inline projections (<see cref="SlotLedger"/>, <see cref="DelegationMeeting"/>) hold every
/// meeting's events, those appended before the projections existed included. Its id names the projections' generation:
/// a change to what they keep takes a new id, and the next start builds them again.
/// </summary>
public sealed record ProjectionsBuilt(string Id, DateTimeOffset At, int Meetings)
{
    /// <summary>
    /// Runs <paramref name="build"/> once per generation: one node at a time (the schema's advisory lock), nothing when the
    /// mark is there, else the build then its mark, stored with the session the build was given. The number of meetings built.
    /// </summary>
    public static Task<int> OnceAsync(IDocumentStore store, string generation, string what, Func<IDocumentSession, Task<int>> build,
        ILogger logger, CancellationToken cancellation) =>
        OneNodeAtATime.RunAsync(store, OneNodeAtATime.Schema, async () =>
        {
            await using (var query = store.QuerySession())
                if (await query.LoadAsync<ProjectionsBuilt>(generation, cancellation) is not null) return 0;

            var started = TimeProvider.System.GetTimestamp();
            await using var session = store.LightweightSession();
            var meetings = await build(session);
            session.Store(new ProjectionsBuilt(generation, DateTimeOffset.UtcNow, meetings));
            await session.SaveChangesAsync(cancellation);
            logger.LogInformation("{What} ({Generation}) were built from {Meetings} meetings in {Seconds:F1} s",
                what, generation, meetings, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
            return meetings;
        }, cancellation);

    /// <summary>
    /// At start, after the schema, on a database from before them: the calendars' projections, then the forecast's adjourned
    /// meetings, each once. Nothing when this build stamped the schema already (it built them then).
    /// </summary>
    public sealed class AtStart(SchemaStamp stamp, IDocumentStore store, ILogger<ProjectionsBuilt> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellation)
        {
            if (stamp.IsCurrent) return;
            await CalendarsBackfill.RunAsync(store, logger, cancellation);
            await Forecasting.AdjournedMeetings.BuildAsync(store, logger, cancellation);
        }

        public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
    }
}

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
        ProjectionsBuilt.OnceAsync(store, Generation, "The calendars' projections", async _ =>
        {
            IReadOnlyList<Guid> meetings;
            await using (var query = store.QuerySession())
                meetings = await query.Query<ListOfSpeakers>().Select(x => x.Id).ToListAsync(cancellation);
            // Each rebuild commits on its own; the mark follows them.
            foreach (var meeting in meetings)
                await store.Advanced.RebuildSingleStreamAsync<SlotLedger>(meeting, cancellation);
            if (meetings.Count > 0)
                using (var daemon = await store.BuildProjectionDaemonAsync())
                    await daemon.RebuildProjectionAsync<DelegationMeetingsProjection>(cancellation);
            return meetings.Count;
        }, logger, cancellation);
}
