using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SpeakersList.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests;

/// <summary>Issue 21: the pages as new users tried them, at the sizes and in the languages they used.</summary>
public class The_pages_as_users_found_them(BrowserApp app) : BrowserTest(app)
{
    private async Task<Guid> MeetingWithGhanaFifth()
    {
        var meeting = await Api.ScheduleMeeting(title: "Third plenary meeting");
        foreach (var code in new[] { "BRA", "CHN", "FRA", "MEX", "GHA", "NOR" }) await Api.Inscribe(meeting, code);
        return meeting;
    }

    [Fact]
    public async Task The_portal_in_Arabic_on_a_phone_shows_its_first_card_with_no_sideways_scroll()
    {
        await MeetingWithGhanaFifth();
        var portal = await OpenAsync("/delegation?lang=ar", 390, 844, signedInAs: TestRole.Delegation("GHA"));
        await Expect(portal.Locator("li.slot")).ToHaveCountAsync(1, new() { Timeout = PushTimeout });
        await Expect(portal.Locator("html")).ToHaveAttributeAsync("dir", "rtl");

        Assert.True(await portal.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"),
            $"the page is {await portal.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px wide");
        await Expect(portal.Locator("#next-card")).ToBeInViewportAsync();
        await Expect(portal.Locator("#next-card .next-position")).ToContainTextAsync("متكلمين قبلك");
        await ScreenshotAsync(portal, "pages-portal-ar-390x844");

        // The skip link still works from the keyboard, inside the page.
        await portal.Keyboard.PressAsync("Tab");
        await Expect(portal.Locator(".skip-link")).ToBeFocusedAsync();
        await Expect(portal.Locator(".skip-link")).ToBeInViewportAsync();
        Assert.True(await portal.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
    }

    /// <summary>Words of the portal a delegation reading French or Chinese must not meet in English.</summary>
    private static readonly string[] PortalEnglish =
    [
        "Your next slot", "Expected", "speakers before you", "Swap places with", "Inscribe a speaker", "Level of representation",
        "Sign out", "live", "Your speaking slots", "Swaps of places", "Proposed to you", "Request a right of reply",
        "Statement and calendar", "Withdraw", "Propose", "Find a delegation", "Speaker's name", "Mexico", "Norway", "Head of State",
        "Vice-Minister", "No delegation has proposed", "Copy",
    ];

    [Theory]
    [InlineData("fr", "orateurs avant vous", "Mexique")]
    [InlineData("zh", "位发言者", "墨西哥")]
    public async Task The_portal_under_lang_speaks_only_that_language(string lang, string before, string mexico)
    {
        await MeetingWithGhanaFifth();
        var portal = await OpenAsync($"/delegation?lang={lang}", 390, 844, signedInAs: TestRole.Delegation("GHA"));
        await Expect(portal.Locator("li.slot .ahead")).ToContainTextAsync(before, new() { Timeout = PushTimeout });
        await Expect(portal.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        // Other delegations' names in the swap list are in the reader's language too.
        await Expect(portal.Locator("li.slot select[name='with']")).ToContainTextAsync(mexico);

        var shown = await portal.EvaluateAsync<string>("() => document.body.innerText + ' ' + [...document.querySelectorAll('[placeholder]')].map(e => e.placeholder).join(' ') + ' ' + [...document.querySelectorAll('option')].map(o => o.textContent).join(' ')");
        // Whole words: "Propose" is not in "Proposés".
        var english = PortalEnglish.Where(word => Regex.IsMatch(shown, $@"\b{Regex.Escape(word)}\b")).ToList();
        Assert.True(english.Count == 0, $"Still in English under ?lang={lang}: {string.Join(", ", english)}");
        await ScreenshotAsync(portal, $"pages-portal-{lang}-390x844", fullPage: true);
    }

    [Fact]
    public async Task A_meeting_in_Zurich_reads_10_00_in_a_browser_set_to_New_York_with_its_zone_named()
    {
        var meeting = Guid.NewGuid();
        var scheduled = await Api.Http.PostAsJsonAsync("/api/meetings", new
        {
            commandId = meeting, kind = "plenary", title = "Geneva dialogue", room = "Room XX",
            start = new DateTimeOffset(2013, 9, 24, 10, 0, 0, TimeSpan.FromHours(2)), end = new DateTimeOffset(2013, 9, 24, 13, 0, 0, TimeSpan.FromHours(2)),
            timeZone = "Europe/Zurich", agendaItem = "Migration",
        });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        await Api.Inscribe(meeting, "GHA");

        var portal = await OpenAsync($"/delegation?meeting={meeting}", 390, 844, signedInAs: TestRole.Delegation("GHA"), timezoneId: "America/New_York");
        var slot = portal.Locator($"li.slot[data-meeting-id='{meeting}']");
        await Expect(slot.Locator(".when")).ToContainTextAsync("10:00", new() { Timeout = PushTimeout });
        // The venue's zone is named, since the reader's clock (New York, 04:00) reads otherwise.
        await Expect(slot.Locator(".when")).ToContainTextAsync("CEST");
        await Expect(slot.Locator(".when")).Not.ToContainTextAsync("04:00");
        await Expect(slot.Locator(".eta")).ToContainTextAsync("10:00 CEST");
        await ScreenshotAsync(portal, "pages-portal-zurich-in-new-york-390x844");

        // A reader in Zurich sees the same time without the zone named.
        var local = await OpenAsync($"/delegation?meeting={meeting}", 390, 844, signedInAs: TestRole.Delegation("GHA"), timezoneId: "Europe/Zurich");
        await Expect(local.Locator($"li.slot[data-meeting-id='{meeting}'] .when")).ToContainTextAsync("10:00", new() { Timeout = PushTimeout });
        await Expect(local.Locator($"li.slot[data-meeting-id='{meeting}'] .when")).Not.ToContainTextAsync("CEST");
    }

    private const string LongName = "H.E. Mr. Alexander Maximilian Fitzgerald-Worthington";
    private const string LongTitle = "Minister for Foreign Affairs and International Cooperation";

    private async Task<Guid> MeetingWithLongSpeakers()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting of the high-level dialogue on financing for development, with a long title");
        foreach (var code in new[] { "GBR", "VEN", "COD", "FSM", "MKD", "LAO" })
        {
            var response = await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/inscriptions", new
            {
                commandId = Guid.NewGuid(), participant = code, level = "minister", speakerName = LongName, speakerTitle = LongTitle,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        await Api.FirstSpeakerSpeaks(meeting);
        return meeting;
    }

    /// <summary>Every text that must be whole, and what of it lies outside its box (nothing, when whole).</summary>
    private static Task<string[]> CutOnTheDisplay(IPage page) => page.EvaluateAsync<string[]>(@"() => {
        const out = [];
        const inside = (el, box) => { const r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
          return r.left >= b.left - 1 && r.right <= b.right + 1 && r.top >= b.top - 1 && r.bottom <= b.bottom + 1; };
        for (const el of document.querySelectorAll('#current-delegation, #current-speaker-line'))
          if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) out.push(`${el.id}: ${el.textContent} (${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight})`);
        for (const el of document.querySelectorAll('#next-speakers .name, #next-speakers .person'))
          if (!inside(el, el.closest('.who')) || !inside(el, el.closest('li'))) out.push(`next: ${el.textContent} ${JSON.stringify(el.getBoundingClientRect())} in ${JSON.stringify(el.closest('.who').getBoundingClientRect())} / ${JSON.stringify(el.closest('li').getBoundingClientRect())}`);
        for (const el of document.querySelectorAll('#next-speakers .name'))
          if (parseFloat(getComputedStyle(el).fontSize) < window.innerHeight * 0.022) out.push(`tiny: ${el.textContent} at ${getComputedStyle(el).fontSize}`);
        const now = document.querySelector('.now');
        if (!inside(document.querySelector('#countdown'), now)) out.push('the countdown spills out of its panel');
        const title = document.querySelector('#meeting-title');
        if (title.scrollHeight > title.clientHeight + 1) out.push(`the meeting title is clipped: ${title.scrollHeight} in ${title.clientHeight} at ${getComputedStyle(title).fontSize}`);
        return out; }");

    [Theory]
    [InlineData("en", 1920, 1080)]
    [InlineData("en", 1280, 720)]
    [InlineData("ar", 1920, 1080)]
    [InlineData("ar", 1280, 720)]
    public async Task The_long_speaker_is_whole_on_the_display(string lang, int width, int height)
    {
        var meeting = await MeetingWithLongSpeakers();
        var page = await OpenAsync($"/display/meeting/{meeting}?lang={lang}", width, height);
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = PushTimeout });
        await Expect(page.Locator("#current-speaker-line")).ToHaveTextAsync($"{LongName}, {LongTitle}", new() { Timeout = PushTimeout });
        await Expect(page.Locator("#next-speakers li[data-participant]")).ToHaveCountAsync(5);
        await Expect(page.Locator("#next-speakers .person").First).ToHaveTextAsync(LongName);

        var cut = await CutOnTheDisplay(page);
        await ScreenshotAsync(page, $"pages-display-long-speaker-{lang}-{width}x{height}");
        Assert.True(cut.Length == 0, string.Join("\n", cut));
    }

