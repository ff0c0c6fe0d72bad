using System.Text.Json;
using Microsoft.Playwright;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Browser.Tests.Access;

/// <summary>What a page does: sign in with a cookie, fetch the antiforgery token, then write.</summary>
public class Signed_in_browser(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_delegation_page_writes_with_its_cookie_and_the_antiforgery_token_only()
    {
        var meeting = await Api.ScheduleMeeting();
        var issued = await Api.Expect(await Api.Http.PostAsync("/api/delegations/GHA/access-codes", null), System.Net.HttpStatusCode.Created);
        var page = await OpenAsync($"/display/meeting/{meeting}");

        var statuses = await page.EvaluateAsync<JsonElement>("""
            async ([meeting, code]) => {
              const json = { 'content-type': 'application/json' };
              const signIn = await fetch('/api/auth/delegation/sign-in?useCookies=true', { method: 'POST', headers: json, body: JSON.stringify({ code }) });
              const me = await (await fetch('/api/auth/me')).json();
              const body = participant => JSON.stringify({ commandId: crypto.randomUUID(), participant, level: 'minister', speakerName: 'S', speakerTitle: 'T' });
              const without = await fetch(`/api/meetings/${meeting}/inscriptions`, { method: 'POST', headers: json, body: body('GHA') });
              const { token, headerName } = await (await fetch('/api/auth/antiforgery')).json();
              const headers = { ...json, [headerName]: token };
              const other = await fetch(`/api/meetings/${meeting}/inscriptions`, { method: 'POST', headers, body: body('FRA') });
              const own = await fetch(`/api/meetings/${meeting}/inscriptions`, { method: 'POST', headers, body: body('GHA') });
              await fetch('/api/auth/sign-out', { method: 'POST' });
              const after = await (await fetch('/api/auth/me')).json();
              return { signIn: signIn.status, delegation: me.delegation, without: without.status, other: other.status, own: own.status, after: after.authenticated };
            }
            """, new object[] { meeting.ToString(), issued["secret"]!.GetValue<string>() });

        Assert.Equal(200, statuses.GetProperty("signIn").GetInt32());
        Assert.Equal("GHA", statuses.GetProperty("delegation").GetString());
        Assert.Equal(403, statuses.GetProperty("without").GetInt32());
        Assert.Equal(403, statuses.GetProperty("other").GetInt32());
        Assert.Equal(201, statuses.GetProperty("own").GetInt32());
        Assert.False(statuses.GetProperty("after").GetBoolean());
        Assert.Equal(["GHA"], await Api.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task A_display_signed_in_by_cookie_shows_the_list_live()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting");
        var (name, value) = await App.SessionCookieAsync(TestRole.Display("General Assembly Hall"));
        var context = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString() });
        await context.AddCookiesAsync([new Cookie { Name = name, Value = value, Url = App.BaseAddress.ToString() }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/display/meeting/{meeting}");
        await Assertions.Expect(page.Locator("#connection")).ToHaveTextAsync("live");

        var me = await page.EvaluateAsync<JsonElement>("async () => (await fetch('/api/auth/me')).json()");
        await Api.Inscribe(meeting, "GHA");

        Assert.Equal("display", me.GetProperty("role").GetString());
        await Assertions.Expect(page.Locator("#next-speakers li[data-participant]")).ToHaveCountAsync(1, new() { Timeout = 5000 });
        await context.DisposeAsync();
    }
}
