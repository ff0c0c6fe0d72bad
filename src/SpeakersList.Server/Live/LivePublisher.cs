using Microsoft.AspNetCore.SignalR;
using SpeakersList.Server.Forecasting;
using SpeakersList.Server.Operations;
using SpeakersList.Server.SpeakersLists;

namespace SpeakersList.Server.Live;

/// <summary>
/// Reads the touched meetings and sends each subscriber group its fresh view, each view computed once per batch:
/// to a meeting's group the list (speakersListChanged) and the floor (floorChanged); to the group of the room of a
/// touched meeting the room's view (roomChanged); to the group of each delegation on a touched list its slots
/// (delegationChanged). Room and delegation views are computed for those watched on this node, or, with the
/// backplane, for every room and delegation touched, since their watchers may be on another node.
/// </summary>
public sealed class LivePublisher(
    LiveUpdates updates, IDocumentStore store, IHubContext<LiveHub> hub, LiveSubscriptions subscriptions, TimeProvider clock,
    ILogger<LivePublisher> logger, SpeakingHistory history)
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

        // The room and delegation views span meetings: read the lists of those rooms and delegations (not every list of the
        // session), each once for the batch, and prefer the versions this batch committed.
        var lists = touched.ToDictionary(x => x.Id);
        foreach (var room in rooms)
        {
            var name = touched.First(x => LiveViews.RoomKey(x.Meeting.Details.Room) == room).Meeting.Details.Room;
            // The room's meetings from the programme's small documents, then their lists (a scan of the lists would read them all).
            var ids = await session.Query<Meeting>().Where(x => x.Details.Room.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(x => x.Id).ToListAsync(cancellation);
            var inRoom = (await session.LoadManyAsync<ListOfSpeakers>(cancellation, ids)).Select(x => Latest(lists, x)).ToList();
            await hub.Clients.Group(LiveHub.RoomGroup(room))
                .SendAsync(LiveHub.RoomChanged, LiveViews.Room(inRoom[0].Meeting.Details.Room, inRoom, ViewsOf), cancellation);
        }
        if (delegations.Count == 0) return;
        var codes = delegations.Select(ParticipantCode.Parse).ToList();
        var theirs = (await LiveViews.ListsOfAsync(session, codes, cancellation)).Select(x => Latest(lists, x)).ToList();
        var views = theirs.Select(x => (List: x, View: built.TryGetValue(x.Id, out var b) && b.List.Version == x.Version ? b.List : SpeakersListView.From(x, model))).ToList();
        foreach (var delegation in codes)
            await hub.Clients.Group(LiveHub.DelegationGroup(delegation))
                .SendAsync(LiveHub.DelegationChanged, LiveViews.Delegation(delegation,
                    views.Where(x => x.List.Entries.Any(e => e.Speaker.Represents(delegation))).Select(x => (x.View, x.List.Floor.Status)).ToList()), cancellation);
    }

    private static ListOfSpeakers Latest(Dictionary<Guid, ListOfSpeakers> committed, ListOfSpeakers read) =>
        committed.TryGetValue(read.Id, out var mine) && mine.Version > read.Version ? mine : read;
}
