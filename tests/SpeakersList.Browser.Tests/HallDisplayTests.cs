using Microsoft.Playwright;

namespace SpeakersList.Browser.Tests;

public class Hall_display(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_display_shows_a_new_inscription_without_reloading()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        var page = await OpenAsync($"/display/meeting/{meeting}");
        await Assertions.Expect(page.Locator("#meeting-title")).ToHaveTextAsync("First plenary meeting");
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live");

        await Api.Inscribe(meeting, "GHA", "minister");
        await Api.Inscribe(meeting, "FRA", "headOfState");

        var rows = page.Locator("#next-speakers li[data-participant]");
        await Assertions.Expect(rows).ToHaveCountAsync(2, new() { Timeout = 5000 });
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("France");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Ghana");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "display-1920x1080.png") });
    }
}
