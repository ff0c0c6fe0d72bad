using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SpeakersList.Programme;
using SpeakersList.Server.Programme;
using SpeakersList.Server.Programme.Importing;
using SpeakersList.Server.Seed;
using SpeakersList.SpeakersLists;
using static SpeakersList.Server.Tests.Programme.ProgrammeGrid;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Programme;

public class Importing_the_programme(SpeakersListApp app) : ApiTest(app)
{
    private const string SmallProgramme = """
        conference:
          name: Test conference
          timeZone: America/New_York
          agendaItem: Item 1
        rooms: [General Assembly Hall, Conference Room 4]
        days:
          - date: 2013-10-03
            title: Only day
            meetings:
              - code: A
                kind: plenary
                title: Meeting A
                room: General Assembly Hall
                start: "10:00"
                end: "13:00"
              - code: B
                kind: plenary
                title: Meeting B
                room: General Assembly Hall
                start: "12:00"
                end: "14:00"
        """;

    [Fact]
    public async Task The_seeds_programme_is_complete_through_the_API()
    {
        var ids = await Api.ImportSeedProgramme();
        var programme = await Api.ProgrammeGrid();

        Assert.Equal("High-level Dialogue on International Migration and Development", programme.Conference.Name);
        Assert.Equal("America/New_York", programme.Conference.TimeZone);
        Assert.Equal(["2013-09-23", "2013-09-24", "2013-09-25"], Dates(programme));

        string[] Grid(int day) => programme.Days[day].Meetings.Select(m =>
            $"{m.Code} {m.Details.Kind} {m.Details.Room} {Time(m.Details.Start)}-{Time(m.Details.End)} {m.Status}").ToArray();
        Assert.Equal(["HEARINGS Hearing Trusteeship Council Chamber 10:00-18:00 Scheduled"], Grid(0));
        Assert.Equal([
            "PL1 Plenary General Assembly Hall 10:00-13:00 Scheduled",
            "RT-I RoundTable Conference Room 4 10:00-13:00 Scheduled",
            "PL2 Plenary General Assembly Hall 15:00-18:00 Scheduled",
            "RT-II RoundTable Conference Room 4 15:00-18:00 Scheduled"], Grid(1));
        Assert.Equal([
            "PL3 Plenary General Assembly Hall 10:00-13:00 Scheduled",
            "RT-III RoundTable Conference Room 4 10:00-13:00 Scheduled",
            "PL4 Plenary General Assembly Hall 15:00-17:30 Scheduled",
            "RT-IV RoundTable Conference Room 4 15:00-17:30 Scheduled",
            "CLOSING Plenary General Assembly Hall 17:30-18:00 Scheduled"], Grid(2));

        var meetings = await Api.GridMeetings();
        var first = meetings.Single(m => m.Code == "PL1");
        Api.AssertVenueTime("2013-09-24T10:00:00-04:00", first.Details.Start);
        Assert.Equal(ids["PL1"], first.Id);
        Assert.Equal(["10:00-10:30", "10:30-13:00"], first.Segments.Select(s => $"{Time(s.Start)}-{Time(s.End)}"));
        var hearings = meetings.Single(m => m.Code == "HEARINGS");
        Assert.Equal(2, hearings.Segments.Count);
        Assert.Contains("Leveraging diaspora contributions for development", meetings.Single(m => m.Code == "RT-I").Details.Title);
        // The four plenaries and their conclusion share one agenda item; each round table has its own.
        Assert.Single(meetings.Where(m => m.Details.Kind == MeetingKind.Plenary).Select(m => m.Details.AgendaItem).Distinct());
        Assert.Equal(4, meetings.Where(m => m.Details.Kind == MeetingKind.RoundTable).Select(m => m.Details.AgendaItem).Distinct().Count());
    }

    [Fact]
    public async Task The_opening_and_closing_statements_are_pre_arranged_on_the_first_and_last_plenary()
    {
        var ids = await Api.ImportSeedProgramme();

        Assert.Equal(["UNSG", "PGA", "PECOSOC", "EMINENT", "ICMC"], await Api.SpeakingOrder(ids["PL1"]));
        Assert.Equal(["RTCHAIR-I", "RTCHAIR-II", "RTCHAIR-III", "RTCHAIR-IV", "SRSG-MIG", "PGA"], await Api.SpeakingOrder(ids["CLOSING"]));
        var opening = await Api.ListView(ids["PL1"]);
        Assert.All(opening.Entries, e => Assert.Equal(EntryKind.PreArranged, e.Kind));
        // Five statements fill the half hour of the opening.
        Api.AssertVenueTime("2013-09-24T10:24:00-04:00", opening.Entries[4].EstimatedStart);
        Assert.Empty(await Api.SpeakingOrder(ids["PL2"]));
    }

