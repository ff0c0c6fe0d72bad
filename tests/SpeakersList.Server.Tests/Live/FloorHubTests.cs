using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Live;

public class Floor_hub(SpeakersListApp app) : SpeakersList.Server.Tests.Floor.FloorTest(app)
{
    private static Channel<JsonElement> Listen(HubConnection hub, string method)
    {
        var pushes = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>(method, view => pushes.Writer.TryWrite(view));
        return pushes;
    }

    [Fact]
    public async Task A_floor_subscriber_gets_a_snapshot_then_every_committed_change_with_its_version()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");
        await using var hub = App.CreateHubConnection();
        var pushes = Listen(hub, "floorChanged");
        await hub.StartAsync();

        var snapshot = await hub.InvokeAsync<JsonElement>("SubscribeToFloor", meeting);
        Assert.Equal(2, snapshot.GetProperty("version").GetInt64());
        Assert.Equal("scheduled", snapshot.GetProperty("status").GetString());

        await Api.Floor(meeting, "open");
        var pushed = await Live_hub.NextPush(pushes, atLeastVersion: 3);
        Assert.Equal(3, pushed.GetProperty("version").GetInt64());
        Assert.Equal("inProgress", pushed.GetProperty("status").GetString());
        Assert.Equal(App.Clock.GetUtcNow(), pushed.GetProperty("serverTime").GetDateTimeOffset());

