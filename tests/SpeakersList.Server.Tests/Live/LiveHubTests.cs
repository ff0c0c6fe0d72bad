using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Live;

public class Live_hub(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_subscribed_client_receives_the_list_after_an_inscription_commits()
    {
        var meeting = await Api.ScheduleMeeting();
        await using var hub = App.CreateHubConnection();
        var pushes = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("speakersListChanged", view => pushes.Writer.TryWrite(view));
        await hub.StartAsync();

        var snapshot = await hub.InvokeAsync<JsonElement>("SubscribeToMeeting", meeting);
        Assert.Equal(1, snapshot.GetProperty("version").GetInt64());
        Assert.Equal(0, snapshot.GetProperty("entries").GetArrayLength());

        await Api.Inscribe(meeting, "GHA");

        var pushed = await NextPush(pushes, atLeastVersion: 2);
        Assert.Equal(meeting, pushed.GetProperty("meetingId").GetGuid());
        Assert.Equal(2, pushed.GetProperty("version").GetInt64());
        Assert.Equal("GHA", pushed.GetProperty("entries")[0].GetProperty("participant").GetString());
    }

    [Fact]
    public async Task A_client_subscribed_to_another_meeting_receives_nothing()
    {
        var watched = await Api.ScheduleMeeting(title: "Round table I", kind: "roundTable", room: "Conference Room 4");
        var other = await Api.ScheduleMeeting();
        await using var hub = App.CreateHubConnection();
        var pushes = Channel.CreateUnbounded<JsonElement>();
        hub.On<JsonElement>("speakersListChanged", view => pushes.Writer.TryWrite(view));
        await hub.StartAsync();
        await hub.InvokeAsync<JsonElement>("SubscribeToMeeting", watched);

        await Api.Inscribe(other, "GHA");
        await Api.Inscribe(watched, "FRA");

        // Every push up to the watched meeting's inscription is the watched meeting's own.
        var seen = new List<Guid>();
        JsonElement pushed;
        do
        {
            pushed = await NextPush(pushes, atLeastVersion: 0);
            seen.Add(pushed.GetProperty("meetingId").GetGuid());
        } while (pushed.GetProperty("version").GetInt64() < 2);
        Assert.All(seen, id => Assert.Equal(watched, id));
    }

    /// <summary>The next push at or above a version: pushes of earlier commits may still arrive after a subscription.</summary>
    internal static async Task<JsonElement> NextPush(Channel<JsonElement> pushes, long atLeastVersion)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var pushed = await pushes.Reader.ReadAsync(timeout.Token);
            if (pushed.GetProperty("version").GetInt64() >= atLeastVersion) return pushed;
        }
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