    [Fact]
    public async Task A_room_with_no_speaker_shows_what_comes_next_in_it()
    {
        await Api.ScheduleMeeting(title: "Round table 3", kind: "roundTable", room: "Conference Room 4", start: "10:00", end: "13:00",
            day: DateTimeOffset.UtcNow.Date.AddDays(2));
        await Api.ScheduleMeeting(title: "Round table 4", kind: "roundTable", room: "Conference Room 4", start: "15:00", end: "18:00",
            day: DateTimeOffset.UtcNow.Date.AddDays(2));
        var page = await OpenAsync("/display/room/Conference%20Room%204", 1280, 720);
        await Expect(page.Locator("#meeting-title")).ToHaveTextAsync("Round table 3", new() { Timeout = PushTimeout });
        // Nobody inscribed and nothing to time: the next meeting in the room, not an empty clock and five empty lines.
        await Expect(page.Locator("#next-heading")).ToHaveTextAsync("Next in this room");
        await Expect(page.Locator("#next-speakers li.coming")).ToContainTextAsync("Round table 4");
        await Expect(page.Locator("#countdown")).ToBeHiddenAsync();
        await ScreenshotAsync(page, "pages-display-room-coming-up-1280x720");
    }

    [Fact]
    public async Task The_console_keeps_each_meetings_messages_with_it_stacked_newest_first()
    {
        var first = await Api.ScheduleMeeting(title: "First plenary meeting");
        var second = await Api.ScheduleMeeting(title: "Second plenary meeting", start: "15:00", end: "18:00");
        foreach (var code in new[] { "BRA", "GHA", "MEX", "NOR", "PER", "PHL", "ARG", "KEN" }) { await Api.Inscribe(first, code); await Api.Inscribe(second, code); }
        var console = await OpenConsoleAsync(first, 1366, 768);

        await console.GetByRole(AriaRole.Button, new() { Name = "Close list" }).ClickAsync();
        await Expect(console.Locator("#list-message")).ToHaveTextAsync("The list of speakers is closed (rule 73).", new() { Timeout = PushTimeout });

        // Another meeting: its own messages, not the first's.
        await console.Locator("#meeting-picker").SelectOptionAsync(second.ToString());
        await Expect(console.Locator("#meeting-title")).ToHaveTextAsync("Second plenary meeting", new() { Timeout = PushTimeout });
        await Expect(console.Locator("#list-message")).Not.ToContainTextAsync("closed");
        await console.GetByRole(AriaRole.Button, new() { Name = "Close list" }).ClickAsync();
        await Expect(console.Locator("#list-message .note")).ToHaveCountAsync(1, new() { Timeout = PushTimeout });
        await console.GetByRole(AriaRole.Button, new() { Name = "Reopen list" }).ClickAsync();
        // Both are seen, the newest first.
        await Expect(console.Locator("#list-message .note")).ToHaveCountAsync(2, new() { Timeout = PushTimeout });
        await Expect(console.Locator("#list-message .note").First).ToContainTextAsync("open again");
        await ScreenshotAsync(console, "pages-console-messages-1366x768");

        // Back to the first meeting: its message is there again, and can be dismissed.
        await console.Locator("#meeting-picker").SelectOptionAsync(first.ToString());
        await Expect(console.Locator("#meeting-title")).ToHaveTextAsync("First plenary meeting", new() { Timeout = PushTimeout });
        await Expect(console.Locator("#list-message .note")).ToHaveCountAsync(1);
        await Expect(console.Locator("#list-message")).ToContainTextAsync("closed (rule 73)");
        await console.GetByRole(AriaRole.Button, new() { Name = "Dismiss this message" }).ClickAsync();
        await Expect(console.Locator("#list-message .note")).ToHaveCountAsync(0);

        // A search that finds nobody says so; the whole name is in the row's tooltip.
        await console.Locator("#list-search").FillAsync("zzz");
        await Expect(console.Locator("#list li.no-match")).ToContainTextAsync("No delegation on the list matches \"zzz\"");
        await console.Locator("#list-search").FillAsync("");
        await Expect(console.Locator("#list li.entry[data-participant='GHA'] .who")).ToHaveAttributeAsync("title", new Regex("^Ghana\n"));
        // Eight rows in view at 1366x768.
        var inView = await console.EvaluateAsync<int>("() => [...document.querySelectorAll('#list li.entry')].filter(li => li.getBoundingClientRect().bottom <= document.querySelector('#list').getBoundingClientRect().bottom + 1).length");
        await ScreenshotAsync(console, "pages-console-list-1366x768");
        Assert.True(inView >= 8, $"{inView} rows in view");
    }

