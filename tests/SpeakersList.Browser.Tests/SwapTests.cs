using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SpeakersList.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests;

public class Swapping_places(BrowserApp app) : BrowserTest(app)
{
    private Task<IPage> OpenPortalAsync(string code) =>
        OpenAsync("/delegation", 390, 844, signedInAs: TestRole.Delegation(code));

    [Fact]
    public async Task A_swap_proposed_and_accepted_in_the_portals_and_approved_in_the_console_exchanges_the_two_places()
    {
        var meeting = await Api.ScheduleMeeting(title: "Third plenary meeting");
        var bra = await Api.Inscribe(meeting, "BRA");
        await Api.Inscribe(meeting, "GHA");
        var mex = await Api.Inscribe(meeting, "MEX");

        // Mexico, third, proposes to Brazil, first, from its phone.
        var mexico = await OpenPortalAsync("MEX");
        var slot = mexico.Locator($"li.slot[data-inscription-id='{mex}']");
        await slot.GetByLabel("Swap places with").SelectOptionAsync(bra.ToString());
        await slot.GetByRole(AriaRole.Button, new() { Name = "Propose" }).ClickAsync();
        // Said beside the button pressed, on the slot's card.
        await Expect(slot.Locator(".card-message")).ToContainTextAsync("Swap proposed to");
        var proposed = mexico.Locator("#swaps-by li.swap");
        await Expect(proposed).ToContainTextAsync("Waiting for their answer");
        await Expect(proposed).ToContainTextAsync("Your place #3");
        Assert.True(await mexico.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
        await ScreenshotAsync(mexico, "portal-390x844-swap-proposed", fullPage: true);

        // Brazil sees it in its own portal and accepts.
        var brazil = await OpenPortalAsync("BRA");
        var offered = brazil.Locator("#swaps-to li.swap");
        await Expect(offered).ToContainTextAsync("offers its place #3 for yours #1");
        Assert.True(await brazil.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));
        await ScreenshotAsync(brazil, "portal-390x844-swap-offered", fullPage: true);
        await offered.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Expect(offered).ToContainTextAsync("Accepted, waiting for the officers");
        await Expect(proposed).ToContainTextAsync("Accepted, waiting for the officers"); // live in Mexico's portal too

        // The officer approves by keyboard; the console's list shows the two places exchanged.
        var console = await OpenConsoleAsync(meeting);
        var row = console.Locator("#swaps li.swap");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Accepted");
        var approve = row.GetByRole(AriaRole.Button, new() { Name = "Approve" });
        await Expect(approve).ToBeEnabledAsync();
        await approve.FocusAsync();
        await ScreenshotAsync(console, "console-swaps-panel-accepted");
        await console.Locator(".swaps-panel").ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, "console-swaps-panel.png") });
        await console.Keyboard.PressAsync("Enter");

        await Expect(console.Locator("#swaps-message")).ToContainTextAsync("Swap approved");
        await Expect(row).ToHaveCountAsync(0);
        await Expect(console.Locator("#swaps")).ToContainTextAsync("No open swaps.");
        await Expect(console.Locator("#list li.entry").First).ToHaveAttributeAsync("data-participant", "MEX");
        await Expect(console.Locator("#list li.entry").Nth(2)).ToHaveAttributeAsync("data-participant", "BRA");
        Assert.Equal(["MEX", "GHA", "BRA"], await Api.SpeakingOrder(meeting));
        await Expect(mexico.Locator($"li.slot[data-inscription-id='{mex}'] .number")).ToHaveTextAsync("#1");
        await Expect(proposed).ToContainTextAsync("Approved: places exchanged");
        await ScreenshotAsync(mexico, "portal-390x844-swap-approved", fullPage: true);
    }

    [Fact]
    public async Task Approve_waits_for_the_other_delegation_and_the_panel_follows_the_pushes()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        var bra = await Api.Inscribe(meeting, "BRA");
        var gha = await Api.Inscribe(meeting, "GHA");
        var console = await OpenConsoleAsync(meeting);
        await Expect(console.Locator("#swaps")).ToContainTextAsync("No open swaps.");

        var ghana = await OpenPortalAsync("GHA");
        var slot = ghana.Locator($"li.slot[data-inscription-id='{gha}']");
        await slot.GetByLabel("Swap places with").SelectOptionAsync(bra.ToString());
        await slot.GetByRole(AriaRole.Button, new() { Name = "Propose" }).ClickAsync();

        var row = console.Locator("#swaps li.swap");
        await Expect(row).ToHaveCountAsync(1, WithinAPush);
        await Expect(row).ToContainTextAsync("Awaiting BRA");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToBeDisabledAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Reject" })).ToBeEnabledAsync();
        await ScreenshotAsync(console, "console-swaps-panel-proposed");

        var brazil = await OpenPortalAsync("BRA");
        await brazil.Locator("#swaps-to li.swap").GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(ghana.Locator("#swaps-by li.swap")).ToContainTextAsync("Declined");
        Assert.Equal(["BRA", "GHA"], await Api.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task An_officer_rejects_a_swap_and_the_proposing_delegation_sees_it_rejected()
    {
        var meeting = await Api.ScheduleMeeting(title: "Second plenary meeting");
        var bra = await Api.Inscribe(meeting, "BRA");
        var gha = await Api.Inscribe(meeting, "GHA");
        var ghana = await OpenPortalAsync("GHA");
        var slot = ghana.Locator($"li.slot[data-inscription-id='{gha}']");
        await slot.GetByLabel("Swap places with").SelectOptionAsync(bra.ToString());
        await slot.GetByRole(AriaRole.Button, new() { Name = "Propose" }).ClickAsync();
        await Expect(ghana.Locator("#swaps-by li.swap")).ToContainTextAsync("Waiting for their answer");

        var console = await OpenConsoleAsync(meeting);
        var row = console.Locator("#swaps li.swap");
        await row.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync(); // the reason is asked for; the default is kept

        await Expect(console.Locator("#swaps-message")).ToContainTextAsync("rejected");
        await Expect(row).ToHaveCountAsync(0);
        await Expect(ghana.Locator("#swaps-by li.swap")).ToContainTextAsync("Rejected by the officers");
        Assert.Equal(["BRA", "GHA"], await Api.SpeakingOrder(meeting));
    }
}
