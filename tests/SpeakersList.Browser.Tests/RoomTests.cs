using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SpeakersList.Participants;
using SpeakersList.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests;

/// <summary>The hall display never cuts a name: the ten longest of the registry, at both screen sizes.</summary>
public class Hall_display_names(BrowserApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1280, 720)]
    public async Task The_ten_longest_names_of_the_registry_are_shown_in_full(int width, int height)
    {
        var registry = (await Api.Get<Participant[]>("/api/participants")).Select(p => (Code: p.Code.Value, p.Name)).ToList();
        var longest = registry.OrderByDescending(p => p.Name.Length).Take(10).ToList();
        var meeting = await Api.ScheduleMeeting(title: "High-level Dialogue on International Migration and Development, 1st plenary meeting");
        foreach (var (code, _) in longest) await Api.Inscribe(meeting, code, level: "other");
        await Api.Floor(meeting, "open");
        var display = await OpenDisplayAsync(meeting, width, height);

        // Each in turn on the floor, in the list's order, while the others show among the next five.
        var names = longest.ToDictionary(p => p.Code, p => p.Name);
        var order = await Api.SpeakingOrder(meeting);
        for (var i = 0; i < order.Length; i++)
        {
            var name = names[order[i]];
            if (i > 0) await Api.Floor(meeting, "absent");
            await Api.Floor(meeting, "next");
            await Expect(display.Locator("#current-delegation")).ToHaveTextAsync(name, new() { Timeout = PushTimeout });
            await AssertNothingCut(display, name);
            if (name == longest[0].Name) await ScreenshotAsync(display, $"display-longest-{width}x{height}");
        }
    }

    private static async Task AssertNothingCut(IPage display, string name)
    {
        // Every name on the screen, the speaker's and the next five: no wider and no taller than its box.
        var cut = await display.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('#current-delegation, #next-speakers .name')]
            .filter(e => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
            .map(e => `${e.textContent} (${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight})`)");
        Assert.True(cut.Length == 0, $"With {name} speaking, cut: {string.Join("; ", cut)}");
    }

    [Fact]
    public async Task An_empty_floor_says_when_the_meeting_begins_then_who_is_next()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting", start: "10:00", end: "13:00");
        await Api.Inscribe(meeting, "BOL");
        var display = await OpenDisplayAsync(meeting, 1280, 720);
        await Expect(display.Locator("#current-delegation")).ToHaveTextAsync("Begins Tue 24 Sept 10:00", new() { Timeout = PushTimeout });
        await ScreenshotAsync(display, "display-scheduled-1280x720");

        await Api.Floor(meeting, "open");
        await Expect(display.Locator("#current-delegation")).ToHaveTextAsync("Next: Bolivia (Plurinational State of)", new() { Timeout = PushTimeout });
        await Expect(display.Locator("#countdown-label")).ToHaveTextAsync("No speaker");
    }
}

