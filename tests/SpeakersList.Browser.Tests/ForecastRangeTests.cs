using Microsoft.Playwright;
using SpeakersList.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests;

/// <summary>The learned forecast on the screens: the portal's range and "likely not reached", the console's range and accuracy.</summary>
public class Forecast_range(BrowserApp app) : BrowserTest(app)
{
    private static readonly DateTimeOffset Morning = Api.Day1 + TimeSpan.FromHours(9);

    [Fact]
    public async Task A_delegation_sees_when_it_is_expected_how_late_it_could_be_and_that_it_is_likely_not_reached()
    {
        var early = await Api.ScheduleMeeting(title: "First plenary meeting", start: "10:00", end: "13:00");
        var short_ = await Api.ScheduleMeeting(title: "Second plenary meeting", start: "15:00", end: "15:20");
        foreach (var code in new[] { "BRA", "GHA", "MEX", "NOR", "PER" })
        {
            await Api.Inscribe(early, code);
            await Api.Inscribe(short_, code);
        }
        await Api.Inscribe(early, "PHL");
        await Api.Inscribe(short_, "PHL");

        var portal = await OpenAsync("/delegation", 390, 844, signedInAs: TestRole.Delegation("PHL"));

        // Sixth on a three-hour meeting: expected at 10:27 (the limits, nothing heard yet), possibly later; an hour
        // from now by the service's clock (the browser's own is the real date, years later).
        var first = portal.Locator($"li.slot[data-meeting-id='{early}']");
        await Expect(first.Locator(".eta")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Expected Tue 24 Sept at 10:27 \(in 1 hr\), could be as late as 10:(2[89]|[345]\d)$"));
        await Expect(first.Locator(".warn")).ToHaveCountAsync(0);
        // Sixth on a twenty-minute meeting: expected at 15:27, after its end.
        var second = portal.Locator($"li.slot[data-meeting-id='{short_}']");
        await Expect(second.Locator(".warn")).ToContainTextAsync("Likely not reached today");
        await first.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(portal, "forecast-portal-390x844");
    }

    [Fact]
    public async Task The_console_shows_the_range_on_each_row_and_the_meeting_s_forecast_accuracy()
    {
        try
        {
            var meeting = await Api.ScheduleMeeting(title: "First plenary meeting", start: "10:00", end: "13:00");
            foreach (var code in new[] { "BRA", "GHA", "MEX", "NOR", "PER", "PHL", "KEN", "JPN" }) await Api.Inscribe(meeting, code);
            // Every minister speaks ten minutes against a limit of five.
            App.Clock.SetUtcNow(Api.Day1 + TimeSpan.Parse("10:00"));
            await Api.Floor(meeting, "open");
            foreach (var start in new[] { "10:00", "10:10:30", "10:21", "10:31:30" })
            {
                App.Clock.SetUtcNow(Api.Day1 + TimeSpan.Parse(start));
                await Api.Floor(meeting, "next");
                await Api.Floor(meeting, "start");
                App.Clock.Advance(TimeSpan.FromMinutes(10));
                await Api.Floor(meeting, "end");
            }

            var console = await OpenConsoleAsync(meeting, 1366, 768);

            var accuracy = console.Locator("#forecast-accuracy");
            await Expect(accuracy).ToContainTextAsync("Forecast accuracy (");
            await Expect(accuracy).ToContainTextAsync("limits added up:");
            await Expect(accuracy).ToContainTextAsync("started by the latest likely time");
            // The next waiting speakers: a median and a latest likely time each.
            await Expect(console.Locator("#list li.state-waiting .eta").Nth(1)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d\d:\d\d–\d\d:\d\d$"));
            await ScreenshotAsync(console, "forecast-console-1366x768");
        }
        finally
        {
            App.Clock.AdjustTime(Morning);
        }
    }
}
