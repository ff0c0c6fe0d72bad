using System.Net.Http.Json;
using Microsoft.Playwright;
using SpeakersList.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests;

public class Delegation_portal(BrowserApp app) : BrowserTest(app)
{
    private Task<IPage> OpenPortalAsync(string code) =>
        OpenAsync("/delegation", 390, 844, signedInAs: TestRole.Delegation(code));

    [Fact]
    public async Task A_delegation_sees_its_position_change_when_an_officer_moves_a_speaker_ahead_of_it()
    {
        var meeting = await Api.ScheduleMeeting(title: "Third plenary meeting");
        var ids = new Dictionary<string, Guid>();
        foreach (var code in new[] { "BRA", "GHA", "MEX", "NOR", "PER", "PHL" }) ids[code] = await Api.Inscribe(meeting, code);
        var portal = await OpenPortalAsync("PHL");
        var slot = portal.Locator($"li.slot[data-meeting-id='{meeting}']");
        await Expect(slot.Locator(".ahead")).ToHaveTextAsync("5 speakers before you");
        await Expect(slot.Locator(".eta")).ToContainTextAsync("Expected Tue 24 Sept at 10:27");

        await Api.Move(meeting, ids["PHL"], after: ids["BRA"], "Exchange of places agreed by the delegations");

        await Expect(slot.Locator(".ahead")).ToHaveTextAsync("1 speaker before you", new() { Timeout = PushTimeout });
        await Expect(slot.Locator(".number")).ToHaveTextAsync("#2");
        await ScreenshotAsync(portal, "portal-390x844");
    }

    [Fact]
    public async Task A_delegation_inscribes_and_withdraws_on_a_phone()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        await Api.Inscribe(meeting, "BRA");
        var portal = await OpenPortalAsync("GHA");
        await Expect(portal.Locator("#slots")).ToContainTextAsync("not inscribed");

        await portal.Locator("#inscribe-level").SelectOptionAsync("headOfState");
        await portal.Locator("#inscribe-form").GetByLabel("Speaker's title").FillAsync("President of the Republic");
        await portal.Locator("#inscribe-form").GetByLabel("Speaker's name").FillAsync("John Dramani Mahama");
        await portal.GetByRole(AriaRole.Button, new() { Name = "Inscribe" }).ClickAsync();

        var slot = portal.Locator("li.slot");
        await Expect(slot.Locator(".ahead")).ToHaveTextAsync("First on the list");
        await Expect(portal.Locator("#inscribe-message")).ToContainTextAsync("Inscribed on First plenary meeting at position 1");
        Assert.Equal(["GHA", "BRA"], await Api.SpeakingOrder(meeting));
        await ScreenshotAsync(portal, "portal-390x844-inscribed", fullPage: true);

        // Nothing wider than the phone: no sideways scrolling.
        Assert.True(await portal.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"));

        await slot.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();
        await Expect(portal.Locator("li.slot")).ToHaveCountAsync(0);
        Assert.Equal(["BRA"], await Api.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task A_refusal_is_said_in_the_portals_language()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        // The list opens in five minutes: an inscription sent now is refused.
        (await Api.Http.PutAsJsonAsync($"/api/meetings/{meeting}/speakers-list/opening",
            new { commandId = Guid.NewGuid(), opensAt = App.Clock.GetUtcNow().AddMinutes(5), windowSeconds = 60 })).EnsureSuccessStatusCode();
        var portal = await OpenAsync("/delegation?lang=fr", 390, 844, signedInAs: TestRole.Delegation("GHA"));
        await Expect(portal.Locator("html")).ToHaveAttributeAsync("lang", "fr");

        await portal.Locator("#inscribe-level").SelectOptionAsync("minister");
        await portal.Locator("#inscribe-form input[name=speakerTitle]").FillAsync("Ministre des affaires étrangères");
        await portal.Locator("#inscribe-form input[name=speakerName]").FillAsync("Samuel Okudzeto Ablakwa");
        await portal.Locator("#inscribe-form button[type=submit]").ClickAsync();

        await Expect(portal.Locator("#inscribe-message")).ToContainTextAsync("La liste des orateurs n'est pas encore ouverte");
        await Expect(portal.Locator("#inscribe-message")).Not.ToContainTextAsync("The list of speakers");
        await ScreenshotAsync(portal, "portal-fr-refusal");
    }

    [Fact]
    public async Task A_delegation_requests_a_right_of_reply_from_its_phone()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        await Api.Inscribe(meeting, "BRA");
        var portal = await OpenPortalAsync("GHA");
        var form = portal.Locator("#reply-form");
        await Expect(form.Locator("#reply-meeting option")).ToHaveCountAsync(1);

        await form.GetByLabel("Speaker's title").FillAsync("Permanent Representative");
        await form.GetByLabel("Speaker's name").FillAsync("Ken Kanda");
        await form.GetByRole(AriaRole.Button, new() { Name = "Request a right of reply" }).ClickAsync();

        await Expect(portal.Locator("#reply-message")).ToHaveTextAsync("Right of reply (first, up to 10 minutes) at the end of First plenary meeting.");
        await Expect(portal.Locator("li.slot")).ToContainTextAsync("Right of reply");
        await ScreenshotAsync(portal, "portal-390x844-reply", fullPage: true);
    }
}
