using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using SpeakersList.Server.Booths.Messaging;
using SpeakersList.Server.SpeakersLists.Inscribing;
using SpeakersList.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests;

/// <summary>The interpreters' booth page and the booths' messages on the officer console (issue 23).</summary>
public class Booth_page(BrowserApp app) : BrowserTest(app)
{
    private const string Hall = "General Assembly Hall";
    private static readonly string BoothPath = $"/booth/room/{Uri.EscapeDataString(Hall)}";

    private async Task<Guid> Inscribe(Guid meeting, string participant, object delivery)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(delivery, Api.Json)!.AsObject();
        body["commandId"] = Guid.NewGuid();
        body["participant"] = participant;
        body["level"] = "minister";
        body["speakerName"] = $"Speaker of {participant}";
        body["speakerTitle"] = "Minister for Foreign Affairs";
        var created = await Api.Read<InscriptionAccepted>(await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/inscriptions", body, Api.Json), HttpStatusCode.Created);
        return created.InscriptionId;
    }

    /// <summary>Ghana speaking; then Germany (German, interpreted into French, remote, its text supplied), Brazil by video, Mexico, France.</summary>
    private async Task<Guid> GeneralDebate()
    {
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting", room: Hall);
        await Api.Inscribe(meeting, "GHA");
        var germany = await Inscribe(meeting, "DEU", new { language = "de", interpretationInto = "fr", mode = "remote" });
        await Inscribe(meeting, "BRA", new { language = "pt-BR", interpretationInto = "es", mode = "video", durationSeconds = 240, introducedBy = "Permanent Representative" });
        await Api.Inscribe(meeting, "MEX");
        await Api.Inscribe(meeting, "FRA");
        using var delegation = await App.CreateDelegationClientAsync("DEU");
        await Api.Expect(await delegation.PostAsync($"/api/meetings/{meeting}/inscriptions/{germany}/statement",
            new StringContent("Herr Präsident, Deutschland unterstützt die Erklärung der Europäischen Union.", Encoding.UTF8, "text/plain")), HttpStatusCode.Created);
        await Api.FirstSpeakerSpeaks(meeting);
        return meeting;
    }

    private async Task<IPage> OpenBoothAsync(string query = "")
    {
        var page = await OpenAsync(BoothPath + query, 1920, 1080, signedInAs: TestRole.Booth(Hall));
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        return page;
    }

    [Fact]
    public async Task The_booth_sees_who_speaks_now_and_next_in_which_language_and_how_and_reads_the_text_ahead_at_1920x1080()
    {
        var meeting = await GeneralDebate();
        var page = await OpenBoothAsync();

        await Expect(page.Locator("#current .name")).ToHaveTextAsync("Ghana");
        await Expect(page.Locator("#current .language")).ToContainTextAsync("EN");
        var next = page.Locator("#next li");
        await Expect(next).ToHaveCountAsync(3);
        await Expect(next.Nth(0)).ToContainTextAsync("Germany");
        await Expect(next.Nth(0).Locator(".language")).ToContainTextAsync("DE");
        await Expect(next.Nth(0).Locator(".relay")).ToContainTextAsync("FR");
        await Expect(next.Nth(0).Locator(".mode")).ToHaveTextAsync("Remote");
        await Expect(next.Nth(1).Locator(".mode")).ToHaveTextAsync("Video statement");
        await Expect(next.Nth(1)).ToContainTextAsync("4:00");
        await Expect(page.Locator("#next-text")).ToContainTextAsync("Deutschland unterstützt"); // before the embargo lifts
        await Expect(page.Locator("#countdown")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[0-9]:[0-9]{2}$"));
        await ScreenshotAsync(page, "booth-1920x1080-en");

        // Live: the floor moves on, the booth follows without reloading.
        await Api.Floor(meeting, "end");
        await Api.Floor(meeting, "next");
        await Expect(page.Locator("#current .name")).ToHaveTextAsync("Germany", new() { Timeout = PushTimeout });
        await Expect(page.Locator("#current .mode")).ToHaveTextAsync("Remote");
        await Expect(page.Locator("#current-text")).ToContainTextAsync("Deutschland unterstützt");
    }

    [Fact]
    public async Task The_booth_page_reads_in_arabic_right_to_left_at_1920x1080()
    {
        await GeneralDebate();
        var page = await OpenBoothAsync("?lang=ar");

        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("#now-heading")).ToHaveTextAsync("الكلمة الآن");
        await Expect(page.Locator("#connection")).ToHaveTextAsync("مباشر");
        await Expect(page.Locator("[data-kind=slowDown]")).ToHaveTextAsync("أبطئ");
        await Expect(page.Locator("#next li").Nth(0).Locator(".mode")).ToHaveTextAsync("عن بُعد");
        await Expect(page.Locator("#next li").Nth(1).Locator(".mode")).ToHaveTextAsync("بيان مسجل بالفيديو");
        await Expect(page.Locator("#current .name")).Not.ToHaveTextAsync("Ghana"); // the name in Arabic
        await ScreenshotAsync(page, "booth-1920x1080-ar");
    }

    [Fact]
    public async Task The_booth_s_slow_down_appears_on_the_officer_console_at_once_and_is_dismissed_there()
    {
        var meeting = await GeneralDebate();
        var console = await OpenConsoleAsync(meeting);
        var booth = await OpenBoothAsync();

        await booth.Locator("[data-kind=slowDown]").ClickAsync();
        await Expect(booth.Locator("#sent")).ToContainTextAsync("Slow down");

        var message = console.Locator("#booth-messages .booth-message");
        await Expect(message).ToHaveCountAsync(1, WithinAPush);
        await Expect(message).ToContainTextAsync($"Booth, {Hall}: Slow down");
        await ScreenshotAsync(console, "console-booth-slow-down");

        await message.Locator("button.dismiss").ClickAsync();
        await Expect(message).ToHaveCountAsync(0);
        var listed = await Api.Get<BoothMessageView[]>($"/api/meetings/{meeting}/booth-messages");
        Assert.NotNull(listed[0].DismissedAt);
    }
}