    [Fact]
    public async Task The_seeds_programme_can_be_dated_from_another_first_day()
    {
        await Api.ImportSeedProgramme(firstDay: "2013-10-03");

        var days = Dates(await Api.ProgrammeGrid());

        // Thursday 3 and Friday 4 October; the hearings the weekday before.
        Assert.Equal(["2013-10-02", "2013-10-03", "2013-10-04"], days);
    }

    [Fact]
    public async Task A_retried_import_takes_effect_once_and_answers_with_the_same_ids()
    {
        var command = Guid.NewGuid();
        var seed = DemoConference.SeedText();

        var first = await Api.Read<ProgrammeImported>(await Api.TryImportProgramme(seed, commandId: command), HttpStatusCode.Created);
        var retry = await Api.Read<ProgrammeImported>(await Api.TryImportProgramme(seed, commandId: command), HttpStatusCode.OK);

        Assert.Equal(first.ConferenceId, retry.ConferenceId);
        Assert.Equal(first.Meetings.OrderBy(m => m.Key), retry.Meetings.OrderBy(m => m.Key));
        Assert.Equal(10, (await Api.GridMeetings()).Length);
        Assert.Equal(5, (await Api.SpeakingOrder(first.Meetings["PL1"])).Length);
    }

    [Fact]
    public async Task A_programme_imports_from_JSON_too()
    {
        const string json = """
            {
              "conference": { "name": "JSON conference", "firstDay": "2013-10-03", "agendaItem": "Item 1" },
              "rooms": ["General Assembly Hall"],
              "days": [
                { "day": 0, "title": "Day 1", "meetings": [
                  { "code": "P1", "kind": "plenary", "title": "Plenary", "room": "General Assembly Hall", "start": "10:00", "end": "13:00",
                    "preArranged": [ { "participant": "PGA", "minutes": 5 } ] }
                ] }
              ]
            }
            """;

        var imported = await Api.Read<ProgrammeImported>(await Api.TryImportProgramme(json, "application/json"), HttpStatusCode.Created);

        var meeting = Assert.Single(await Api.GridMeetings());
        Api.AssertVenueTime("2013-10-03T10:00:00-04:00", meeting.Details.Start);
        Assert.Equal(["PGA"], await Api.SpeakingOrder(imported.Meetings["P1"]));
    }

    [Theory]
    [InlineData("conference:\n  name: [unclosed\nrooms: []\n", "application/yaml", 2)]
    [InlineData("{\n  \"conference\": {\n    \"name\": \"x\",,\n  }\n}", "application/json", 3)]
    [InlineData("conference:\n  name: X\nrooms: [Hall]\ndays:\n  - date: 2013-10-03\n    title: D\n    meetings:\n      - code: A\n        kind: plenary\n        title: A\n        room: Hall\n        start: \"25:00\"\n        end: \"13:00\"\n", "application/yaml", 12)]
    [InlineData("conference:\n  name: X\nrooms: [Hall]\ndays:\n  - date: 2013-10-03\n    title: D\n    meetings:\n      - code: A\n        kind: banquet\n", "application/yaml", 9)]
    [InlineData("conference:\n  name: X\n  statr: 10:00\nrooms: [Hall]\ndays: []\n", "application/yaml", 3)]
    public async Task A_malformed_file_gets_400_naming_its_line_and_imports_nothing(string file, string contentType, int line)
    {
        var response = await Api.TryImportProgramme(file, contentType);

        var problem = await Api.Expect(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(line, problem["line"]!.GetValue<int>());
        Assert.StartsWith($"Line {line}: ", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.GetAsync("/api/programme")).StatusCode);
    }

