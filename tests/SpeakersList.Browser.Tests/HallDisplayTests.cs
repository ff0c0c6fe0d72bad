using Microsoft.Playwright;
using SpeakersList.Floor;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests;

public class Hall_display(BrowserApp app) : BrowserTest(app)
{
    private static readonly DateTimeOffset BrowserStart = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_display_shows_a_new_inscription_without_reloading()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        var page = await OpenDisplayAsync(meeting);
        await Expect(page.Locator("#meeting-title")).ToHaveTextAsync("First plenary meeting");

        await Api.Inscribe(meeting, "GHA", "minister");
        await Api.Inscribe(meeting, "FRA", "headOfState");

        var rows = page.Locator("#next-speakers li[data-participant]");
        await Expect(rows).ToHaveCountAsync(2, WithinAPush);
        await Expect(rows.Nth(0)).ToContainTextAsync("France");
        await Expect(rows.Nth(1)).ToContainTextAsync("Ghana");
    }

    [Fact]
    public async Task The_countdown_turns_amber_at_one_minute_left_and_red_at_zero_then_shows_the_overrun()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        await Api.Inscribe(meeting, "GHA", "minister", onBehalfOf: "Group of African States");
        foreach (var code in new[] { "BRA", "CHN", "DEU", "EGY", "FRA", "IND" }) await Api.Inscribe(meeting, code);
        await Api.FirstSpeakerSpeaks(meeting);

        var page = await OpenDisplayAsync(meeting, beforeNavigation: p => p.Clock.SetFixedTimeAsync(BrowserStart.UtcDateTime));
        var countdown = page.Locator("#countdown");
        await Expect(page.Locator("#current-delegation")).ToHaveTextAsync("Ghana");
        await Expect(page.Locator("#current-behalf")).ToHaveTextAsync("On behalf of Group of African States");
        await Expect(page.Locator("#countdown-value")).ToHaveTextAsync("7:00");
        await Expect(countdown).ToHaveAttributeAsync("data-state", "normal");
        var nextAt = TimeOnly.Parse((await page.Locator("#next-speakers li .eta").First.TextContentAsync())!);
        await ScreenshotAsync(page, "display-1920x1080");

        await AtAsync(page, seconds: 361);
        await Expect(page.Locator("#countdown-value")).ToHaveTextAsync("0:59");
        await Expect(countdown).ToHaveAttributeAsync("data-state", "warning");
        await Expect(countdown).ToHaveCSSAsync("background-color", "rgb(255, 191, 0)");
        await ScreenshotAsync(page, "display-1920x1080-warning");

        await AtAsync(page, seconds: 420);
        await Expect(countdown).ToHaveAttributeAsync("data-state", "over");
        await Expect(countdown).ToHaveCSSAsync("background-color", "rgb(209, 0, 31)");
        await AtAsync(page, seconds: 432);
        await Expect(page.Locator("#countdown-value")).ToHaveTextAsync("+0:12");
        await Expect(page.Locator("#countdown-label")).ToHaveTextAsync("Over time");
        // The overrun delays everyone after the speaker: the expected times move on with it.
        await Expect(page.Locator("#next-speakers li .eta").First).ToHaveTextAsync(nextAt.AddMinutes(1).ToString("HH:mm"));
        await ScreenshotAsync(page, "display-1920x1080-over");
    }

    [Fact]
    public async Task The_warning_is_configurable_on_the_display_address()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");
        await Api.FirstSpeakerSpeaks(meeting);
        var page = await OpenAsync($"/display/meeting/{meeting}?warning=120", beforeNavigation: p => p.Clock.SetFixedTimeAsync(BrowserStart.UtcDateTime));
        await Expect(page.Locator("#connection")).ToHaveTextAsync("live");

        await AtAsync(page, seconds: 179);
        await Expect(page.Locator("#countdown")).ToHaveAttributeAsync("data-state", "normal");
        await AtAsync(page, seconds: 181);
        await Expect(page.Locator("#countdown")).ToHaveAttributeAsync("data-state", "warning");
    }

    [Fact]
    public async Task A_suspended_meeting_says_so_across_the_screen_at_1280x720()
    {
        var meeting = await Api.ScheduleMeeting(title: "Round table 1: Assessing the effects of international migration on sustainable development", kind: "roundTable", room: "Conference Room 2");
        foreach (var code in new[] { "GHA", "MEX", "NOR", "PHL", "SEN", "IOM" }) await Api.Inscribe(meeting, code);
        await Api.FirstSpeakerSpeaks(meeting);
        var page = await OpenDisplayAsync(meeting, 1280, 720);
        await Expect(page.Locator("#current-delegation")).ToHaveTextAsync("Ghana");
        await ScreenshotAsync(page, "display-1280x720");

        await Api.Floor(meeting, "suspend");
        await Expect(page.Locator("#state-banner")).ToBeVisibleAsync(new() { Timeout = PushTimeout });
        await Expect(page.Locator("#state-banner")).ToHaveTextAsync("The meeting is suspended");
        await ScreenshotAsync(page, "display-1280x720-suspended");

        await Api.Floor(meeting, "resume-meeting");
        await Expect(page.Locator("#state-banner")).ToBeHiddenAsync(new() { Timeout = PushTimeout });
    }

    [Fact]
    public async Task A_display_that_lost_its_connection_catches_up_from_a_fresh_snapshot_when_it_reconnects()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");
        var holding = false;
        IWebSocketRoute? socket = null;
        var page = await OpenDisplayAsync(meeting, beforeNavigation: p => p.RouteWebSocketAsync("**/hubs/live**", ws =>
        {
            socket = ws;
            var server = ws.ConnectToServer();
            ws.OnMessage(frame => { if (frame.Text is { } text) server.Send(text); else server.Send(frame.Binary!); });
            server.OnMessage(frame =>
            {
                if (holding) return; // the network drops everything the server sends
                if (frame.Text is { } text) ws.Send(text); else ws.Send(frame.Binary!);
            });
        }));
        await Expect(page.Locator("#next-speakers li[data-participant]")).ToHaveCountAsync(1);

        holding = true;
        await Api.Inscribe(meeting, "FRA", "headOfState");
        await Api.Inscribe(meeting, "MEX");
        await Expect(page.Locator("#next-speakers li[data-participant]")).ToHaveCountAsync(1);

        holding = false;
        await socket!.CloseAsync();
        await Expect(page.Locator("#next-speakers li[data-participant]")).ToHaveCountAsync(3, new() { Timeout = 10000 });
        await Expect(page.Locator("#next-speakers li").First).ToContainTextAsync("France");
        await Expect(page.Locator("#connection")).ToHaveTextAsync("live");
    }

    [Fact]
    public async Task A_room_display_follows_the_meeting_that_is_on_in_its_room()
    {
        var morning = await Api.ScheduleMeeting(title: "Round table 1", kind: "roundTable", room: "Conference Room 2", start: "10:00", end: "13:00");
        var afternoon = await Api.ScheduleMeeting(title: "Round table 2", kind: "roundTable", room: "Conference Room 2", start: "15:00", end: "18:00");
        await Api.Inscribe(afternoon, "MEX");
        var page = await OpenAsync("/display/room/Conference%20Room%202");
        await Expect(page.Locator("#meeting-title")).ToHaveTextAsync("Round table 1");

        await Api.Floor(afternoon, "open");
        await Expect(page.Locator("#meeting-title")).ToHaveTextAsync("Round table 2", new() { Timeout = PushTimeout });
        await Expect(page.Locator("#next-speakers li[data-participant]")).ToHaveCountAsync(1);
        await Api.Floor(afternoon, "next");
        await Expect(page.Locator("#current-delegation")).ToHaveTextAsync("Mexico", new() { Timeout = PushTimeout });
        // The display followed the room: the morning's meeting was left as it was, never opened.
        Assert.Equal(MeetingStatus.Scheduled, (await Api.FloorOf(morning)).Status);
    }

    /// <summary>
    /// Moves the browser's clock to a moment after the speech started. The server's clock stays where the speech
    /// started: the display took its offset from the server's time in the snapshot, and no push comes after it.
    /// </summary>
    private static Task AtAsync(IPage page, int seconds) =>
        page.Clock.SetFixedTimeAsync(BrowserStart.AddSeconds(seconds).UtcDateTime);
}
