using System.Net;
using System.Net.Http.Json;
using SpeakersList.Server.Publishing.Journal;
using SpeakersList.Server.Tests.Floor;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Publishing;

/// <summary>The Journal prints each list of speakers as it stood at 18:30 the evening before, from the events.</summary>
public class The_journal(SpeakersListApp app) : FloorTest(app)
{
    private static readonly DateTimeOffset Eve = new(2013, 9, 23, 0, 0, 0, TimeSpan.FromHours(-4));

    [Fact]
    public async Task Changes_after_18_30_are_not_in_the_next_days_lists_and_are_marked_when_read_later()
    {
        App.Clock.AdjustTime(Eve.AddHours(12));
        var meeting = await Api.ScheduleMeeting(title: "First plenary meeting", start: "10:00", end: "13:00");
        await Api.Inscribe(meeting, "GHA");
        var brazil = await Api.Inscribe(meeting, "BRA");
        await Api.Inscribe(meeting, "DEU");

        // After the cut-off: a Head of State inscribes ahead of everyone, and Brazil withdraws.
        App.Clock.AdjustTime(Eve.AddHours(19));
        await Api.Inscribe(meeting, "FRA", "headOfState");
        var withdrawn = await Api.Http.DeleteAsync($"/api/meetings/{meeting}/inscriptions/{brazil}?commandId={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(["FRA", "GHA", "DEU"], await Api.SpeakingOrder(meeting));

        // Read the next morning.
        App.Clock.AdjustTime(Eve.AddHours(24 + 8));
        using var anonymous = App.CreateAnonymousClient();
        var journal = await JournalAsync(anonymous, "/api/journal/2013-09-24");
        Assert.Equal("as at 18:30, 23 September", journal.AsAtText);
        Assert.Equal(Eve.AddHours(18.5), journal.AsAt);
        Assert.True(journal.Live);
        var printed = Assert.Single(journal.Meetings);
        Assert.Equal("General Assembly Hall", printed.Room);
        Assert.Equal(Api.Day1.AddHours(10), printed.Start);
        Assert.Equal("High-level Dialogue on International Migration and Development", printed.AgendaItem);
        Assert.Equal(["GHA", "BRA", "DEU"], printed.Speakers.Select(s => s.Participant.Value));
        Assert.Equal([LaterChange.Moved, LaterChange.Withdrawn, LaterChange.None], printed.Speakers.Select(s => s.LaterChange));
        Assert.Equal(2, printed.Speakers[0].PositionNow);
        Assert.Equal(["FRA"], printed.InscribedSince.Select(s => s.Participant.Value));

        // Another cut-off, chosen: after France inscribed, before Brazil withdrew... both at 19:00, so 19:30 has both.
        var later = await JournalAsync(anonymous, $"/api/journal/2013-09-24?asAt={Uri.EscapeDataString(Eve.AddHours(19.5).ToString("O"))}");
        Assert.Equal(["FRA", "GHA", "DEU"], later.Meetings[0].Speakers.Select(s => s.Participant.Value));

        // The printable page says so, with no script and no style attribute.
        var page = await anonymous.GetAsync("/journal/2013-09-24");
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("as at 18:30, 23 September", html);
        Assert.Contains("<li data-participant=\"BRA\" data-change=\"withdrawn\">", html);
        Assert.Contains("/css/journal.css", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("style=", html);

        // /journal is today's Journal at the venue.
        var today = await anonymous.GetAsync("/journal");
        Assert.Equal("/journal/2013-09-24", today.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Tuesday, 24 September 2013", await today.Content.ReadAsStringAsync());

        // A day with no meeting, and a date that is not one.
        Assert.Empty((await JournalAsync(anonymous, "/api/journal/2013-09-30")).Meetings);
        await Api.Expect(await anonymous.GetAsync("/api/journal/24-09-2013"), HttpStatusCode.BadRequest);
        await Api.Expect(await anonymous.GetAsync("/api/journal/2013-09-24?asAt=yesterday"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Read_before_the_cut_off_the_journal_shows_the_list_as_it_stands_without_marks()
    {
        App.Clock.AdjustTime(Eve.AddHours(12));
        var meeting = await Api.ScheduleMeeting(start: "15:00", end: "18:00");
        await Api.Inscribe(meeting, "GHA");
        var journal = await JournalAsync(Api.Http, "/api/journal/2013-09-24");
        Assert.False(journal.Live);
        var speaker = journal.Meetings[0].Speakers[0];
        Assert.Equal(("GHA", LaterChange.None), (speaker.Participant.Value, speaker.LaterChange));
        Assert.Empty(journal.Meetings[0].InscribedSince);
    }

    private static async Task<JournalView> JournalAsync(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<JournalView>(path, Api.Json))!;
}