        await Api.Floor(meeting, "next");
        pushed = await Live_hub.NextPush(pushes, atLeastVersion: 4);
        Assert.Equal("GHA", pushed.GetProperty("currentSpeaker").GetProperty("participant").GetString());
    }

    [Fact]
    public async Task A_client_that_disconnects_misses_two_changes_and_reconnects_ends_with_the_current_snapshot()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");
        await Api.Inscribe(meeting, "FRA");
        await using var hub = App.CreateHubConnection();
        var floorPushes = Listen(hub, "floorChanged");
        var listPushes = Listen(hub, "speakersListChanged");
        await hub.StartAsync();
        var floor = await hub.InvokeAsync<JsonElement>("SubscribeToFloor", meeting);
        Assert.Equal(3, floor.GetProperty("version").GetInt64());

        await Api.Floor(meeting, "open");
        Assert.Equal(4, (await Live_hub.NextPush(floorPushes, atLeastVersion: 4)).GetProperty("version").GetInt64());

        await hub.StopAsync();
        await Api.Floor(meeting, "next");
        App.Clock.Advance(TimeSpan.FromSeconds(20));
        await Api.Floor(meeting, "start");

        await hub.StartAsync();
        var list = await hub.InvokeAsync<JsonElement>("SubscribeToMeeting", meeting);
        floor = await hub.InvokeAsync<JsonElement>("SubscribeToFloor", meeting);

        Assert.Equal(6, list.GetProperty("version").GetInt64());
        Assert.Equal("speaking", list.GetProperty("entries")[0].GetProperty("state").GetString());
        Assert.Equal(6, floor.GetProperty("version").GetInt64());
        Assert.Equal("GHA", floor.GetProperty("currentSpeaker").GetProperty("participant").GetString());
        Assert.Equal(App.Clock.GetUtcNow(), floor.GetProperty("speechStartedAt").GetDateTimeOffset());

        // And the client follows the next change again.
        await Api.Floor(meeting, "pause");
        var pushed = await Live_hub.NextPush(floorPushes, atLeastVersion: 7);
        Assert.Equal(7, pushed.GetProperty("version").GetInt64());
        Assert.True(pushed.GetProperty("paused").GetBoolean());
    }

    [Fact]
    public async Task A_room_subscriber_follows_whatever_meeting_is_current_in_the_room()
    {
        var morning = await Api.ScheduleMeeting(title: "First plenary meeting", start: "10:00", end: "13:00");
        var afternoon = await Api.ScheduleMeeting(title: "Second plenary meeting", start: "15:00", end: "18:00");
        await Api.ScheduleMeeting(title: "Round table I", kind: "roundTable", room: "Conference Room 4");
        await using var hub = App.CreateHubConnection();
        var pushes = Listen(hub, "roomChanged");
        await hub.StartAsync();

        var snapshot = await hub.InvokeAsync<JsonElement>("SubscribeToRoom", "General Assembly Hall");
        Assert.Equal(morning, snapshot.GetProperty("meetingId").GetGuid());
        Assert.Equal(2, snapshot.GetProperty("version").GetInt64());

        await Api.Floor(morning, "open");
        var pushed = await NextRoomPush(pushes, above: 2);
        Assert.Equal(morning, pushed.GetProperty("meetingId").GetGuid());
        Assert.Equal("inProgress", pushed.GetProperty("floor").GetProperty("status").GetString());

        await Api.Floor(morning, "adjourn");
        pushed = await NextRoomPush(pushes, above: pushed.GetProperty("version").GetInt64());
        Assert.Equal(afternoon, pushed.GetProperty("meetingId").GetGuid());
        Assert.Equal("scheduled", pushed.GetProperty("floor").GetProperty("status").GetString());
        Assert.Equal("Second plenary meeting", pushed.GetProperty("speakersList").GetProperty("meetingTitle").GetString());
    }

    [Fact]
    public async Task A_delegation_subscriber_follows_its_slots_on_every_list()
    {
        var first = await Api.ScheduleMeeting(title: "First plenary meeting", start: "10:00", end: "13:00");
        var roundTable = await Api.ScheduleMeeting(title: "Round table I", kind: "roundTable", room: "Conference Room 4", start: "10:00", end: "13:00");
        await Api.Inscribe(first, "FRA");
        await using var hub = App.CreateHubConnection();
        var pushes = Listen(hub, "delegationChanged");
        await hub.StartAsync();

        var snapshot = await hub.InvokeAsync<JsonElement>("SubscribeToDelegation", "gha");
        Assert.Equal("GHA", snapshot.GetProperty("participant").GetString());
        Assert.Equal(0, snapshot.GetProperty("slots").GetArrayLength());

        await Api.Inscribe(first, "GHA");
        await Api.Inscribe(roundTable, "GHA");
        var pushed = await NextDelegationPush(pushes, slots: 2);
        var slot = pushed.GetProperty("slots").EnumerateArray().Single(x => x.GetProperty("meetingId").GetGuid() == first);
        Assert.Equal(2, slot.GetProperty("position").GetInt32());
        Assert.Equal(1, slot.GetProperty("peopleBefore").GetInt32());
        Assert.Equal(Api.Day1 + TimeSpan.Parse("10:05:30"), slot.GetProperty("estimatedStart").GetDateTimeOffset());

        // France is heard: Ghana is next, and expected after France's speech.
        App.Clock.SetUtcNow(Api.Day1 + TimeSpan.Parse("10:00"));
        await Api.Floor(first, "open");
        await Api.Floor(first, "next");
        await Api.Floor(first, "start");
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        await Api.Floor(first, "end");
        pushed = await NextDelegationPush(pushes, slots: 2, nextIn: first);
        slot = pushed.GetProperty("slots").EnumerateArray().Single(x => x.GetProperty("meetingId").GetGuid() == first);
        Assert.Equal(0, slot.GetProperty("peopleBefore").GetInt32());
        Assert.Equal(Api.Day1 + TimeSpan.Parse("10:02:30"), slot.GetProperty("estimatedStart").GetDateTimeOffset());
    }

    [Fact]
    public async Task The_hub_has_no_method_that_changes_state()
    {
        var methods = typeof(SpeakersList.Server.Live.LiveHub).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Select(x => x.Name).Where(x => x != "OnDisconnectedAsync").Order().ToArray();
        // ReportScreen tells the roster of screens what a page is: it changes no meeting.
        Assert.All(methods, name => Assert.Matches("^(Subscribe|Unsubscribe|ReportScreen$)", name));

        var meeting = await Api.ScheduleMeeting();
        await using var hub = App.CreateHubConnection();
        await hub.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("OpenMeeting", meeting));
        Assert.Equal(SpeakersList.Floor.MeetingStatus.Scheduled, (await Api.FloorView(meeting)).Status);
    }

    private static async Task<JsonElement> NextRoomPush(Channel<JsonElement> pushes, long above)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var pushed = await pushes.Reader.ReadAsync(timeout.Token);
            if (pushed.GetProperty("version").GetInt64() > above) return pushed;
        }
    }

    /// <summary>The first delegation push with that many slots (and, when given, with nobody before it in that meeting).</summary>
    private static async Task<JsonElement> NextDelegationPush(Channel<JsonElement> pushes, int slots, Guid? nextIn = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var version = 0L;
        while (true)
        {
            var pushed = await pushes.Reader.ReadAsync(timeout.Token);
            Assert.True(pushed.GetProperty("version").GetInt64() >= version, "a delegation's version never goes back");
            version = pushed.GetProperty("version").GetInt64();
            if (pushed.GetProperty("slots").GetArrayLength() != slots) continue;
            if (nextIn is not { } meeting) return pushed;
            var slot = pushed.GetProperty("slots").EnumerateArray().Single(x => x.GetProperty("meetingId").GetGuid() == meeting);
            if (slot.GetProperty("state").GetString() == "waiting" && slot.GetProperty("peopleBefore").GetInt32() == 0) return pushed;
        }
    }
}
