using System.Text.RegularExpressions;
using System.Net;
using System.Text;
using Microsoft.Playwright;
using SpeakersList.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests.Publishing;

public class Statement_upload(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_delegation_attaches_its_statement_from_the_portal_and_gets_a_calendar_address()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        await Api.Inscribe(meeting, "BRA");
        var ghana = await Api.Inscribe(meeting, "GHA");
        var portal = await OpenAsync("/delegation", 390, 844, signedInAs: TestRole.Delegation("GHA"));

        var panel = portal.Locator("#statement-panel");
        await Expect(panel).ToBeVisibleAsync(new() { Timeout = 15000 });
        await Expect(panel.Locator("#statement-slot option")).ToHaveCountAsync(1, new() { Timeout = 15000 });
        await Expect(panel.Locator("#statement-slot option")).ToContainTextAsync("First plenary meeting — speaker 2");

        // A bad file first: refused, with the reason shown.
        await panel.Locator("#statement-file").SetInputFilesAsync(new FilePayload { Name = "photo.pdf", MimeType = "application/pdf", Buffer = [0x89, 0x50, 0x4E, 0x47, 0, 1, 2] });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Attach statement" }).ClickAsync();
        await Expect(panel.Locator("#statement-message")).ToContainTextAsync("none of these", new() { Timeout = 15000 });

        var text = "Mr. President, Ghana welcomes this Dialogue.";
        await panel.Locator("#statement-file").SetInputFilesAsync(new FilePayload { Name = "ghana.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Attach statement" }).ClickAsync();
        await Expect(panel.Locator("#statement-message")).ToContainTextAsync("Statement attached (version 1, ghana.txt)", new() { Timeout = 15000 });
        Assert.Equal(text, await Api.Http.GetStringAsync($"/api/meetings/{meeting}/inscriptions/{ghana}/statement"));
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateAnonymousClient().GetAsync($"/api/meetings/{meeting}/inscriptions/{ghana}/statement")).StatusCode);

        await panel.GetByRole(AriaRole.Button, new() { Name = "Calendar address for your slots" }).ClickAsync();
        await Expect(panel.Locator("#calendar-url")).ToHaveValueAsync(new Regex("/calendar\\.ics$"), new() { Timeout = 15000 });
        // The calendar's sentence does not replace the statement's confirmation; the address has a copy button.
        await Expect(panel.Locator("#statement-message")).ToContainTextAsync("Statement attached (version 1, ghana.txt)");
        await Expect(panel.Locator("#calendar-message")).ToContainTextAsync("subscribe by URL");
        await Expect(panel.GetByRole(AriaRole.Button, new() { Name = "Copy" })).ToBeVisibleAsync();
        var url = await panel.Locator("#calendar-url").InputValueAsync();
        var calendar = (await App.CreateAnonymousClient().GetStringAsync(url)).Replace("\r\n ", ""); // unfolded (RFC 5545, 3.1)
        Assert.Contains($"UID:{ghana:N}-{meeting:N}@speakerslist", calendar);
        Assert.True(await portal.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
        await ScreenshotAsync(portal, "portal-390x844-statement", fullPage: true);
    }
}