    [Fact]
    public async Task The_public_list_and_the_programme_speak_French_and_list_a_meeting_made_outside_the_programme()
    {
        await Api.ImportSeedProgramme();
        var outside = await Api.ScheduleMeeting(title: "Informal briefing", room: "Conference Room 11", day: Api.Day1.AddDays(1));
        foreach (var code in new[] { "BRA", "MEX" }) await Api.Inscribe(outside, code);

        var list = await OpenAsync($"/meetings/{outside}?lang=fr", 390, 844);
        await Expect(list.Locator("#entries li[data-participant='MEX']")).ToContainTextAsync("Mexique", new() { Timeout = PushTimeout });
        await Expect(list.Locator("#list-state")).ToHaveTextAsync("Liste ouverte");
        var shown = await list.EvaluateAsync<string>("() => document.body.innerText");
        foreach (var english in new[] { "List open", "Now speaking", "Speakers", "Mexico", "Delegation portal", "Hall display", "Scheduled" })
            Assert.False(Regex.IsMatch(shown, $@"\b{Regex.Escape(english)}\b"), $"The public list shows \"{english}\" under ?lang=fr");
        await ScreenshotAsync(list, "pages-public-list-fr-390x844");

        // The programme lists the meeting made outside it; so do the console's chooser and the portal's inscription form.
        var programme = await OpenAsync("/programme?lang=fr", 1440, 900);
        await Expect(programme.Locator($"[data-meeting-id='{outside}']")).ToContainTextAsync("Informal briefing", new() { Timeout = PushTimeout });
        await Expect(programme.Locator($"[data-meeting-id='{outside}']")).ToContainTextAsync("Liste des orateurs");
        await ScreenshotAsync(programme, "pages-programme-fr-1440x900");
        var console = await OpenAsync("/officer", 1366, 768, signedInAs: TestRole.Officer);
        await Expect(console.Locator($"#meeting-picker option[value='{outside}']")).ToHaveCountAsync(1, new() { Timeout = PushTimeout });
        var portal = await OpenAsync("/delegation", 390, 844, signedInAs: TestRole.Delegation("GHA"));
        await Expect(portal.Locator($"#inscribe-meeting option[value='{outside}']")).ToHaveCountAsync(1, new() { Timeout = PushTimeout });
    }

