using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Live;

public class Live_hub(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_subscribed_client_receives_the_list_after_an_inscription_commits()
    {
        var meeting = await Api.ScheduleMeeting();
        await using var hub = App.CreateHubConnection();
        var pushes = HubPushes.Listen<SpeakersListView>(hub, "speakersListChanged");
        await hub.StartAsync();

        var snapshot = await hub.InvokeAsync<SpeakersListView>("SubscribeToMeeting", meeting);
        Assert.Equal(1, snapshot.Version);
        Assert.Empty(snapshot.Entries);

        await Api.Inscribe(meeting, "GHA");

        var pushed = await HubPushes.Next(pushes, x => x.Version >= 2);
        Assert.Equal(meeting, pushed.MeetingId);
        Assert.Equal(2, pushed.Version);
        Assert.Equal("GHA", pushed.Entries[0].Speaker.Participant.Value);
    }

    [Fact]
    public async Task A_client_subscribed_to_another_meeting_receives_nothing()
    {
        var watched = await Api.ScheduleMeeting(title: "Round table I", kind: "roundTable", room: "Conference Room 4");
        var other = await Api.ScheduleMeeting();
        await using var hub = App.CreateHubConnection();
        var pushes = HubPushes.Listen<SpeakersListView>(hub, "speakersListChanged");
        await hub.StartAsync();
        await hub.InvokeAsync<SpeakersListView>("SubscribeToMeeting", watched);

        await Api.Inscribe(other, "GHA");
        await Api.Inscribe(watched, "FRA");

        // Every push up to the watched meeting's inscription is the watched meeting's own.
        var seen = new List<Guid>();
        SpeakersListView pushed;
        do
        {
            pushed = await HubPushes.Next(pushes, _ => true);
            seen.Add(pushed.MeetingId);
        } while (pushed.Version < 2);
        Assert.All(seen, id => Assert.Equal(watched, id));
    }

    [Fact]
    public async Task Subscribing_to_an_unknown_meeting_is_refused()
    {
        await using var hub = App.CreateHubConnection();
        await hub.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JsonElement>("SubscribeToMeeting", Guid.NewGuid()));
        Assert.Contains("There is no meeting", error.Message);
    }
}
