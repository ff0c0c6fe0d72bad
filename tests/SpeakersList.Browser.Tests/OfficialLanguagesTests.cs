using System.Net.Http.Json;
using Microsoft.Playwright;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.Participants;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests;

public class The_six_official_languages(BrowserApp app) : BrowserTest(app)
{
    private async Task<Guid> MeetingWithSpeakers()
    {
        var meeting = await Api.ScheduleMeeting(title: "Fourth plenary meeting");
        await Api.Inscribe(meeting, "GHA", "minister");
        foreach (var code in new[] { "CHN", "FRA", "RUS", "SAU", "MEX" }) await Api.Inscribe(meeting, code);
        await Api.FirstSpeakerSpeaks(meeting);
        return meeting;
    }

    [Fact]
    public async Task The_display_in_Arabic_reads_right_to_left_and_names_the_speaker_in_Arabic()
    {
        var meeting = await MeetingWithSpeakers();

        var page = await OpenAsync($"/display/meeting/{meeting}?lang=ar");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.Locator("#current-delegation")).ToHaveTextAsync("غانا");
        await Expect(page.Locator("#now-heading")).ToHaveTextAsync("المتكلم الآن");
        await Expect(page.Locator("#next-speakers li[data-participant='FRA'] .name")).ToHaveTextAsync("فرنسا");
        await Expect(page.Locator("#next-speakers li[data-participant='RUS'] .name")).ToHaveTextAsync("الاتحاد الروسي");
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.now')).direction"));
    }

    [Fact]
    public async Task The_display_in_each_of_the_six_languages_names_the_speakers_in_it_at_1920x1080()
    {
        var meeting = await MeetingWithSpeakers();

        foreach (var lang in ParticipantNames.Languages)
        {
            var page = await OpenAsync($"/display/meeting/{meeting}?lang={lang}");
            await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
            await Expect(page.Locator("#current-delegation")).ToHaveTextAsync(ParticipantNames.In(lang, ParticipantCode.Parse("GHA"), "Ghana"));
            await Expect(page.Locator("#next-speakers li[data-participant='CHN'] .name")).ToHaveTextAsync(ParticipantNames.In(lang, ParticipantCode.Parse("CHN"), "China"));
            await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", lang == "ar" ? "rtl" : "ltr");
            // Every script is drawn with a font that has its glyphs (no fallback boxes): the Noto fonts the page asks for.
            Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px \"Noto Sans Arabic\"', 'غانا') && document.fonts.check('16px \"Noto Sans CJK SC\"', '加纳')"));
            await ScreenshotAsync(page, $"display-1920x1080-{lang}");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_API_names_participants_in_the_language_asked_for()
    {
        var meeting = await MeetingWithSpeakers();
        using var http = App.CreateAnonymousClient();

        var inFrench = await http.GetFromJsonAsync<SpeakersListView>($"/api/meetings/{meeting}/speakers-list?lang=fr", Api.Json);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/participants/RUS");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN, en;q=0.5");
        var inChinese = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<Participant>(Api.Json);
        var refused = await http.GetAsync("/api/participants?lang=de");

        Assert.Contains("Fédération de Russie", inFrench!.Entries.Select(e => e.Speaker.ParticipantName));
        Assert.Equal("俄罗斯联邦", inChinese!.Name);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task The_portal_follows_the_browsers_language_and_the_console_counts_down_to_a_scheduled_opening()
    {
        var meeting = await Api.ScheduleMeeting(title: "Fourth plenary meeting");
        var opensAt = App.Clock.GetUtcNow().AddMinutes(5);
        (await Api.Http.PutAsJsonAsync($"/api/meetings/{meeting}/speakers-list/opening", new { commandId = Guid.NewGuid(), opensAt, windowSeconds = 60 })).EnsureSuccessStatusCode();

        var console = await OpenConsoleAsync(meeting);
        await Expect(console.Locator("#opening .opening-line")).ToHaveAttributeAsync("data-phase", "before");
        await Expect(console.Locator("#opening")).ToContainTextAsync("The list opens in");
        await Expect(console.Locator("#opening")).ToContainTextAsync("commitment");

        var context = await App.Browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString(), Locale = "ru-RU", ViewportSize = new() { Width = 414, Height = 900 } });
        var (name, value) = await App.SessionCookieAsync(TestRole.Delegation("RUS"));
        await context.AddCookiesAsync([new Cookie { Name = name, Value = value, Url = App.BaseAddress.ToString() }]);
        var portal = await context.NewPageAsync();
        // A phone whose clock is ten minutes fast: the portal counts down with the service's clock, not the phone's.
        await portal.Clock.SetFixedTimeAsync(App.Clock.GetUtcNow().UtcDateTime.AddMinutes(10));
        await portal.GotoAsync($"/delegation?meeting={meeting}");
        await Expect(portal.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(portal.Locator("#delegation-name")).ToHaveTextAsync("Российская Федерация");
        await Expect(portal.Locator("#opening .opening-line")).ToHaveAttributeAsync("data-phase", "before");
        await Expect(portal.Locator("#opening")).ToContainTextAsync("Список открывается через");
        await ScreenshotAsync(portal, "portal-ru-opening");
    }
}
