using System.Diagnostics;
using Microsoft.Playwright;
using SpeakersList.Server.Meetings;
using SpeakersList.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests;

/// <summary>The room rides out the network: the officer's outbox, clocks that keep counting, pages that leave old meetings.</summary>
public class Network_outages(BrowserApp app) : BrowserTest(app)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Keys_pressed_while_the_console_is_offline_wait_in_its_outbox_and_are_applied_once_each_in_order_when_it_returns()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        foreach (var code in new[] { "GHA", "BRA", "CHN" }) await Api.Inscribe(meeting, code);
        await Api.FirstSpeakerSpeaks(meeting);
        var console = await OpenConsoleAsync(meeting);
        await Expect(console.Locator("#floor-clock-state")).ToHaveTextAsync("Time left");

        var offline = Stopwatch.StartNew();
        await console.Context.SetOfflineAsync(true);
        await console.Keyboard.PressAsync("p");
        // The bar shows what the officer asked for; the light is no longer "live" once a request failed.
        await Expect(console.Locator("#floor-clock-state")).ToHaveTextAsync("PAUSED (waiting to send)");
        await Expect(console.Locator("#connection")).Not.ToHaveTextAsync("live");
        await console.Keyboard.PressAsync("e");
        var waiting = console.Locator("#outbox-entries li[data-state='waiting']");
        await Expect(waiting).ToHaveCountAsync(2);
        await Expect(waiting.Nth(0)).ToContainTextAsync("Pause");
        await Expect(waiting.Nth(1)).ToContainTextAsync("End of the speech");
        await Expect(console.Locator("#outbox-summary")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Offline since \d\d:\d\d:\d\d: 2 actions waiting$"));
        await ScreenshotAsync(console, "console-offline-outbox");
        // The outage lasts its twenty seconds whatever the page does meanwhile: that is the scenario, not a wait for a state.
        if (Outage - offline.Elapsed is { Ticks: > 0 } rest) await Task.Delay(rest);
        (await History(meeting)).Should_have_none_of("SpeechPaused", "SpeechEnded");

        await console.Context.SetOfflineAsync(false);
        var back = Stopwatch.StartNew();
        string[] floorEvents = [];
        while (back.Elapsed < TimeSpan.FromSeconds(10))
        {
            floorEvents = (await History(meeting)).Where(t => t is "SpeechPaused" or "SpeechEnded").ToArray();
            if (floorEvents.Contains("SpeechEnded")) break;
            await Task.Delay(200);
        }
        Assert.Equal(["SpeechPaused", "SpeechEnded"], floorEvents);
        Assert.True(back.Elapsed < TimeSpan.FromSeconds(10), $"applied {back.Elapsed.TotalSeconds:0.0} s after the console came back");
        await Expect(console.Locator("#outbox-entries li[data-state='done']")).ToHaveCountAsync(2);
        await Expect(console.Locator("#outbox-entries li[data-state='waiting']")).ToHaveCountAsync(0);
        await Expect(console.Locator("#connection")).ToHaveTextAsync("live");
        await Expect(console.Locator("#list li[data-participant='GHA']")).ToHaveAttributeAsync("data-state", "heard");
        // Nothing sent twice: a while later there is still one of each.
        await Expect(console.Locator("#outbox")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.Equal(["SpeechPaused", "SpeechEnded"], (await History(meeting)).Where(t => t is "SpeechPaused" or "SpeechEnded").ToArray());
    }

    [Fact]
    public async Task A_replayed_command_the_list_no_longer_allows_is_shown_with_its_reason_and_dropping_it_sends_nothing()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        foreach (var code in new[] { "GHA", "BRA", "CHN" }) await Api.Inscribe(meeting, code);
        await Api.FirstSpeakerSpeaks(meeting);
        var console = await OpenConsoleAsync(meeting);
        await Expect(console.Locator("#floor-clock-state")).ToHaveTextAsync("Time left");

        await console.Context.SetOfflineAsync(true);
        await console.Keyboard.PressAsync("p");
        await Expect(console.Locator("#outbox-entries li[data-state='waiting']")).ToHaveCountAsync(1);
        // The officer has been told it waits (its request failed, or got no answer yet: offline, one may hang).
        await Expect(console.Locator("#floor-message")).ToContainTextAsync("Waiting to send");
        // Meanwhile another officer changes the list: the pause was decided on a version that is gone.
        await Api.Inscribe(meeting, "DEU");
        var before = await History(meeting);
        await console.Context.SetOfflineAsync(false);

        var refused = console.Locator("#outbox-entries li[data-state='refused']");
        await Expect(refused).ToHaveCountAsync(1);
        await Expect(refused).ToContainTextAsync("Pause refused:");
        await Expect(refused).ToContainTextAsync("version");
        await Expect(refused.GetByRole(AriaRole.Button, new() { Name = "Decide again on the current list" })).ToBeVisibleAsync();
        await ScreenshotAsync(console, "console-outbox-refused");

        await refused.GetByRole(AriaRole.Button, new() { Name = "Drop it" }).ClickAsync();
        await Expect(console.Locator("#outbox")).ToBeHiddenAsync();
        // A push or a retry would have come by now; what the history holds is all that was sent.
        await Expect(console.Locator("#connection")).ToHaveTextAsync("live");
        await console.EvaluateAsync("() => new Promise(r => setTimeout(r, 2000))");
        Assert.Equal(before, await History(meeting));
        Assert.Equal("[]", await console.EvaluateAsync<string>("() => JSON.stringify(JSON.parse(localStorage.getItem('speakerslist.console.outbox')).entries)"));
    }

    [Fact]
    public async Task A_withdrawal_given_offline_waits_in_the_outbox_and_is_applied_once_when_the_console_returns()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        foreach (var code in new[] { "GHA", "BRA", "CHN" }) await Api.Inscribe(meeting, code);
        var console = await OpenConsoleAsync(meeting);

        await console.Context.SetOfflineAsync(true);
        var withdraw = console.Locator("#list li[data-participant='BRA'] button.withdraw");
        await Expect(withdraw).ToHaveAttributeAsync("aria-label", "Withdraw Brazil");
        await withdraw.ClickAsync(); // the confirmation is accepted
        var waiting = console.Locator("#outbox-entries li[data-state='waiting']");
        await Expect(waiting).ToHaveCountAsync(1);
        await Expect(waiting).ToContainTextAsync("withdrawal of Brazil", new() { IgnoreCase = true });
        await Expect(console.Locator("#list-message")).ToContainTextAsync("Waiting to send");
        (await History(meeting)).Should_have_none_of("InscriptionWithdrawn");

        await console.Context.SetOfflineAsync(false);
        await Expect(console.Locator("#list li[data-participant='BRA'][data-state='waiting']")).ToHaveCountAsync(0);
        await Expect(console.Locator("#outbox-entries li[data-state='waiting']")).ToHaveCountAsync(0);
        await Expect(console.Locator("#outbox")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.Single(await History(meeting), t => t == "InscriptionWithdrawn");
    }

    [Fact]
    public async Task A_display_offline_for_twenty_seconds_keeps_counting_says_it_is_reconnecting_and_shows_the_current_speaker_when_back()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        foreach (var code in new[] { "GHA", "BRA", "CHN" }) await Api.Inscribe(meeting, code);
        await Api.FirstSpeakerSpeaks(meeting);
        var display = await OpenDisplayAsync(meeting);
        await Expect(display.Locator("#current-delegation")).ToHaveTextAsync("Ghana");

        var offline = Stopwatch.StartNew();
        await display.Context.SetOfflineAsync(true);
        await Expect(display.Locator("#connection")).Not.ToHaveTextAsync("live");
        await Expect(display.Locator("#connection")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("reconnecting|offline|connecting"));
        var first = await display.Locator("#countdown-value").TextContentAsync();
        await Expect(display.Locator("#countdown-value")).Not.ToHaveTextAsync(first!);
        // Meanwhile the floor moves on: Ghana ends, Brazil is called.
        await Api.Floor(meeting, "end");
        await Api.Floor(meeting, "next");
        await Expect(display.Locator("#current-delegation")).ToHaveTextAsync("Ghana");
        if (Outage - offline.Elapsed is { Ticks: > 0 } rest) await Task.Delay(rest);
        var later = await display.Locator("#countdown-value").TextContentAsync();
        Assert.NotEqual(first, later);
        await ScreenshotAsync(display, "display-reconnecting");

        await display.Context.SetOfflineAsync(false);
        await Expect(display.Locator("#current-delegation")).ToHaveTextAsync("Brazil", new() { Timeout = 5_000 });
        await Expect(display.Locator("#connection")).ToHaveTextAsync("live");
    }

    [Fact]
    public async Task A_console_that_switched_from_one_meeting_to_another_gets_no_push_for_the_first()
    {
        var a = await Api.ScheduleMeeting(title: "Meeting A");
        var b = await Api.ScheduleMeeting(title: "Meeting B", room: "Conference Room 2");
        await Api.Inscribe(a, "GHA");
        await Api.Inscribe(b, "FRA");
        var frames = new List<string>();
        var console = await OpenAsync($"/officer?meeting={a}", 1600, 1000, signedInAs: TestRole.Officer,
            beforeNavigation: page => { page.WebSocket += (_, ws) => ws.FrameReceived += (_, f) => { lock (frames) frames.Add(f.Text ?? ""); }; return Task.CompletedTask; });
        await Expect(console.Locator("#list li[data-participant='GHA']")).ToHaveCountAsync(1);

        await console.Locator("#meeting-picker").SelectOptionAsync(b.ToString());
        await Expect(console.Locator("#list li[data-participant='FRA']")).ToHaveCountAsync(1);
        // The hub runs one connection's invocations in order: with B's list shown, A's unsubscription was handled.
        await Api.Inscribe(a, "BRA");
        await Api.Inscribe(b, "DEU");
        await Expect(console.Locator("#list li[data-participant='DEU']")).ToHaveCountAsync(1);
        await Expect(console.Locator("#list li[data-participant='BRA']")).ToHaveCountAsync(0);
        lock (frames)
            Assert.DoesNotContain(frames, f => f.Contains("BRA") && f.Contains(a.ToString()));
    }

    [Fact]
    public async Task A_delegation_offline_is_told_plainly_that_its_inscription_was_not_sent()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        var portal = await OpenAsync("/delegation", 390, 844, signedInAs: TestRole.Delegation("GHA"));
        await Expect(portal.Locator("#connection")).ToHaveTextAsync("live");
        await Expect(portal.Locator("#slots")).ToContainTextAsync("not inscribed");
        await Expect(portal.GetByRole(AriaRole.Button, new() { Name = "Inscribe" })).ToBeVisibleAsync();

        await portal.Locator("#inscribe-form").GetByLabel("Speaker's title").FillAsync("President of the Republic");
        await portal.Locator("#inscribe-form").GetByLabel("Speaker's name").FillAsync("John Dramani Mahama");

        await portal.Context.SetOfflineAsync(true);
        await portal.GetByRole(AriaRole.Button, new() { Name = "Inscribe" }).ClickAsync();
        await Expect(portal.Locator("#inscribe-message")).ToHaveTextAsync(
            "You are offline: your inscription was not sent. Inscribe again when the connection returns; your place is decided when the server receives it.");
        await Expect(portal.Locator("#connection")).Not.ToHaveTextAsync("live");
        await ScreenshotAsync(portal, "portal-390x844-offline");

        await portal.Context.SetOfflineAsync(false);
        await Expect(portal.Locator("#connection")).ToHaveTextAsync("live");
        Assert.Empty(await Api.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task The_console_marks_its_rooms_display_live_then_lost_when_it_goes()
    {
        // A room of its own: the roster keeps the screens other tests lost in theirs for ten minutes.
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting", room: $"Room {Guid.NewGuid():N}");
        await Api.Inscribe(meeting, "GHA");
        var display = await OpenDisplayAsync(meeting);
        var console = await OpenConsoleAsync(meeting);
        var mark = console.Locator("#room-screens-list li").First;
        await Expect(mark).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 10_000 });
        await Expect(mark).ToContainTextAsync("version 2");

        await display.CloseAsync();
        await Expect(mark).ToHaveAttributeAsync("data-state", "lost", new() { Timeout = 10_000 });
        await Expect(mark).ToContainTextAsync("lost since");
        await ScreenshotAsync(console, "console-room-display-lost");
    }

    private async Task<string[]> History(Guid meeting) =>
        (await Api.Get<HistoryEntry[]>($"/api/meetings/{meeting}/history")).Select(x => x.Type).ToArray();
}

internal static class HistoryAssertions
{
    public static void Should_have_none_of(this string[] history, params string[] types) =>
        Assert.Empty(history.Intersect(types));
}
