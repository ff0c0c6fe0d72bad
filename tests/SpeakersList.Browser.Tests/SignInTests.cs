using System.Net;
using Microsoft.Playwright;
using SpeakersList.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests;

public class Signing_in(BrowserApp app) : BrowserTest(app)
{
    /// <summary>
    /// The server's clock is the tests' fake clock (2013), so the session cookie it sets expires, for the browser,
    /// in the past. The browser keeps it for the session instead: only the expiry attribute is removed.
    /// </summary>
    private static Task KeepSessionCookies(IPage page) =>
        page.RouteAsync("**/api/auth/*/sign-in*", async route =>
        {
            var response = await route.FetchAsync();
            var headers = response.Headers.ToDictionary(h => h.Key, h => h.Key.Equals("set-cookie", StringComparison.OrdinalIgnoreCase)
                ? System.Text.RegularExpressions.Regex.Replace(h.Value, "(?i)\\s*expires=[^;]*;?", "")
                : h.Value);
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });

    [Fact]
    public async Task The_console_sends_an_officer_to_sign_in_first_and_back_to_the_meeting_after()
    {
        var meeting = await Api.ScheduleMeeting(title: "Second plenary meeting");
        var page = await OpenAsync($"/officer?meeting={meeting}", 1280, 800, KeepSessionCookies);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?returnUrl="));
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Conference officer" })).ToHaveAttributeAsync("aria-selected", "true");

        await page.GetByLabel("Name").FillAsync(SpeakersListApp.OfficerName);
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByLabel("Password").PressAsync("Enter");
        await Expect(page.Locator("#message")).ToHaveTextAsync("These credentials are not valid, or no longer valid.");

        await page.GetByLabel("Password").FillAsync(SpeakersListApp.OfficerPassword);
        await page.GetByLabel("Password").PressAsync("Enter");
        await Expect(page.Locator("#meeting-title")).ToHaveTextAsync("Second plenary meeting");
        await Expect(page.Locator("#who")).ToHaveTextAsync(SpeakersListApp.OfficerName);

        // A write from the page carries the antiforgery token of the cookie session.
        await page.Locator("#btn-close-list").ClickAsync();
        await Expect(page.Locator("#list-state")).ToHaveTextAsync("List closed");
    }

    [Fact]
    public async Task A_delegation_signs_in_with_its_access_code_on_a_phone()
    {
        var issued = await Api.Expect(await Api.Http.PostAsync("/api/delegations/GHA/access-codes", null), HttpStatusCode.Created);
        var page = await OpenAsync("/delegation", 390, 844, KeepSessionCookies);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await ScreenshotAsync(page, "signin-390x844");

        await page.GetByLabel("Access code").FillAsync(issued["secret"]!.GetValue<string>());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#delegation-name")).ToHaveTextAsync("Ghana");
        await Expect(page.Locator("#slots")).ToContainTextAsync("not inscribed");
    }

    [Fact]
    public async Task A_delegation_sent_to_sign_in_from_the_french_portal_signs_in_in_french()
    {
        var issued = await Api.Expect(await Api.Http.PostAsync("/api/delegations/SEN/access-codes", null), HttpStatusCode.Created);
        var page = await OpenAsync("/delegation?lang=fr", 390, 844, KeepSessionCookies);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Connexion" })).ToBeVisibleAsync();

        await page.GetByLabel("Code d'accès").FillAsync("AAAA-BBBB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.Locator("#message")).ToHaveTextAsync("Ces identifiants ne sont pas valides, ou ne le sont plus.");
        await ScreenshotAsync(page, "signin-fr-390x844");

        await page.GetByLabel("Code d'accès").FillAsync(issued["secret"]!.GetValue<string>());
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.Locator("#delegation-name")).ToHaveTextAsync("Sénégal");
    }
}
