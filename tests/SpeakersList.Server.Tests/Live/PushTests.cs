using Microsoft.AspNetCore.SignalR.Client;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.SpeakersLists;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Live;

public class Pushes(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_floor_subscriber_gets_the_floor_without_the_whole_list_and_a_list_subscriber_gets_the_list_as_committed()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");
        await Api.Inscribe(meeting, "FRA");
        await using var floorScreen = App.CreateHubConnection();
        var floorPushes = HubPushes.Listen<FloorView>(floorScreen, "floorChanged");
        var listPushesToFloorScreen = HubPushes.Listen<SpeakersListView>(floorScreen, "speakersListChanged");
        await floorScreen.StartAsync();
        await floorScreen.InvokeAsync<FloorView>("SubscribeToFloor", meeting);
        await using var listScreen = App.CreateHubConnection();
        var listPushes = HubPushes.Listen<SpeakersListView>(listScreen, "speakersListChanged");
        await listScreen.StartAsync();
        await listScreen.InvokeAsync<SpeakersListView>("SubscribeToMeeting", meeting);

        await Api.Floor(meeting, "open");
        await Api.Floor(meeting, "next");

        var floor = await HubPushes.Next(floorPushes, x => x.Version >= 5);
        Assert.Equal("GHA", floor.CurrentSpeaker?.Participant.Value);
        Assert.Equal("FRA", floor.Next[0].Participant.Value);
        var list = await HubPushes.Next(listPushes, x => x.Version >= 5);
        Assert.Equal(5, list.Version);
        Assert.Equal([EntryState.Speaking, EntryState.Waiting], list.Entries.Select(e => e.State));
        // Pushes reach a connection in the order they were sent: had the floor screen been sent the list at version 4,
        // it would have had it before the floor at version 5.
        Assert.False(listPushesToFloorScreen.Reader.TryRead(out _), "a floor subscriber was sent the whole list");
    }
}