/// <summary>The officer console fits one 1366x768 screen: the floor bar above a list that scrolls on its own.</summary>
public class Console_on_one_screen(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task At_1366x768_the_floor_bar_and_at_least_five_rows_are_visible_and_the_list_scrolls_alone()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        var codes = new[] { "BRA", "CHN", "DEU", "EGY", "FRA", "GHA", "IND", "JPN", "KEN", "MEX", "NOR", "PER", "PHL", "SEN", "GBR" };
        foreach (var code in codes) await Api.Inscribe(meeting, code);
        await Api.FirstSpeakerSpeaks(meeting);
        var console = await OpenConsoleAsync(meeting, 1366, 768);
        await Expect(console.Locator("#floor-speaker")).ToHaveTextAsync("Brazil", new() { Timeout = PushTimeout });
        await Expect(console.Locator("#floor-next")).ToHaveTextAsync("China");

        await Expect(console.Locator(".floor")).ToBeInViewportAsync(new() { Ratio = 1 });
        await Expect(console.Locator("#btn-next")).ToBeInViewportAsync(new() { Ratio = 1 });
        await ScreenshotAsync(console, "console-1366x768");
        var visible = 0;
        for (var i = 0; i < 8; i++)
            if (await IsFullyVisible(console, console.Locator("#list li.entry").Nth(i))) visible++;
        Assert.True(visible >= 5, $"{visible} rows fully visible");

        // A speaker far down is reached by the list's own scrolling: the floor bar stays where it is.
        await console.Locator("#list li[data-participant='GBR']").FocusAsync();
        await Expect(console.Locator("#list li[data-participant='GBR']")).ToBeInViewportAsync();
        await Expect(console.Locator(".floor")).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    private static async Task<bool> IsFullyVisible(IPage page, ILocator row) =>
        await row.EvaluateAsync<bool>(@"e => { const r = e.getBoundingClientRect(), l = document.getElementById('list').getBoundingClientRect();
            return r.top >= l.top - 1 && r.bottom <= l.bottom + 1 && r.bottom <= innerHeight; }");

    [Fact]
    public async Task O_pauses_the_clock_at_once_then_asks_who_raised_the_point_of_order()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        foreach (var code in new[] { "GHA", "MEX" }) await Api.Inscribe(meeting, code);
        await Api.FirstSpeakerSpeaks(meeting);
        var console = await OpenConsoleAsync(meeting, 1366, 768);
        await Expect(console.Locator("#floor-clock-state")).ToHaveTextAsync("Time left", new() { Timeout = PushTimeout });

        await console.Keyboard.PressAsync("o");
        await Expect(console.Locator("#floor-clock-state")).ToHaveTextAsync("PAUSED", new() { Timeout = PushTimeout });
        await Expect(console.Locator("#poo-participant")).ToBeFocusedAsync();
        await console.Keyboard.TypeAsync("Mexico");
        await console.Keyboard.PressAsync("Enter");
        await Expect(console.Locator("#floor-poo")).ToHaveTextAsync("Point of order: Mexico", new() { Timeout = PushTimeout });
        await Expect(console.Locator("#floor-clock-state")).ToHaveTextAsync("PAUSED · point of order");

        await console.Keyboard.PressAsync("p"); // ruled: back to the speaker, whose clock runs again
        await Expect(console.Locator("#floor-poo")).ToBeHiddenAsync(new() { Timeout = PushTimeout });
        await Expect(console.Locator("#floor-clock-state")).ToHaveTextAsync("Time left", new() { Timeout = PushTimeout });
    }

    [Fact]
    public async Task The_officer_finds_a_delegation_by_name_moves_it_to_a_position_with_its_own_reason_and_grants_a_second_inscription()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        foreach (var code in new[] { "BRA", "CHN", "DEU", "EGY", "FRA", "GHA" }) await Api.Inscribe(meeting, code);
        var console = await OpenConsoleAsync(meeting, 1366, 768);

        // Inscribed by name: the Holy See has no code the officer needs to know.
        await console.Locator("#inscribe-participant").FillAsync("Holy See");
        await console.Locator("#inscribe-title").FillAsync("Secretary for Relations with States");
        await console.Locator("#inscribe-name").FillAsync("Dominique Mamberti");
        await console.Locator("#inscribe-form button[type=submit]").ClickAsync();
        await Expect(console.Locator("#inscribe-message")).ToContainTextAsync("Holy See (VAT) inscribed", new() { Timeout = PushTimeout });

        // Found in the list by part of its name, then moved to #2 with a reason typed for this move.
        await console.Locator("#list-search").FillAsync("egy");
        await Expect(console.Locator("#list li.entry:visible")).ToHaveCountAsync(1);
        await console.Locator("#list-search").PressAsync("Enter");
        await Expect(console.Locator("#list li[data-participant='EGY']")).ToBeFocusedAsync();
        await console.Locator("#move-position").FillAsync("2");
        await console.Locator("#move-reason").FillAsync("Requested by the Chair");
        await console.Locator("#move-form button[type=submit]").ClickAsync();
        await Expect(console.Locator("#list-message")).ToContainTextAsync("Egypt moved after Brazil. Reason: Requested by the Chair", new() { Timeout = PushTimeout });
        await Expect(console.Locator("#move-reason")).ToHaveValueAsync("");
        Assert.Equal(["BRA", "EGY", "CHN", "DEU", "FRA", "GHA", "VAT"], await Api.SpeakingOrder(meeting));

        // Ghana again: refused until the officer grants a second inscription, from the console.
        await console.Locator("#inscribe-participant").FillAsync("GHA");
        await console.Locator("#inscribe-title").FillAsync("Minister of the Interior");
        await console.Locator("#inscribe-name").FillAsync("Kwesi Ahwoi");
        await console.Locator("#inscribe-form button[type=submit]").ClickAsync();
        await Expect(console.Locator("#inscribe-message")).ToContainTextAsync("second inscription needs an officer's permission");
        await console.GetByRole(AriaRole.Button, new() { Name = "Allow a second inscription" }).ClickAsync();
        await Expect(console.Locator("#inscribe-message")).ToContainTextAsync("Ghana may inscribe a second time");
        await console.Locator("#inscribe-form button[type=submit]").ClickAsync();
        await Expect(console.Locator("#inscribe-message")).ToContainTextAsync("Ghana (GHA) inscribed at position");
        Assert.Equal(2, (await Api.SpeakingOrder(meeting)).Count(code => code == "GHA"));
        await ScreenshotAsync(console, "console-1366x768-moved");
    }
}

