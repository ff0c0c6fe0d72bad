using System.Net;
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
        var journal = await Api.Expect(await anonymous.GetAsync("/api/journal/2013-09-24"), HttpStatusCode.OK);
        Assert.Equal("as at 18:30, 23 September", journal["asAtText"]!.GetValue<string>());
        Assert.Equal(Eve.AddHours(18.5), journal["asAt"]!.GetValue<DateTimeOffset>());
        Assert.True(journal["live"]!.GetValue<bool>());
        var printed = journal["meetings"]!.AsArray().Single()!;
        Assert.Equal("General Assembly Hall", printed["room"]!.GetValue<string>());
        Assert.Equal(Api.Day1.AddHours(10), printed["start"]!.GetValue<DateTimeOffset>());
        Assert.Equal("High-level Dialogue on International Migration and Development", printed["agendaItem"]!.GetValue<string>());
        var speakers = printed["speakers"]!.AsArray();
        Assert.Equal(["GHA", "BRA", "DEU"], speakers.Select(s => s!["participant"]!.GetValue<string>()));
        Assert.Equal(["moved", "withdrawn", "none"], speakers.Select(s => s!["laterChange"]!.GetValue<string>()));
        Assert.Equal(2, speakers[0]!["positionNow"]!.GetValue<int>());
        Assert.Equal(["FRA"], printed["inscribedSince"]!.AsArray().Select(s => s!["participant"]!.GetValue<string>()));

        // Another cut-off, chosen: after France inscribed, before Brazil withdrew... both at 19:00, so 19:30 has both.
        var later = await Api.Expect(await anonymous.GetAsync($"/api/journal/2013-09-24?asAt={Uri.EscapeDataString(Eve.AddHours(19.5).ToString("O"))}"), HttpStatusCode.OK);
        Assert.Equal(["FRA", "GHA", "DEU"], later["meetings"]![0]!["speakers"]!.AsArray().Select(s => s!["participant"]!.GetValue<string>()));

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
        var empty = await Api.Expect(await anonymous.GetAsync("/api/journal/2013-09-30"), HttpStatusCode.OK);
        Assert.Empty(empty["meetings"]!.AsArray());
        await Api.Expect(await anonymous.GetAsync("/api/journal/24-09-2013"), HttpStatusCode.BadRequest);
        await Api.Expect(await anonymous.GetAsync("/api/journal/2013-09-24?asAt=yesterday"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Read_before_the_cut_off_the_journal_shows_the_list_as_it_stands_without_marks()
    {
        App.Clock.AdjustTime(Eve.AddHours(12));
        var meeting = await Api.ScheduleMeeting(start: "15:00", end: "18:00");
        await Api.Inscribe(meeting, "GHA");
        var journal = await Api.Expect(await Api.Http.GetAsync("/api/journal/2013-09-24"), HttpStatusCode.OK);
        Assert.False(journal["live"]!.GetValue<bool>());
        var speaker = journal["meetings"]![0]!["speakers"]![0]!;
        Assert.Equal(("GHA", "none"), (speaker["participant"]!.GetValue<string>(), speaker["laterChange"]!.GetValue<string>()));
        Assert.Empty(journal["meetings"]![0]!["inscribedSince"]!.AsArray());
    }
}