    [Fact]
    public async Task Two_meetings_overlapping_in_one_room_refuse_the_whole_file()
    {
        var response = await Api.TryImportProgramme(SmallProgramme);

        var problem = await Api.Expect(response, HttpStatusCode.Conflict);
        Assert.StartsWith("Line 16: General Assembly Hall is taken from Thu 3 Oct 10:00 to Thu 3 Oct 13:00 by 'Meeting A'", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.GetAsync("/api/programme")).StatusCode);
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(0, await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName != "participant_registered").CountAsync());
    }

    [Fact]
    public async Task A_file_colliding_with_a_meeting_already_on_the_programme_imports_nothing()
    {
        await Api.ScheduleMeeting("Briefing", room: "Conference Room 4", start: "11:00", end: "12:00");

        var problem = await Api.Expect(await Api.TryImportProgramme(DemoConference.SeedText()), HttpStatusCode.Conflict);

        Assert.Contains("Conference Room 4 is taken from Tue 24 Sep 11:00 to Tue 24 Sep 12:00 by 'Briefing'", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.GetAsync("/api/programme")).StatusCode);
    }

    [Theory]
    [InlineData("room: Hall 9", "'Hall 9' is not one of the conference's rooms")]
    [InlineData("room: Conference Room 4\n        preArranged:\n          - participant: NOBODY", "unknown participant 'NOBODY'")]
    public async Task A_file_breaking_a_rule_gets_422_naming_its_line(string meetingLines, string detail)
    {
        var file = SmallProgramme.Replace("room: General Assembly Hall\n        start: \"12:00\"", meetingLines + "\n        start: \"12:00\"");

        var problem = await Api.Expect(await Api.TryImportProgramme(file), HttpStatusCode.UnprocessableEntity);

        Assert.Contains(detail, problem["detail"]!.GetValue<string>());
        Assert.StartsWith("Line ", problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.GetAsync("/api/programme")).StatusCode);
    }

    [Fact]
    public async Task A_form_upload_with_a_format_field_is_accepted()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(DemoConference.SeedText()), "file", "programme.txt" },
            { new StringContent("yaml"), "format" },
        };

        var response = await Api.Http.PostAsync($"/api/programme/import?commandId={Guid.NewGuid()}", form);

        await Api.Expect(response, HttpStatusCode.Created);
        Assert.Equal(10, (await Api.GridMeetings()).Length);
    }

    [Fact]
    public async Task An_import_without_a_command_id_gets_400()
    {
        var response = await Api.Http.PostAsync("/api/programme/import", new StringContent(DemoConference.SeedText()));

        var problem = await Api.Expect(response, HttpStatusCode.BadRequest);
        Assert.Contains("commandId is required", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_multipart_form_that_ends_before_its_boundary_gets_400_and_imports_nothing()
    {
        var problem = await Api.Expect(await Api.TryImportProgramme("{}", "multipart/form-data; boundary=x"), HttpStatusCode.BadRequest);

        Assert.Contains("form could not be read", problem["detail"]!.GetValue<string>());
        await Api.Expect(await Api.Http.GetAsync("/api/programme"), HttpStatusCode.NotFound); // still no programme
    }
}

public class The_demo_conference(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task Is_dated_from_the_next_weekday_by_default_and_loaded_once()
    {
        // The test clock reads Tuesday 24 September 2013, 09:00 in New York.
        var store = App.Services.GetRequiredService<IDocumentStore>();

        Assert.True(await DemoConference.LoadAsync(store, App.Clock, DemoDates.Upcoming, CancellationToken.None));
        Assert.False(await DemoConference.LoadAsync(store, App.Clock, DemoDates.Seed, CancellationToken.None));

        var days = Dates(await Api.ProgrammeGrid());
        Assert.Equal(["2013-09-25", "2013-09-26", "2013-09-27"], days);
    }

    [Fact]
    public async Task Can_be_dated_on_the_seeds_own_dates()
    {
        var later = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero));

        await DemoConference.LoadAsync(App.Services.GetRequiredService<IDocumentStore>(), later, DemoDates.Seed, CancellationToken.None);

        var days = Dates(await Api.ProgrammeGrid());
        Assert.Equal(["2013-09-23", "2013-09-24", "2013-09-25"], days);
    }

    [Fact]
    public async Task Starting_on_a_Friday_evening_puts_the_hearings_on_Monday()
    {
        var fridayEvening = new FakeTimeProvider(new DateTimeOffset(2013, 9, 27, 20, 0, 0, TimeSpan.FromHours(-4)));

        await DemoConference.LoadAsync(App.Services.GetRequiredService<IDocumentStore>(), fridayEvening, DemoDates.Upcoming, CancellationToken.None);

        var days = Dates(await Api.ProgrammeGrid());
        Assert.Equal(["2013-09-30", "2013-10-01", "2013-10-02"], days);
    }
}

/// <summary>The programme's days and venue times as the grid prints them.</summary>
file static class ProgrammeGrid
{
    public static IEnumerable<string> Dates(ProgrammeView programme) => programme.Days.Select(d => d.Date.ToString("O", CultureInfo.InvariantCulture));

    public static string Time(DateTimeOffset venueTime) => venueTime.ToString("HH:mm", CultureInfo.InvariantCulture);
}