/// <summary>The list by keyboard: one tab stop for the list, row buttons named after their delegation; confirmations before the irreversible.</summary>
public class Console_keyboard_and_confirmations(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_list_is_one_tab_stop_whose_chosen_row_carries_named_buttons()
    {
        var meeting = await Api.ScheduleMeeting();
        var codes = new[] { "BRA", "CHN", "DEU", "EGY", "FRA", "GHA", "IND", "JPN", "KEN", "MEX" };
        foreach (var code in codes) await Api.Inscribe(meeting, code);
        var console = await OpenConsoleAsync(meeting, 1366, 768);
        await console.Locator("body").FocusAsync();

        await console.Keyboard.PressAsync("l");
        await Expect(console.Locator("#list li[data-participant='BRA']")).ToBeFocusedAsync();
        await console.Keyboard.PressAsync("ArrowDown");
        await console.Keyboard.PressAsync("ArrowDown");
        var egypt = console.Locator("#list li[data-participant='DEU']");
        await Expect(egypt).ToBeFocusedAsync();

        // Tab stops inside the list: the chosen row and its four buttons, not one per row.
        Assert.Equal(5, await console.Locator("#list").EvaluateAsync<int>("l => [...l.querySelectorAll('*')].filter(e => e.tabIndex >= 0).length"));
        await console.Keyboard.PressAsync("Tab");
        await Expect(console.GetByRole(AriaRole.Button, new() { Name = "Move Germany up" })).ToBeFocusedAsync();
        await console.Keyboard.PressAsync("Tab");
        await console.Keyboard.PressAsync("Tab");
        await Expect(console.GetByRole(AriaRole.Button, new() { Name = "Call Germany", Exact = true })).ToBeFocusedAsync();
        await console.Keyboard.PressAsync("Tab");
        await Expect(console.GetByRole(AriaRole.Button, new() { Name = "Withdraw Germany", Exact = true })).ToBeFocusedAsync();
        await console.Keyboard.PressAsync("Tab");
        Assert.False(await console.Locator("#list").EvaluateAsync<bool>("l => l.contains(document.activeElement)"));
    }

    [Fact]
    public async Task Closing_the_list_and_opening_a_meeting_days_early_are_confirmed_first()
    {
        var early = await Api.ScheduleMeeting(title: "Third plenary meeting", day: Api.Day1.AddDays(2));
        await Api.Inscribe(early, "GHA");
        var console = await OpenConsoleAsync(early, 1366, 768);
        var asked = new List<string>();
        console.Dialog += (_, dialog) => asked.Add(dialog.Message);

        await console.GetByRole(AriaRole.Button, new() { Name = "Close list" }).ClickAsync();
        await Expect(console.Locator("#list-message")).ToHaveTextAsync("The list of speakers is closed (rule 73).", new() { Timeout = PushTimeout });
        await console.GetByRole(AriaRole.Button, new() { Name = "Open meeting" }).ClickAsync();
        await Expect(console.Locator("#floor-status")).ToHaveTextAsync("In progress", new() { Timeout = PushTimeout });

        Assert.Equal(2, asked.Count);
        Assert.StartsWith("Close the list of speakers (rule 73)?", asked[0]);
        Assert.StartsWith("\"Third plenary meeting\" is scheduled for Thu 26 Sept 10:00, about 2 days from now. Open it now?", asked[1]);
    }
}

