using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CsvHelper;
using SpeakersList.Server.Programme;
using SpeakersList.Server.Tests.Floor;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Publishing;

/// <summary>The machine-readable programme (frab / c3voc schedule JSON) and the statistics export.</summary>
public class Schedule_and_statistics_exports(SpeakersListApp app) : FloorTest(app)
{
    [Theory]
    [InlineData("/api/programme")]
    [InlineData("/api/programme/schedule.json")]
    [InlineData("/api/programme/calendar.ics")]
    [InlineData("/api/programme/statistics.csv")]
    [InlineData("/api/round-tables")]
    public async Task A_conference_that_does_not_exist_is_named_in_the_404_and_without_one_the_404_says_to_import(string export)
    {
        await Api.ImportSeedProgramme();
        using var anonymous = App.CreateAnonymousClient();
        var unknown = Guid.NewGuid();
        var body = await Api.Expect(await anonymous.GetAsync($"{export}?conferenceId={unknown}"), HttpStatusCode.NotFound);
        Assert.Equal($"There is no conference {unknown}.", body["detail"]!.GetValue<string>());

        await App.ResetAsync();
        body = await Api.Expect(await anonymous.GetAsync(export), HttpStatusCode.NotFound);
        Assert.StartsWith("No programme yet: import one", body["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_schedule_json_has_the_conference_its_days_rooms_and_events_with_start_and_duration()
    {
        var meetings = await Api.ImportSeedProgramme();
        using var anonymous = App.CreateAnonymousClient();
        var response = await anonymous.GetAsync("/api/programme/schedule.json");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        // The frab / c3voc schedule format is another project's wire contract (snake_case and all), with no record of ours: read as written.
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var conference = json["schedule"]!["conference"]!;
        Assert.Equal("High-level Dialogue on International Migration and Development", conference["title"]!.GetValue<string>());
        Assert.Equal("America/New_York", conference["time_zone_name"]!.GetValue<string>());
        Assert.Equal(("2013-09-23", "2013-09-25", 3), (conference["start"]!.GetValue<string>(), conference["end"]!.GetValue<string>(), conference["daysCount"]!.GetValue<int>()));
        Assert.Contains(conference["rooms"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "General Assembly Hall" && Guid.TryParse(r["guid"]!.GetValue<string>(), out _));

        var days = conference["days"]!.AsArray();
        Assert.Equal([1, 2, 3], days.Select(d => d!["index"]!.GetValue<int>()));
        var events = days.SelectMany(d => d!["rooms"]!.AsObject().SelectMany(r => r.Value!.AsArray().Select(e => (Room: r.Key, Event: e!)))).ToList();
        Assert.Equal(meetings.Count, events.Count);
        Assert.Equal(meetings.Count, events.Select(e => e.Event["id"]!.GetValue<int>()).Distinct().Count());
        var plenary = events.Single(e => e.Event["guid"]!.GetValue<string>() == meetings["PL1"].ToString());
        Assert.Equal("General Assembly Hall", plenary.Room);
        Assert.Equal("General Assembly Hall", plenary.Event["room"]!.GetValue<string>());
        Assert.Equal(("10:00", "03:00", "plenary", "First plenary meeting"), (plenary.Event["start"]!.GetValue<string>(),
            plenary.Event["duration"]!.GetValue<string>(), plenary.Event["type"]!.GetValue<string>(), plenary.Event["title"]!.GetValue<string>()));
        Assert.Equal(new DateTimeOffset(2013, 9, 24, 10, 0, 0, TimeSpan.FromHours(-4)), DateTimeOffset.Parse(plenary.Event["date"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        var hearings = events.Single(e => e.Event["guid"]!.GetValue<string>() == meetings["HEARINGS"].ToString());
        Assert.Equal(("08:00", "2013-09-23"), (hearings.Event["duration"]!.GetValue<string>(), days[0]!["date"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_statistics_csv_of_a_meeting_and_of_the_conference_count_heard_not_reached_and_time_by_group_and_level()
    {
        var meetings = await Api.ImportSeedProgramme();
        var plenary = meetings["PL2"];
        await Api.Inscribe(plenary, "GHA");
        await Api.Inscribe(plenary, "FRA", "headOfState");
        await Api.Inscribe(plenary, "BRA");
        var meeting = await Api.Get<ProgrammeMeetingView>($"/api/meetings/{plenary}");
        App.Clock.SetUtcNow(meeting.Details.Start);
        await Api.Floor(plenary, "open");
        foreach (var seconds in new[] { 200, 330 }) // France, then Ghana over by 30 seconds
        {
            await Api.Floor(plenary, "next");
            await Api.Floor(plenary, "start");
            App.Clock.Advance(TimeSpan.FromSeconds(seconds));
            await Api.Floor(plenary, "end");
        }
        await Api.Floor(plenary, "adjourn"); // Brazil not reached

        var rows = await CsvAsync($"/api/meetings/{plenary}/statistics.csv");
        var all = rows.Single(r => r["dimension"] == "all");
        Assert.Equal(("3", "2", "1", "530", "600", "1", "30"), (all["inscribed"], all["heard"], all["notReached"], all["spokenSeconds"], all["allottedSeconds"], all["overruns"], all["overrunSeconds"]));
        var statistics = await Api.StatisticsOf(plenary);
        Assert.Equal(statistics.SpokenSeconds, double.Parse(all["spokenSeconds"]!, CultureInfo.InvariantCulture));
        var weog = rows.Single(r => r["dimension"] == "regionalGroup" && r["group"] == "westernEuropeanAndOthers");
        Assert.Equal(("1", "1", "200"), (weog["inscribed"], weog["heard"], weog["spokenSeconds"]));
        var latin = rows.Single(r => r["dimension"] == "regionalGroup" && r["group"] == "latinAmericanAndCaribbean");
        Assert.Equal(("1", "0", "1"), (latin["inscribed"], latin["heard"], latin["notReached"]));
        var ministers = rows.Single(r => r["dimension"] == "level" && r["group"] == "minister");
        Assert.Equal(("2", "1", "1", "330", "1"), (ministers["inscribed"], ministers["heard"], ministers["notReached"], ministers["spokenSeconds"], ministers["overruns"]));
        Assert.Equal("1", rows.Single(r => r["dimension"] == "level" && r["group"] == "headOfState")["heard"]);

        // The conference adds up its meetings (the seed's pre-arranged statements are inscribed and not heard in the meetings not held).
        var conference = await CsvAsync("/api/programme/statistics.csv");
        var total = conference.Single(r => r["meeting"] == "conference" && r["dimension"] == "all");
        var perMeeting = conference.Where(r => r["meeting"] != "conference" && r["dimension"] == "all").ToList();
        Assert.Equal(meetings.Count, perMeeting.Count);
        Assert.Equal(perMeeting.Sum(r => int.Parse(r["inscribed"]!, CultureInfo.InvariantCulture)), int.Parse(total["inscribed"]!, CultureInfo.InvariantCulture));
        Assert.Equal(("2", "530"), (total["heard"], total["spokenSeconds"]));
        await Api.Expect(await Api.Http.GetAsync($"/api/meetings/{Guid.NewGuid()}/statistics.csv"), HttpStatusCode.NotFound);
    }

    private async Task<List<Dictionary<string, string?>>> CsvAsync(string path)
    {
        var response = await App.CreateAnonymousClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var rows = new List<Dictionary<string, string?>>();
        foreach (var row in CsvReader.FromText(await response.Content.ReadAsStringAsync(), null)) rows.Add(row.ToDictionary());
        return rows;
    }
}
