using Microsoft.Playwright;
using SpeakersList.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests;

public class Officer_console(BrowserApp app) : BrowserTest(app)
{
    private static ILocator Row(IPage page, int index) => page.Locator("#list li.entry").Nth(index);

    [Fact]
    public async Task An_inscription_made_in_the_console_reaches_the_display()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        var display = await OpenDisplayAsync(meeting);
        var console = await OpenConsoleAsync(meeting);

        await console.Locator("#inscribe-participant").FillAsync("GHA");
        await console.Locator("#inscribe-level").SelectOptionAsync("minister");
        await console.Locator("#inscribe-title").FillAsync("Minister for Foreign Affairs");
        await console.Locator("#inscribe-name").FillAsync("Hanna Tetteh");
        await console.Locator("#inscribe-form button[type=submit]").ClickAsync();

        await Expect(display.Locator("#next-speakers li[data-participant]")).ToHaveCountAsync(1, WithinAPush);
        await Expect(display.Locator("#next-speakers li").First).ToContainTextAsync("Ghana", new() { Timeout = PushTimeout });
        await Expect(display.Locator("#next-speakers li").First).ToContainTextAsync("Hanna Tetteh");
        await Expect(console.Locator("#inscribe-message")).ToContainTextAsync("Ghana (GHA) inscribed at position 1");
        await Expect(Row(console, 0)).ToContainTextAsync("Ghana");
    }

    [Fact]
    public async Task The_list_is_reached_by_keyboard_and_the_focus_is_visible()
    {
        var meeting = await Api.ScheduleMeeting();
        foreach (var code in new[] { "GHA", "MEX" }) await Api.Inscribe(meeting, code);
        var console = await OpenConsoleAsync(meeting);
        await console.Locator("body").FocusAsync();

        await console.Keyboard.PressAsync("Tab");
        await Expect(console.GetByRole(AriaRole.Link, new() { Name = "Skip to the list of speakers" })).ToBeFocusedAsync();
        await console.Keyboard.PressAsync("l");
        await Expect(Row(console, 0)).ToBeFocusedAsync();
        Assert.Equal("solid", await Row(console, 0).EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await console.Keyboard.PressAsync("ArrowDown");
        await Expect(Row(console, 1)).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_console_draws_the_not_reached_line_before_the_first_speaker_the_meeting_will_not_reach()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting", start: "10:00", end: "11:00");
        var codes = new[] { "BRA", "CHN", "DEU", "EGY", "FRA", "GHA", "IND", "JPN", "KEN", "MEX", "NOR", "PER" };
        foreach (var code in codes) await Api.Inscribe(meeting, code);
        var console = await OpenConsoleAsync(meeting);

        // 5 minutes and 30 seconds of change-over each: the 11th speaker would start at 10:55, the 12th at 11:00:30.
        var line = console.Locator("#not-reached-line");
        await Expect(line).ToHaveTextAsync("About 1 speaker will likely not be reached by 11:00.");
        await Expect(console.Locator("#list li:below(#not-reached-line)").First).ToContainTextAsync("Peru");
        await Expect(console.Locator("#list > li").Nth(11)).ToHaveIdAsync("not-reached-line");
    }

    [Fact]
    public async Task An_officer_requests_a_right_of_reply_for_a_delegation()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        await Api.Inscribe(meeting, "BRA");
        var console = await OpenConsoleAsync(meeting);

        await console.Locator("#reply-participant").FillAsync("Ghana");
        await console.Locator("#reply-title").FillAsync("Permanent Representative");
        await console.Locator("#reply-name").FillAsync("Ken Kanda");
        await console.GetByRole(AriaRole.Button, new() { Name = "Request a right of reply" }).ClickAsync();

        await Expect(console.Locator("#reply-message")).ToContainTextAsync("Ghana: first right of reply, up to 10 minutes, at the end of First plenary meeting.");
        await Expect(console.Locator("#list li[data-participant='GHA']")).ToContainTextAsync("Right of reply");
    }

    [Fact]
    public async Task A_reorder_by_keyboard_in_the_console_is_shown_on_the_display()
    {
        var meeting = await Api.ScheduleMeeting();
        foreach (var code in new[] { "GHA", "MEX", "NOR" }) await Api.Inscribe(meeting, code);
        var display = await OpenDisplayAsync(meeting);
        var console = await OpenConsoleAsync(meeting);
        await Expect(display.Locator("#next-speakers li").Nth(2)).ToContainTextAsync("Norway");

        await Row(console, 2).FocusAsync();
        await console.Keyboard.PressAsync("Alt+Home");

        await Expect(display.Locator("#next-speakers li").First).ToContainTextAsync("Norway", new() { Timeout = PushTimeout });
        await Expect(display.Locator("#next-speakers li").Nth(1)).ToContainTextAsync("Ghana");
        await Expect(Row(console, 0)).ToContainTextAsync("Norway");
        await Expect(Row(console, 0)).ToBeFocusedAsync();

        await console.Keyboard.PressAsync("Alt+ArrowDown");
        await Expect(display.Locator("#next-speakers li").First).ToContainTextAsync("Ghana", new() { Timeout = PushTimeout });
        await Expect(display.Locator("#next-speakers li").Nth(1)).ToContainTextAsync("Norway");
        Assert.Equal(["GHA", "NOR", "MEX"], await Api.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task A_reorder_by_drag_and_drop_in_the_console_is_shown_on_the_display()
    {
        var meeting = await Api.ScheduleMeeting();
        foreach (var code in new[] { "GHA", "MEX", "NOR", "PER" }) await Api.Inscribe(meeting, code);
        var display = await OpenDisplayAsync(meeting);
        var console = await OpenConsoleAsync(meeting);

        await Row(console, 3).DragToAsync(Row(console, 0), new() { TargetPosition = new() { X = 40, Y = 5 } });

        await Expect(display.Locator("#next-speakers li").First).ToContainTextAsync("Peru", new() { Timeout = PushTimeout });
        Assert.Equal(["PER", "GHA", "MEX", "NOR"], await Api.SpeakingOrder(meeting));
        await Expect(console.Locator("#list-message")).ToContainTextAsync("Peru moved to the head");
    }

    [Fact]
    public async Task A_change_made_first_by_another_officer_is_shown_with_a_clear_message_not_overwritten()
    {
        var meeting = await Api.ScheduleMeeting();
        var ids = new Dictionary<string, Guid>();
        foreach (var code in new[] { "GHA", "MEX", "NOR" }) ids[code] = await Api.Inscribe(meeting, code);
        var console = await OpenAsync($"/officer?meeting={meeting}", 1600, 1000, page => Pushes.HoldListPushes(page, () => holding), TestRole.Officer);
        await Expect(console.Locator("#list")).ToHaveAttributeAsync("data-version", "4");

        // Another officer moves Mexico to the head; this console does not hear of it yet.
        holding = true;
        await Api.Move(meeting, ids["MEX"], after: null, "Requested by the Chair");
        await Row(console, 2).FocusAsync();
        await console.Keyboard.PressAsync("Alt+Home");

        await Expect(console.Locator("#list-message")).ToContainTextAsync("Another officer changed this meeting first");
        await Expect(console.Locator("#list-message")).ToHaveAttributeAsync("data-kind", "conflict");
        await Expect(Row(console, 0)).ToContainTextAsync("Mexico");
        await Expect(console.Locator("#list")).ToHaveAttributeAsync("data-version", "5");
        Assert.Equal(["MEX", "GHA", "NOR"], await Api.SpeakingOrder(meeting));
        await ScreenshotAsync(console, "console-conflict");
    }

    private bool holding;

    [Fact]
    public async Task The_officer_runs_the_floor_with_keyboard_shortcuts_and_the_display_follows()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        await Api.Inscribe(meeting, "GHA", onBehalfOf: "Group of African States");
        foreach (var code in new[] { "BRA", "CHN", "DEU", "EGY", "FRA", "IND", "JPN", "KEN", "MEX", "NOR", "PER", "PHL", "SEN" })
            await Api.Inscribe(meeting, code);
        await Api.Floor(meeting, "open");
        var display = await OpenDisplayAsync(meeting);
        var console = await OpenConsoleAsync(meeting);
        await Expect(console.Locator("#floor-status")).ToHaveTextAsync("In progress");

        await console.Keyboard.PressAsync("n");
        await Expect(console.Locator("#floor-speaker")).ToHaveTextAsync("Ghana");
        await Expect(display.Locator("#current-delegation")).ToHaveTextAsync("Ghana", new() { Timeout = PushTimeout });
        await console.Keyboard.PressAsync("s");
        await Expect(display.Locator("#countdown-label")).ToHaveTextAsync("Time left", new() { Timeout = PushTimeout });
        await console.Keyboard.PressAsync("p");
        await Expect(display.Locator("#countdown-label")).ToHaveTextAsync("Paused", new() { Timeout = PushTimeout });
        await Expect(console.Locator("#btn-pause")).ToContainTextAsync("Resume");
        await console.Keyboard.PressAsync("p");
        await Expect(display.Locator("#countdown-label")).ToHaveTextAsync("Time left", new() { Timeout = PushTimeout });

        await console.Keyboard.PressAsync("o");
        await Expect(console.Locator("#poo-participant")).ToBeFocusedAsync();
        await console.Keyboard.TypeAsync("MEX");
        await console.Keyboard.PressAsync("Enter");
        await Expect(display.Locator("#point-of-order")).ToContainTextAsync("Mexico", new() { Timeout = PushTimeout });
        await Expect(console.Locator("#btn-pause")).ToContainTextAsync("Ruled: back to speaker");
        await console.Keyboard.PressAsync("p");
        await Expect(display.Locator("#point-of-order")).ToBeHiddenAsync(new() { Timeout = PushTimeout });

        await console.Keyboard.PressAsync("e");
        await Expect(console.Locator("#list li[data-participant='GHA']")).ToHaveAttributeAsync("data-state", "heard");
        await console.Keyboard.PressAsync("n");
        await Expect(display.Locator("#current-delegation")).ToHaveTextAsync("Brazil", new() { Timeout = PushTimeout });
        await Expect(console.Locator("#history li").First).ToContainTextAsync(SpeakersListApp.OfficerName);
        await ScreenshotAsync(console, "console-1600x1000");
        await ScreenshotAsync(console, "console-1600x1000-full", fullPage: true);
    }
}