/// <summary>A delegation's phone: nothing wider than the screen, on the portal, the programme and the public list.</summary>
public class Phone_pages(BrowserApp app) : BrowserTest(app)
{
    private static Task<bool> FitsWidth(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");

    [Fact]
    public async Task At_360x740_the_portal_the_programme_and_the_public_list_do_not_scroll_sideways()
    {
        var meeting = await Api.ScheduleMeeting(title: "Round table 1: Assessing the effects of international migration on sustainable development and identifying relevant priorities",
            kind: "roundTable", room: "Conference Room 2");
        foreach (var code in new[] { "BOL", "GBR", "GHA" }) await Api.Inscribe(meeting, code);
        await Api.ScheduleMeeting(title: "First plenary meeting");

        var portal = await OpenAsync("/delegation", 360, 740, signedInAs: TestRole.Delegation("GHA"));
        await Expect(portal.Locator("#next-card")).ToContainTextAsync("Round table 1", new() { Timeout = PushTimeout });
        await Expect(portal.Locator("#next-card")).ToContainTextAsync("2 speakers before you");
        await Expect(portal.Locator("#next-card")).ToContainTextAsync("Expected Tue 24 Sept at");
        Assert.True(await FitsWidth(portal), "the portal scrolls sideways");
        await ScreenshotAsync(portal, "portal-360x740");
        await ScreenshotAsync(portal, "portal-360x740-full", fullPage: true);

        var programme = await OpenAsync("/programme", 360, 740);
        await Expect(programme.Locator($"[data-meeting-id='{meeting}']")).ToBeVisibleAsync(new() { Timeout = PushTimeout });
        Assert.True(await FitsWidth(programme), "the programme scrolls sideways");
        await ScreenshotAsync(programme, "programme-360x740", fullPage: true);

        // The programme's list link is the public list, not the officers' console.
        await programme.Locator($"[data-meeting-id='{meeting}']").GetByRole(AriaRole.Link, new() { Name = "List of speakers" }).ClickAsync();
        await Expect(programme).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/meetings/{meeting}$"));
        await Expect(programme.Locator("#entries li")).ToHaveCountAsync(3, new() { Timeout = PushTimeout });
        await Expect(programme.Locator("#entries li").First).ToContainTextAsync("Bolivia (Plurinational State of)");
        Assert.True(await FitsWidth(programme), "the public list scrolls sideways");
        await ScreenshotAsync(programme, "public-list-360x740", fullPage: true);
    }

    [Fact]
    public async Task A_proposer_withdraws_its_swap_proposal_and_the_other_delegation_is_alerted_until_then()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        foreach (var code in new[] { "BRA", "GHA", "MEX" }) await Api.Inscribe(meeting, code);
        var mexico = await OpenAsync("/delegation", 360, 740, signedInAs: TestRole.Delegation("MEX"));
        var ghana = await OpenAsync("/delegation", 360, 740, signedInAs: TestRole.Delegation("GHA"));

        var slot = mexico.Locator($"li.slot[data-meeting-id='{meeting}']");
        await slot.GetByLabel("Find a delegation to swap with").FillAsync("gha");
        await slot.GetByRole(AriaRole.Button, new() { Name = "Propose" }).ClickAsync();
        await Expect(slot.Locator(".card-message")).ToContainTextAsync("Swap proposed to Ghana", new() { Timeout = PushTimeout });
        await Expect(ghana.Locator("#swap-alert")).ToContainTextAsync("1 swap proposed to you", new() { Timeout = PushTimeout });
        await ScreenshotAsync(ghana, "portal-360x740-swap-alert");

        await mexico.GetByRole(AriaRole.Button, new() { Name = "Withdraw the proposal to Ghana" }).ClickAsync();
        await Expect(mexico.Locator("#swaps-by li.swap .card-message")).ToContainTextAsync("Your proposal to Ghana is withdrawn", new() { Timeout = PushTimeout });
        await Expect(ghana.Locator("#swap-alert")).ToBeHiddenAsync(new() { Timeout = PushTimeout });
        await Expect(ghana.Locator("#swaps-to li.swap")).ToContainTextAsync("Withdrawn by its proposer");
    }
}

