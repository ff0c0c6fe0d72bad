using System.Threading.Channels;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Live;

/// <summary>
/// Hears every committed Marten session (whichever endpoint or handler wrote it) and pushes the
/// new state of each touched meeting to its subscribers. No endpoint has to remember to push.
/// Pushes carry whole, versioned snapshots, so a burst of commits on one meeting is coalesced
/// into one push of the latest state.
/// </summary>
public sealed class LiveUpdates : DocumentSessionListenerBase
{
    private readonly Channel<Guid> _touched = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var streamId in commit.GetEvents().Select(e => e.StreamId).Distinct())
            _touched.Writer.TryWrite(streamId);
        return Task.CompletedTask;
    }

    internal ChannelReader<Guid> Touched => _touched.Reader;
}

/// <summary>
/// Reads the touched meetings and sends each subscriber group its fresh view, each view computed once per batch:
/// to a meeting's group the list (speakersListChanged) and the floor (floorChanged); to the group of the room of a
/// touched meeting the room's view (roomChanged); to the group of each delegation on a touched list its slots
/// (delegationChanged). Room and delegation views are computed only for those watched on this node.
/// </summary>
public sealed class LivePublisher(
    LiveUpdates updates, IDocumentStore store, IHubContext<LiveHub> hub, LiveSubscriptions subscriptions, TimeProvider clock,
    ILogger<LivePublisher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = updates.Touched;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            var meetings = new HashSet<Guid>();
            while (reader.TryRead(out var id)) meetings.Add(id);
            try
            {
                await PublishAsync(meetings, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Screens resynchronise from a snapshot when they see a gap; a failed push is logged, not fatal.
                logger.LogWarning(ex, "Could not push the changes of meetings {MeetingIds}", string.Join(", ", meetings));
            }
        }
    }

    private async Task PublishAsync(IReadOnlyCollection<Guid> meetings, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var touched = (await session.LoadManyAsync<ListOfSpeakers>(cancellation, meetings)).ToList();
        var now = clock.GetUtcNow();
        foreach (var list in touched)
        {
            var group = hub.Clients.Group(LiveHub.MeetingGroup(list.Id));
            await group.SendAsync(LiveHub.SpeakersListChanged, SpeakersListView.From(list), cancellation);
            await group.SendAsync(LiveHub.FloorChanged, FloorView.From(list, now), cancellation);
        }

        var rooms = subscriptions.Watched("room:").Intersect(touched.Select(x => LiveViews.RoomKey(x.Meeting.Room))).ToList();
        var delegations = subscriptions.Watched("delegation:")
            .Intersect(touched.SelectMany(x => x.Entries).Select(x => LiveViews.DelegationKey(x.Participant))).ToList();
        if (rooms.Count == 0 && delegations.Count == 0) return;

        // The room and delegation views span meetings: read every list once for the batch.
        var all = await session.Query<ListOfSpeakers>().ToListAsync(cancellation);
        foreach (var room in rooms)
        {
            var inRoom = all.Where(x => LiveViews.RoomKey(x.Meeting.Room) == room).ToList();
            await hub.Clients.Group(LiveHub.RoomGroup(room))
                .SendAsync(LiveHub.RoomChanged, LiveViews.Room(inRoom[0].Meeting.Room, inRoom, now), cancellation);
        }
        if (delegations.Count == 0) return;
        var views = all.Select(x => (SpeakersListView.From(x), x.Floor.Status)).ToList();
        foreach (var delegation in delegations)
            await hub.Clients.Group(LiveHub.DelegationGroup(delegation))
                .SendAsync(LiveHub.DelegationChanged, LiveViews.Delegation(delegation, views), cancellation);
    }
}
