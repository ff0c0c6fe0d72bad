using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SpeakersList.Server.Live.Screens;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Live;

/// <summary>GET /api/screens: every page connected to the hub, as it describes itself, and those that went dark.</summary>
public class Roster_of_screens(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_display_is_listed_within_two_seconds_of_reporting_and_marked_lost_when_its_connection_goes()
    {
        var room = $"Room {Guid.NewGuid():N}";
        var meeting = await Api.ScheduleMeeting(room: room);
        var hub = await App.CreateHubConnectionAsync(TestRole.Display(room));
        await hub.StartAsync();
        var floor = await hub.InvokeAsync<FloorView>("SubscribeToFloor", meeting);
        var connected = Stopwatch.StartNew();
        await hub.InvokeAsync("ReportScreen", "display", room, (Guid?)meeting, (string?)null, (long?)floor.Version);

        var listed = await ScreenAsync(room, s => true);
        Assert.True(connected.Elapsed < TimeSpan.FromSeconds(2), $"listed after {connected.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal("display", listed.Kind);
        Assert.Equal(room, listed.Room);
        Assert.Equal(meeting, listed.MeetingId);
        Assert.True(listed.Connected);
        Assert.False(listed.Behind);
        Assert.Equal(1, listed.ShowingVersion);
        Assert.Equal(1, listed.LatestVersion);
        Assert.False(string.IsNullOrEmpty(listed.Node));
        Assert.Equal(App.Clock.GetUtcNow(), listed.ConnectedAt);
        Assert.Null(listed.DisconnectedAt);

        var lost = Stopwatch.StartNew();
        await hub.DisposeAsync();
        var gone = await ScreenAsync(room, s => !s.Connected);
        Assert.True(lost.Elapsed < TimeSpan.FromSeconds(10), $"marked lost after {lost.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(App.Clock.GetUtcNow(), gone.DisconnectedAt);

        // Kept ten minutes, so an officer sees which screen went dark; then forgotten.
        App.Clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Single(await ScreensAsync($"?room={Uri.EscapeDataString(room)}"));
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(await ScreensAsync($"?room={Uri.EscapeDataString(room)}"));
    }

    [Fact]
    public async Task A_display_that_shows_an_older_version_is_behind_and_one_that_falls_silent_is_lost()
    {
        var room = $"Room {Guid.NewGuid():N}";
        var meeting = await Api.ScheduleMeeting(room: room);
        await using var hub = App.CreateAnonymousHubConnection();
        await hub.StartAsync();
        await hub.InvokeAsync("ReportScreen", "display", room, (Guid?)meeting, (string?)null, (long?)1);
        await Api.Inscribe(meeting, "GHA");

        var behind = await ScreenAsync(room, s => s.Behind);
        Assert.Equal(1, behind.ShowingVersion);
        Assert.Equal(2, behind.LatestVersion);

        await hub.InvokeAsync("ReportScreen", "display", room, (Guid?)meeting, (string?)null, (long?)2);
        Assert.False((await ScreenAsync(room, s => true)).Behind);

        // Connected, but no report for longer than a page leaves between two (a cable pulled): lost since its last report.
        var lastReport = App.Clock.GetUtcNow();
        App.Clock.Advance(TimeSpan.FromSeconds(8));
        var silent = await ScreenAsync(room, s => true);
        Assert.False(silent.Connected);
        Assert.Equal(lastReport, silent.DisconnectedAt);
    }

    [Fact]
    public async Task The_roster_is_for_officers_filtered_by_room_or_meeting_and_a_page_says_what_it_is()
    {
        var room = $"Room {Guid.NewGuid():N}";
        var meeting = await Api.ScheduleMeeting(room: room);
        var other = await Api.ScheduleMeeting(room: room, start: "15:00", end: "18:00");
        await using var display = App.CreateAnonymousHubConnection();
        await using var portal = await App.CreateHubConnectionAsync(TestRole.Delegation("GHA"));
        await display.StartAsync();
        await portal.StartAsync();
        await display.InvokeAsync("ReportScreen", "display", room, (Guid?)meeting, (string?)null, (long?)1);
        await portal.InvokeAsync("ReportScreen", "portal", (string?)null, (Guid?)null, "GHA", (long?)null);

        Assert.Single(await ScreensAsync($"?meetingId={meeting}"));
        Assert.Empty(await ScreensAsync($"?meetingId={other}"));
        Assert.Contains(await ScreensAsync(""), s => s.Kind == "portal" && s.Participant == "GHA");

        // A delegation cannot pass itself off as another's portal, nor a page as something it is not.
        await Assert.ThrowsAsync<HubException>(() => portal.InvokeAsync("ReportScreen", "portal", (string?)null, (Guid?)null, "FRA", (long?)null));
        await Assert.ThrowsAsync<HubException>(() => display.InvokeAsync("ReportScreen", "toaster", room, (Guid?)null, (string?)null, (long?)null));

        using var anonymous = App.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/screens")).StatusCode);
        using var delegation = await App.CreateClientAsync(TestRole.Delegation("GHA"));
        Assert.Equal(HttpStatusCode.Forbidden, (await delegation.GetAsync("/api/screens")).StatusCode);
    }

    private Task<IReadOnlyList<ScreenView>> ScreensAsync(string query) => Api.Get<IReadOnlyList<ScreenView>>($"/api/screens{query}");

    /// <summary>The one screen of a room, once it matches; the roster is read again until then (at most 10 s).</summary>
    private async Task<ScreenView> ScreenAsync(string room, Func<ScreenView, bool> matches)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var screens = await ScreensAsync($"?room={Uri.EscapeDataString(room)}");
            if (screens.Count == 1 && matches(screens[0])) return screens[0];
            if (deadline.Elapsed > TimeSpan.FromSeconds(10)) Assert.Fail($"no matching screen in {room}: {JsonSerializer.Serialize(screens)}");
            await Task.Delay(50);
        }
    }
}