/// <summary>One meeting in progress per room, and a room's display that says when it follows another meeting.</summary>
public class One_meeting_per_room(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_second_meeting_cannot_be_opened_in_a_room_while_one_is_in_progress_and_the_room_display_says_when_it_changes()
    {
        var morning = await Api.ScheduleMeeting(title: "First plenary meeting", start: "10:00", end: "13:00");
        var afternoon = await Api.ScheduleMeeting(title: "Second plenary meeting", start: "15:00", end: "18:00");
        await Api.Inscribe(afternoon, "GHA");
        await Api.Floor(morning, "open");
        var display = await OpenAsync($"/display/room/{Uri.EscapeDataString("General Assembly Hall")}", 1280, 720);
        await Expect(display.Locator("#meeting-title")).ToHaveTextAsync("First plenary meeting", new() { Timeout = PushTimeout });

        var refused = await Api.Http.PostAsJsonAsync($"/api/meetings/{afternoon}/floor/open", new { commandId = Guid.NewGuid() }, Api.Json);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.StartsWith("\"First plenary meeting\" is in progress in General Assembly Hall", problem["detail"]!.GetValue<string>());

        await Api.Floor(morning, "adjourn");
        await Api.Floor(afternoon, "open");
        await Expect(display.Locator("#meeting-title")).ToHaveTextAsync("Second plenary meeting", new() { Timeout = PushTimeout });
        await Expect(display.Locator("#meeting-changed")).ToHaveTextAsync("Now showing: Second plenary meeting");
        await ScreenshotAsync(display, "display-room-changed-1280x720");
    }
}

/// <summary>axe-core on every page: no serious or critical violation.</summary>
public class Accessibility(BrowserApp app) : BrowserTest(app)
{
    private static async Task NoSeriousViolations(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, $"{what}: {string.Join("\n", serious)}");
    }

    private static readonly (int Width, int Height)[] Sizes = [(1920, 1080), (1366, 768), (1280, 720), (360, 740)];

    /// <summary>The page at every size, among the artifacts, to be looked at.</summary>
    private static async Task ScreenshotsAtEverySize(IPage page, string name)
    {
        foreach (var (width, height) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            await ScreenshotAsync(page, $"all-{name}-{width}x{height}");
        }
    }

    [Fact]
    public async Task Every_page_passes_axe_core_without_a_serious_or_critical_violation()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        foreach (var code in new[] { "BRA", "GHA", "MEX" }) await Api.Inscribe(meeting, code);
        await Api.FirstSpeakerSpeaks(meeting);

        var console = await OpenConsoleAsync(meeting, 1366, 768);
        await Expect(console.Locator("#floor-speaker")).ToHaveTextAsync("Brazil", new() { Timeout = PushTimeout });
        await NoSeriousViolations(console, "console");
        await ScreenshotsAtEverySize(console, "console");

        var portal = await OpenAsync("/delegation", 390, 844, signedInAs: TestRole.Delegation("GHA"));
        await Expect(portal.Locator("li.slot")).ToHaveCountAsync(1, new() { Timeout = PushTimeout });
        await NoSeriousViolations(portal, "portal");
        await ScreenshotsAtEverySize(portal, "portal");

        var display = await OpenDisplayAsync(meeting);
        await Expect(display.Locator("#current-delegation")).ToHaveTextAsync("Brazil", new() { Timeout = PushTimeout });
        await NoSeriousViolations(display, "display");
        await ScreenshotsAtEverySize(display, "display");

        var programme = await OpenAsync("/programme", 1440, 900);
        await Expect(programme.Locator($"[data-meeting-id='{meeting}']")).ToBeVisibleAsync(new() { Timeout = PushTimeout });
        await NoSeriousViolations(programme, "programme");
        await ScreenshotsAtEverySize(programme, "programme");

        var list = await OpenAsync($"/meetings/{meeting}", 390, 844);
        await Expect(list.Locator("#entries li")).ToHaveCountAsync(3, new() { Timeout = PushTimeout });
        await NoSeriousViolations(list, "public list");
        await ScreenshotsAtEverySize(list, "public-list");

        var signIn = await OpenAsync("/signin", 390, 844);
        await NoSeriousViolations(signIn, "sign-in");
        await ScreenshotsAtEverySize(signIn, "signin");
    }
}
