using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Live;

public class Pushes(SpeakersListApp app) : ApiTest(app)
{
    private static Channel<JsonElement> Listen(HubConnection hub, string method)
    {
        var pushes = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>(method, view => pushes.Writer.TryWrite(view));
        return pushes;
    }

    [Fact]
    public async Task A_floor_subscriber_gets_the_floor_without_the_whole_list_and_a_list_subscriber_gets_the_list_as_committed()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");
        await Api.Inscribe(meeting, "FRA");
        await using var floorScreen = App.CreateHubConnection();
        var floorPushes = Listen(floorScreen, "floorChanged");
        var listPushesToFloorScreen = Listen(floorScreen, "speakersListChanged");
        await floorScreen.StartAsync();
        await floorScreen.InvokeAsync<JsonElement>("SubscribeToFloor", meeting);
        await using var listScreen = App.CreateHubConnection();
        var listPushes = Listen(listScreen, "speakersListChanged");
        await listScreen.StartAsync();
        await listScreen.InvokeAsync<JsonElement>("SubscribeToMeeting", meeting);

        await Api.Floor(meeting, "open");
        await Api.Floor(meeting, "next");

        var floor = await Live_hub.NextPush(floorPushes, atLeastVersion: 5);
        Assert.Equal("GHA", floor.GetProperty("currentSpeaker").GetProperty("participant").GetString());
        Assert.Equal("FRA", floor.GetProperty("next")[0].GetProperty("participant").GetString());
        var list = await Live_hub.NextPush(listPushes, atLeastVersion: 5);
        Assert.Equal(5, list.GetProperty("version").GetInt64());
        Assert.Equal(["speaking", "waiting"], list.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("state").GetString()));
        // Pushes reach a connection in the order they were sent: had the floor screen been sent the list at version 4,
        // it would have had it before the floor at version 5.
        Assert.False(listPushesToFloorScreen.Reader.TryRead(out _), "a floor subscriber was sent the whole list");
    }
}
