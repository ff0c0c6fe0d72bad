using System.Diagnostics;
using System.Threading.Channels;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using SpeakersList.Server.Operations;
using SpeakersList.Server.SpeakersLists;

namespace SpeakersList.Server.Live;

/// <summary>
/// Hears every committed Marten session (whichever endpoint or handler wrote it) and pushes the
/// new state of each touched meeting to its subscribers. No endpoint has to remember to push.
/// Pushes carry whole, versioned snapshots, so a burst of commits on one meeting is coalesced
/// into one push of the latest state.
/// </summary>
public sealed class LiveUpdates : DocumentSessionListenerBase
{
    private readonly Channel<TouchedStream> _touched = Channel.CreateUnbounded<TouchedStream>(new UnboundedChannelOptions { SingleReader = true });

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var events = commit.GetEvents().ToList();
        Telemetry.Committed(events);
        // The lists as the commit stored them (inline projection) travel with their ids: the publisher need not read them back.
        var lists = commit.Updated.Concat(commit.Inserted).OfType<ListOfSpeakers>().ToList();
        // The commit's trace (the request's) continues in the push; the time starts the push latency.
        var cause = Activity.Current?.Context ?? default;
        var at = Stopwatch.GetTimestamp();
        foreach (var streamId in events.Select(e => e.StreamId).Distinct())
            _touched.Writer.TryWrite(new TouchedStream(streamId, lists.LastOrDefault(x => x.Id == streamId), cause, at));
        return Task.CompletedTask;
    }

    internal ChannelReader<TouchedStream> Touched => _touched.Reader;
}

/// <summary>
/// A stream changed by a commit: which, the meeting's list as committed when the commit stored one, in which trace,
/// and when (<see cref="Stopwatch.GetTimestamp"/>).
/// </summary>
public sealed record TouchedStream(Guid StreamId, ListOfSpeakers? List, ActivityContext Cause, long CommittedAt);

/// <summary>
/// Reads the touched meetings and sends each subscriber group its fresh view, each view computed once per batch:
/// to a meeting's group the list (speakersListChanged) and the floor (floorChanged); to the group of the room of a
/// touched meeting the room's view (roomChanged); to the group of each delegation on a touched list its slots
/// (delegationChanged). Room and delegation views are computed for those watched on this node, or, with the
/// backplane, for every room and delegation touched, since their watchers may be on another node.
/// </summary>
public sealed class LivePublisher(
    LiveUpdates updates, IDocumentStore store, IHubContext<LiveHub> hub, LiveSubscriptions subscriptions, TimeProvider clock,
    ILogger<LivePublisher> logger, Forecasting.SpeakingHistory history)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in updates.Touched.ReadBurstsAsync(stoppingToken))
        {
            // The latest committed list of each touched stream (null: not carried, read it).
            var meetings = new Dictionary<Guid, ListOfSpeakers?>();
            foreach (var touched in batch)
                meetings[touched.StreamId] = meetings.TryGetValue(touched.StreamId, out var seen) && seen is not null
                    && (touched.List is null || touched.List.Version < seen.Version) ? seen : touched.List;
            try
            {
                using (Telemetry.StartPush(batch))
                    await PublishAsync(meetings, stoppingToken);
                Telemetry.Pushed(batch);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Screens resynchronise from a snapshot when they see a gap; a failed push is logged, not fatal.
                logger.LogWarning(ex, "Could not push the changes of meetings {MeetingIds}", string.Join(", ", meetings.Keys));
            }
        }
    }

    private async Task PublishAsync(IReadOnlyDictionary<Guid, ListOfSpeakers?> meetings, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var unread = meetings.Where(x => x.Value is null).Select(x => x.Key).ToList();
        var touched = meetings.Values.OfType<ListOfSpeakers>()
            .Concat(unread.Count == 0 ? [] : await session.LoadManyAsync<ListOfSpeakers>(cancellation, unread)).ToList();
        var now = clock.GetUtcNow();
        var model = await history.ModelAsync(session, null, cancellation); // the speaking times learned, as the list's GET uses them
        // Each meeting's views are built once (one forecast) and serialised once per group by SignalR; the room views reuse them.
        var built = new Dictionary<Guid, MeetingViews>();
        MeetingViews ViewsOf(ListOfSpeakers list) =>
            built.TryGetValue(list.Id, out var views) && views.List.Version == list.Version ? views : LiveViews.Meeting(list, now, model);
        foreach (var list in touched)
        {
            var meeting = built[list.Id] = LiveViews.Meeting(list, now, model);
            // The floor first: it is what a hall's screens show at once.
            await hub.Clients.Group(LiveHub.FloorGroup(list.Id)).SendAsync(LiveHub.FloorChanged, meeting.Floor, cancellation);
            await hub.Clients.Group(LiveHub.MeetingGroup(list.Id)).SendAsync(LiveHub.SpeakersListChanged, meeting.List, cancellation);
        }

        var rooms = subscriptions.Audience("room:", touched.Select(x => LiveViews.RoomKey(x.Meeting.Details.Room)));
        var delegations = subscriptions.Audience("delegation:", touched.SelectMany(x => x.Entries).Select(x => LiveViews.DelegationKey(x.Speaker.Participant)));
        if (rooms.Count == 0 && delegations.Count == 0) return;

        // The room and delegation views span meetings: read every list once for the batch.
        var all = await session.Query<ListOfSpeakers>().ToListAsync(cancellation);
        foreach (var room in rooms)
        {
            var inRoom = all.Where(x => LiveViews.RoomKey(x.Meeting.Details.Room) == room).ToList();
            await hub.Clients.Group(LiveHub.RoomGroup(room))
                .SendAsync(LiveHub.RoomChanged, LiveViews.Room(inRoom[0].Meeting.Details.Room, inRoom, ViewsOf), cancellation);
        }
        if (delegations.Count == 0) return;
        var views = all.Select(x => (built.TryGetValue(x.Id, out var b) && b.List.Version == x.Version ? b.List : SpeakersListView.From(x, model), x.Floor.Status)).ToList();
        foreach (var delegation in delegations.Select(ParticipantCode.Parse))
            await hub.Clients.Group(LiveHub.DelegationGroup(delegation))
                .SendAsync(LiveHub.DelegationChanged, LiveViews.Delegation(delegation, views), cancellation);
    }
}
