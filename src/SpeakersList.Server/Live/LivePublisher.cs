using System.Diagnostics;
using System.Threading.Channels;
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
/// backplane, for those whose group has a connection on some node (Redis says, in one round trip).
/// Two stages, each in order: the meetings' floors and lists at once after each burst of commits; the rooms and
/// delegations (193 sends for a full list, each a Redis PUBLISH with the backplane) after them, on a stage of their own
/// that takes every burst it has not sent yet at once, so the next commits' floors never wait behind that fan-out.
/// Each group is pushed from one stage only, one push per group at a time, so each group's pushes keep the versions' order.
/// </summary>
public sealed class LivePublisher(
    LiveUpdates updates, IDocumentStore store, IHubContext<LiveHub> hub, LiveSubscriptions subscriptions, TimeProvider clock,
    ILogger<LivePublisher> logger, SpeakingHistory history)
    : BackgroundService
{
    /// <summary>The lists a burst pushed, the views built for them and the model they were forecast with: for the fan-out.</summary>
    private sealed record Pushed(IReadOnlyList<ListOfSpeakers> Lists, IReadOnlyDictionary<Guid, MeetingViews> Views, SpeakingTimeModel Model);

    /// <summary>The longest the commits gather after a push before the next (see <see cref="MeetingsAsync"/>).</summary>
    public static readonly TimeSpan MaximumGather = TimeSpan.FromMilliseconds(50);

    private readonly Channel<Pushed> _fanOut = Channel.CreateUnbounded<Pushed>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(MeetingsAsync(stoppingToken), FanOutAsync(stoppingToken));

    private async Task MeetingsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var batch in updates.Touched.ReadBurstsAsync(stoppingToken))
            {
                // The latest committed list of each touched stream (null: not carried, read it).
                var meetings = new Dictionary<Guid, ListOfSpeakers?>();
                foreach (var touched in batch)
                    meetings[touched.StreamId] = meetings.TryGetValue(touched.StreamId, out var seen) && seen is not null
                        && (touched.List is null || touched.List.Version < seen.Version) ? seen : touched.List;
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using (Telemetry.StartPush(batch))
                        await PublishMeetingsAsync(meetings, stoppingToken);
                    Telemetry.Pushed(batch);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Screens resynchronise from a snapshot when they see a gap; a failed push is logged, not fatal.
                    logger.LogWarning(ex, "Could not push the changes of meetings {MeetingIds}", string.Join(", ", meetings.Keys));
                }
                // Under a rush a push follows every few commits, and each builds and serialises whole lists: after a push that
                // took t, the commits gather for as long (at most MaximumGather) before the next, so that pushing takes at most
                // about half of a core from the commits themselves. A push of a few milliseconds waits as little.
                var took = Stopwatch.GetElapsedTime(started);
                await Task.Delay(took < MaximumGather ? took : MaximumGather, stoppingToken);
            }
        }
        finally
        {
            _fanOut.Writer.TryComplete();
        }
    }

    private async Task PublishMeetingsAsync(IReadOnlyDictionary<Guid, ListOfSpeakers?> meetings, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var unread = meetings.Where(x => x.Value is null).Select(x => x.Key).ToList();
        var touched = meetings.Values.OfType<ListOfSpeakers>()
            .Concat(unread.Count == 0 ? [] : await session.LoadManyAsync<ListOfSpeakers>(cancellation, unread)).ToList();
        var now = clock.GetUtcNow();
        var model = await history.ModelAsync(session, null, cancellation); // the speaking times learned, as the list's GET uses them
        // Each meeting's views are built once (one forecast) and serialised once per group by SignalR; the fan-out reuses them.
        var built = touched.ToDictionary(x => x.Id, x => LiveViews.Meeting(x, now, model));
        // The floors first, all at once: they are what the halls' screens show at once.
        await Task.WhenAll(touched.Select(x => hub.Clients.Group(LiveHub.FloorGroup(x.Id)).SendAsync(LiveHub.FloorChanged, built[x.Id].Floor, cancellation)));
        await Task.WhenAll(touched.Select(x => hub.Clients.Group(LiveHub.MeetingGroup(x.Id)).SendAsync(LiveHub.SpeakersListChanged, built[x.Id].List, cancellation)));
        _fanOut.Writer.TryWrite(new Pushed(touched, built, model));
    }

    private async Task FanOutAsync(CancellationToken stoppingToken)
    {
        await foreach (var waiting in _fanOut.Reader.ReadBurstsAsync(stoppingToken))
        {
            // Every burst not sent yet at once: the latest version of each meeting, with the views built for it.
            var lists = new Dictionary<Guid, ListOfSpeakers>();
            var built = new Dictionary<Guid, MeetingViews>();
            foreach (var pushed in waiting)
                foreach (var list in pushed.Lists.Where(x => !lists.TryGetValue(x.Id, out var seen) || seen.Version <= x.Version))
                    (lists[list.Id], built[list.Id]) = (list, pushed.Views[list.Id]);
            try
            {
                await PublishFanOutAsync(lists, built, waiting[^1].Model, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not push the rooms and delegations of meetings {MeetingIds}", string.Join(", ", lists.Keys));
            }
        }
    }

    private async Task PublishFanOutAsync(Dictionary<Guid, ListOfSpeakers> lists, Dictionary<Guid, MeetingViews> built, SpeakingTimeModel model,
        CancellationToken cancellation)
    {
        var touched = lists.Values.ToList();
        var rooms = await subscriptions.AudienceAsync("room:", touched.Select(x => LiveViews.RoomKey(x.Meeting.Details.Room)));
        var delegations = await subscriptions.AudienceAsync("delegation:", touched.SelectMany(x => x.Entries).Select(x => LiveViews.DelegationKey(x.Speaker.Participant)));
        if (rooms.Count == 0 && delegations.Count == 0) return;

        await using var session = store.QuerySession();
        var now = clock.GetUtcNow();
        MeetingViews ViewsOf(ListOfSpeakers list) =>
            built.TryGetValue(list.Id, out var views) && views.List.Version == list.Version ? views : LiveViews.Meeting(list, now, model);
        // The room and delegation views span meetings: read the lists of those rooms and delegations (not every list of the
        // session), each once for the fan-out, and prefer the versions the bursts committed.
        var roomViews = new List<(string Group, RoomView View)>();
        foreach (var room in rooms)
        {
            var name = touched.First(x => LiveViews.RoomKey(x.Meeting.Details.Room) == room).Meeting.Details.Room;
            // The room's meetings from the programme's small documents, then their lists (a scan of the lists would read them all).
            var ids = await session.Query<Meeting>().Where(x => x.Details.Room.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(x => x.Id).ToListAsync(cancellation);
            var inRoom = (await session.LoadManyAsync<ListOfSpeakers>(cancellation, ids)).Select(x => Latest(lists, x)).ToList();
            roomViews.Add((LiveHub.RoomGroup(room), LiveViews.Room(inRoom[0].Meeting.Details.Room, inRoom, ViewsOf)));
        }
        // One push per group, the groups at once (with the backplane the PUBLISHes are pipelined, not one round trip each).
        await Task.WhenAll(roomViews.Select(x => hub.Clients.Group(x.Group).SendAsync(LiveHub.RoomChanged, x.View, cancellation)));
        if (delegations.Count == 0) return;
        var codes = delegations.Select(ParticipantCode.Parse).ToList();
        var theirs = (await LiveViews.ListsOfAsync(session, codes, cancellation)).Select(x => Latest(lists, x)).ToList();
        var views = theirs.Select(x => (List: x, View: built.TryGetValue(x.Id, out var b) && b.List.Version == x.Version ? b.List : SpeakersListView.From(x, model))).ToList();
        await Task.WhenAll(codes.Select(delegation => hub.Clients.Group(LiveHub.DelegationGroup(delegation))
            .SendAsync(LiveHub.DelegationChanged, LiveViews.Delegation(delegation,
                views.Where(x => x.List.Entries.Any(e => e.Speaker.Represents(delegation))).Select(x => (x.View, x.List.Floor.Status)).ToList()), cancellation)));
    }

    private static ListOfSpeakers Latest(Dictionary<Guid, ListOfSpeakers> committed, ListOfSpeakers read) =>
        committed.TryGetValue(read.Id, out var mine) && mine.Version > read.Version ? mine : read;
}
