using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests.Publishing;

public class Journal_page(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task The_journal_prints_the_lists_as_at_18_30_on_A4_without_the_screen_links()
    {
        // Inscribed at noon the day before; read the next morning.
        var morning = App.Clock.GetUtcNow();
        App.Clock.AdjustTime(morning.AddHours(-21));
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        foreach (var code in new[] { "GHA", "BRA", "DEU" }) await Api.Inscribe(meeting, code);
        App.Clock.AdjustTime(morning);
        var page = await OpenAsync("/journal/2013-09-24", 1024, 900);

        await Expect(page.Locator("#as-at")).ToHaveTextAsync("Lists of speakers as at 18:30, 23 September");
        var section = page.Locator($"section.meeting[data-meeting-id='{meeting}']");
        await Expect(section.Locator("h2")).ToContainTextAsync("10:00–13:00 First plenary meeting");
        await Expect(section.Locator("ol.speakers li")).ToHaveCountAsync(3);
        await Expect(section.GetByRole(AriaRole.Link, new() { Name = "Akoma Ntoso" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "journal-1024", fullPage: true);

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(section.GetByRole(AriaRole.Link, new() { Name = "Akoma Ntoso" })).ToBeHiddenAsync();
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = false });
        await File.WriteAllBytesAsync(Path.Combine(BrowserApp.Artifacts, "journal.pdf"), pdf);
        // A4 is 595 x 842 points: the page size the stylesheet asks for (Chromium rounds to whole pixels).
        var box = System.Text.RegularExpressions.Regex.Match(System.Text.Encoding.ASCII.GetString(pdf), @"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]");
        Assert.True(box.Success, "the PDF has no page box");
        var (width, height) = (double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(width, 593, 597);
        Assert.InRange(height, 840, 844);
    }
}
