using Microsoft.Playwright;
using SpeakersList.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests;

public class Programme_page(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_programme_shows_days_by_rooms_with_each_meeting_s_live_status_and_links()
    {
        var day2 = Api.Day1.AddDays(1);
        var first = await Api.ScheduleMeeting(title: "1st plenary meeting", start: "10:00", end: "13:00");
        await Api.ScheduleMeeting(title: "2nd plenary meeting", start: "15:00", end: "18:00");
        await Api.ScheduleMeeting(title: "Round table 1: Assessing the effects of international migration on sustainable development",
            kind: "roundTable", room: "Conference Room 2", start: "10:00", end: "13:00");
        await Api.ScheduleMeeting(title: "3rd plenary meeting", start: "10:00", end: "13:00", day: day2);
        await Api.ScheduleMeeting(title: "Round table 3: Strengthening partnerships and cooperation on international migration",
            kind: "roundTable", room: "Conference Room 2", start: "15:00", end: "18:00", day: day2);

        var page = await OpenAsync("/programme", 1440, 900);
        await Expect(page.Locator("table.grid thead th")).ToHaveTextAsync(new[] {
            new System.Text.RegularExpressions.Regex("^Day"), new("^General Assembly Hall"), new("^Conference Room 2") });
        await Expect(page.Locator("table.grid tbody tr")).ToHaveCountAsync(2);
        var card = page.Locator($"[data-meeting-id='{first}']");
        await Expect(card.Locator(".chip")).ToHaveTextAsync("Scheduled");

        await Api.Floor(first, "open");
        await Expect(card.Locator(".chip")).ToHaveTextAsync("In progress", new() { Timeout = PushTimeout });
        await ScreenshotAsync(page, "programme-1440x900");

        await card.GetByRole(AriaRole.Link, new() { Name = "Display of 1st plenary meeting" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/display/meeting/{first}$"));
        await Expect(page.Locator("#meeting-title")).ToHaveTextAsync("1st plenary meeting");
    }

    [Fact]
    public async Task The_console_picks_a_meeting_from_the_programme()
    {
        await Api.ScheduleMeeting(title: "1st plenary meeting");
        var second = await Api.ScheduleMeeting(title: "2nd plenary meeting", start: "15:00", end: "18:00");
        var page = await OpenAsync("/officer", 1440, 900, signedInAs: TestRole.Officer);
        await page.Locator("#meeting-picker").SelectOptionAsync(second.ToString());
        await Expect(page.Locator("#meeting-title")).ToHaveTextAsync("2nd plenary meeting");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"meeting={second}"));
    }
}