    private static async Task NoSeriousViolations(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}").ToList();
        Assert.True(serious.Count == 0, $"{what}: {string.Join("\n", serious)}");
    }

    [Fact]
    public async Task Every_page_in_Arabic_passes_axe_core_without_a_serious_or_critical_violation()
    {
        var meeting = await MeetingWithGhanaFifth();
        await Api.FirstSpeakerSpeaks(meeting);

        var portal = await OpenAsync("/delegation?lang=ar", 390, 844, signedInAs: TestRole.Delegation("GHA"));
        await Expect(portal.Locator("li.slot")).ToHaveCountAsync(1, new() { Timeout = PushTimeout });
        await NoSeriousViolations(portal, "portal in Arabic");
        await portal.SetViewportSizeAsync(1366, 768);
        Assert.True(await portal.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 1366"));
        await ScreenshotAsync(portal, "pages-portal-ar-1366x768");

        var display = await OpenAsync($"/display/meeting/{meeting}?lang=ar");
        await Expect(display.Locator("#current-delegation")).ToHaveTextAsync("البرازيل", new() { Timeout = PushTimeout });
        await NoSeriousViolations(display, "display in Arabic");

        var programme = await OpenAsync("/programme?lang=ar", 1440, 900);
        await Expect(programme.Locator($"[data-meeting-id='{meeting}']")).ToBeVisibleAsync(new() { Timeout = PushTimeout });
        await NoSeriousViolations(programme, "programme in Arabic");
        Assert.True(await programme.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 1440"));
        await ScreenshotAsync(programme, "pages-programme-ar-1440x900");
        await programme.SetViewportSizeAsync(390, 844);
        Assert.True(await programme.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
        await ScreenshotAsync(programme, "pages-programme-ar-390x844");

        var list = await OpenAsync($"/meetings/{meeting}?lang=ar", 390, 844);
        await Expect(list.Locator("#entries li")).ToHaveCountAsync(6, new() { Timeout = PushTimeout });
        await NoSeriousViolations(list, "public list in Arabic");
        Assert.True(await list.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
        await ScreenshotAsync(list, "pages-public-list-ar-390x844");

        var console = await OpenAsync($"/officer?meeting={meeting}&lang=ar", 1366, 768, signedInAs: TestRole.Officer, locale: "ar");
        await Expect(console.Locator("#floor-speaker")).ToHaveTextAsync("Brazil", new() { Timeout = PushTimeout });
        await NoSeriousViolations(console, "console in an Arabic browser (the console stays in English)");

        var signin = await OpenAsync("/signin?lang=ar", 390, 844, locale: "ar");
        await NoSeriousViolations(signin, "sign-in in an Arabic browser");
        Assert.True(await signin.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
    }
}
