using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SpeakersList.Floor;
using SpeakersList.Server.Live;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.SpeakersLists;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Live;

public class Floor_hub(SpeakersListApp app) : SpeakersList.Server.Tests.Floor.FloorTest(app)
{
    [Fact]
    public async Task A_floor_subscriber_gets_a_snapshot_then_every_committed_change_with_its_version()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");
        await using var hub = App.CreateHubConnection();
        var pushes = HubPushes.Listen<FloorView>(hub, "floorChanged");
        await hub.StartAsync();

        var snapshot = await hub.InvokeAsync<FloorView>("SubscribeToFloor", meeting);
        Assert.Equal(2, snapshot.Version);
        Assert.Equal(MeetingStatus.Scheduled, snapshot.Status);

        await Api.Floor(meeting, "open");
        var pushed = await HubPushes.Next(pushes, x => x.Version >= 3);
        Assert.Equal(3, pushed.Version);
        Assert.Equal(MeetingStatus.InProgress, pushed.Status);
        Assert.Equal(App.Clock.GetUtcNow(), pushed.ServerTime);

        await Api.Floor(meeting, "next");
        pushed = await HubPushes.Next(pushes, x => x.Version >= 4);
        Assert.Equal("GHA", pushed.CurrentSpeaker?.Participant.Value);
    }

    [Fact]
    public async Task A_client_that_disconnects_misses_two_changes_and_reconnects_ends_with_the_current_snapshot()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");
        await Api.Inscribe(meeting, "FRA");
        await using var hub = App.CreateHubConnection();
        var floorPushes = HubPushes.Listen<FloorView>(hub, "floorChanged");
        await hub.StartAsync();
        var floor = await hub.InvokeAsync<FloorView>("SubscribeToFloor", meeting);
        Assert.Equal(3, floor.Version);

        await Api.Floor(meeting, "open");
        Assert.Equal(4, (await HubPushes.Next(floorPushes, x => x.Version >= 4)).Version);

        await hub.StopAsync();
        await Api.Floor(meeting, "next");
        App.Clock.Advance(TimeSpan.FromSeconds(20));
        await Api.Floor(meeting, "start");

        await hub.StartAsync();
        var list = await hub.InvokeAsync<SpeakersListView>("SubscribeToMeeting", meeting);
        floor = await hub.InvokeAsync<FloorView>("SubscribeToFloor", meeting);

        Assert.Equal(6, list.Version);
        Assert.Equal(EntryState.Speaking, list.Entries[0].State);
        Assert.Equal(6, floor.Version);
        Assert.Equal("GHA", floor.CurrentSpeaker?.Participant.Value);
        Assert.Equal(App.Clock.GetUtcNow(), floor.SpeechStartedAt);

        // And the client follows the next change again.
        await Api.Floor(meeting, "pause");
        var pushed = await HubPushes.Next(floorPushes, x => x.Version >= 7);
        Assert.Equal(7, pushed.Version);
        Assert.True(pushed.Paused);
    }

    [Fact]
    public async Task A_room_subscriber_follows_whatever_meeting_is_current_in_the_room()
    {
        var morning = await Api.ScheduleMeeting(title: "First plenary meeting", start: "10:00", end: "13:00");
        var afternoon = await Api.ScheduleMeeting(title: "Second plenary meeting", start: "15:00", end: "18:00");
        await Api.ScheduleMeeting(title: "Round table I", kind: "roundTable", room: "Conference Room 4");
        await using var hub = App.CreateHubConnection();
        var pushes = HubPushes.Listen<RoomView>(hub, "roomChanged");
        await hub.StartAsync();

        var snapshot = await hub.InvokeAsync<RoomView>("SubscribeToRoom", "General Assembly Hall");
        Assert.Equal(morning, snapshot.MeetingId);
        Assert.Equal(2, snapshot.Version);

        await Api.Floor(morning, "open");
        var pushed = await HubPushes.Next(pushes, x => x.Version > 2);
        Assert.Equal(morning, pushed.MeetingId);
        Assert.Equal(MeetingStatus.InProgress, pushed.Floor?.Status);

        await Api.Floor(morning, "adjourn");
        var above = pushed.Version;
        pushed = await HubPushes.Next(pushes, x => x.Version > above);
        Assert.Equal(afternoon, pushed.MeetingId);
        Assert.Equal(MeetingStatus.Scheduled, pushed.Floor?.Status);
        Assert.Equal("Second plenary meeting", pushed.SpeakersList?.MeetingTitle);
    }

    [Fact]
    public async Task A_delegation_subscriber_follows_its_slots_on_every_list()
    {
        var first = await Api.ScheduleMeeting(title: "First plenary meeting", start: "10:00", end: "13:00");
        var roundTable = await Api.ScheduleMeeting(title: "Round table I", kind: "roundTable", room: "Conference Room 4", start: "10:00", end: "13:00");
        await Api.Inscribe(first, "FRA");
        await using var hub = App.CreateHubConnection();
        var pushes = HubPushes.Listen<DelegationView>(hub, "delegationChanged");
        await hub.StartAsync();

        var snapshot = await hub.InvokeAsync<DelegationView>("SubscribeToDelegation", "gha");
        Assert.Equal("GHA", snapshot.Participant.Value);
        Assert.Empty(snapshot.Slots);

        await Api.Inscribe(first, "GHA");
        await Api.Inscribe(roundTable, "GHA");
        var pushed = await NextDelegationPush(pushes, slots: 2);
        var slot = pushed.Slots.Single(x => x.MeetingId == first);
        Assert.Equal(2, slot.Position);
        Assert.Equal(1, slot.PeopleBefore);
        Assert.Equal(Api.Day1 + TimeSpan.Parse("10:05:30"), slot.EstimatedStart);

        // France is heard: Ghana is next, and expected after France's speech.
        App.Clock.SetUtcNow(Api.Day1 + TimeSpan.Parse("10:00"));
        await Api.Floor(first, "open");
        await Api.Floor(first, "next");
        await Api.Floor(first, "start");
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        await Api.Floor(first, "end");
        pushed = await NextDelegationPush(pushes, slots: 2, nextIn: first);
        slot = pushed.Slots.Single(x => x.MeetingId == first);
        Assert.Equal(0, slot.PeopleBefore);
        Assert.Equal(Api.Day1 + TimeSpan.Parse("10:02:30"), slot.EstimatedStart);
    }

    [Fact]
    public async Task The_hub_has_no_method_that_changes_state()
    {
        var methods = typeof(SpeakersList.Server.Live.LiveHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(x => x.Name).Where(x => x != "OnDisconnectedAsync").Order().ToArray();
        // ReportScreen tells the roster of screens what a page is, ServerTime reads the clock: neither changes a meeting.
        Assert.All(methods, name => Assert.Matches("^(Subscribe|Unsubscribe|ReportScreen$|ServerTime$)", name));

        var meeting = await Api.ScheduleMeeting();
        await using var hub = App.CreateHubConnection();
        await hub.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("OpenMeeting", meeting));
        Assert.Equal(SpeakersList.Floor.MeetingStatus.Scheduled, (await Api.FloorOf(meeting)).Status);
    }

    /// <summary>The first delegation push with that many slots (and, when given, with nobody before it in that meeting).</summary>
    private static async Task<DelegationView> NextDelegationPush(Channel<DelegationView> pushes, int slots, Guid? nextIn = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var version = 0L;
        while (true)
        {
            var pushed = await pushes.Reader.ReadAsync(timeout.Token);
            Assert.True(pushed.Version >= version, "a delegation's version never goes back");
            version = pushed.Version;
            if (pushed.Slots.Count != slots) continue;
            if (nextIn is not { } meeting) return pushed;
            var slot = pushed.Slots.Single(x => x.MeetingId == meeting);
            if (slot.State == EntryState.Waiting && slot.PeopleBefore == 0) return pushed;
        }
    }
}
