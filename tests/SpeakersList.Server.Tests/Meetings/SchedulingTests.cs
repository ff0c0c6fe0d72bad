using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Floor;
using SpeakersList.Programme;
using SpeakersList.Server.Meetings;
using SpeakersList.Server.Programme;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Meetings;

public class Changing_the_programme(SpeakersListApp app) : ApiTest(app)
{
    private async Task<ProgrammeMeetingView> Meeting(string code) => (await Api.GridMeetings()).Single(m => m.Code == code);

    [Fact]
    public async Task Scheduling_a_meeting_over_another_in_its_room_gets_409_and_changes_nothing()
    {
        var first = await Api.ScheduleMeeting("First plenary meeting", start: "10:00", end: "13:00");

        var response = await Api.Http.PostAsJsonAsync("/api/meetings", new
        {
            commandId = Guid.NewGuid(), kind = "plenary", title = "Briefing", room = "General Assembly Hall",
            start = Api.Day1 + TimeSpan.FromHours(12), end = Api.Day1 + TimeSpan.FromHours(14), agendaItem = "Briefings",
        }, Api.Json);

        var problem = await Api.Expect(response, HttpStatusCode.Conflict);
        Assert.Contains("General Assembly Hall is taken from Tue 24 Sep 10:00 to Tue 24 Sep 13:00 by 'First plenary meeting'", problem["detail"]!.GetValue<string>());
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(1, await session.Events.QueryAllRawEvents().Where(e => e.EventTypeName != "participant_registered").CountAsync());
        Assert.Equal(HttpStatusCode.OK, (await Api.Http.GetAsync($"/api/meetings/{first}")).StatusCode);
    }

    [Fact]
    public async Task A_meeting_scheduled_into_a_conference_joins_its_grid()
    {
        var ids = await Api.ImportSeedProgramme();
        var conferenceId = (await Api.ProgrammeGrid()).Conference.Id;

        var response = await Api.Http.PostAsJsonAsync("/api/meetings", new
        {
            commandId = Guid.NewGuid(), kind = "plenary", title = "Informal briefing", room = "Trusteeship Council Chamber", conferenceId, code = "BRIEF",
            start = Api.Day1 + TimeSpan.FromHours(10), end = Api.Day1 + TimeSpan.FromHours(11), agendaItem = "Briefings",
        }, Api.Json);
        var outside = await Api.Http.PostAsJsonAsync("/api/meetings", new
        {
            commandId = Guid.NewGuid(), kind = "plenary", title = "Late briefing", room = "Trusteeship Council Chamber", conferenceId,
            start = Api.Day1.AddDays(5) + TimeSpan.FromHours(10), end = Api.Day1.AddDays(5) + TimeSpan.FromHours(11), agendaItem = "Briefings",
        }, Api.Json);

        await Api.Expect(response, HttpStatusCode.Created);
        Assert.Contains("not a day of the conference", (await Api.Expect(outside, HttpStatusCode.UnprocessableEntity))["detail"]!.GetValue<string>());
        Api.AssertVenueTime("2013-09-24T10:00:00-04:00", (await Meeting("BRIEF")).Details.Start);
        Assert.Equal(11, (await Api.GridMeetings()).Length);
        Assert.NotEqual(Guid.Empty, ids["PL1"]);
    }

    [Fact]
    public async Task A_meeting_is_rescheduled_unless_its_room_is_taken_at_the_new_time()
    {
        var ids = await Api.ImportSeedProgramme();

        var clash = await Api.Http.PostAsJsonAsync($"/api/meetings/{ids["PL2"]}/reschedule",
            new { commandId = Guid.NewGuid(), start = Api.Day1 + TimeSpan.FromHours(12), end = Api.Day1 + TimeSpan.FromHours(15) }, Api.Json);
        var later = await Api.Http.PostAsJsonAsync($"/api/meetings/{ids["PL2"]}/reschedule",
            new { commandId = Guid.NewGuid(), start = Api.Day1 + TimeSpan.FromHours(15.5), end = Api.Day1 + TimeSpan.FromHours(18.5) }, Api.Json);

        Assert.Contains("'First plenary meeting'", (await Api.Expect(clash, HttpStatusCode.Conflict))["detail"]!.GetValue<string>());
        await Api.Expect(later, HttpStatusCode.OK);
        var second = await Meeting("PL2");
        Api.AssertVenueTime("2013-09-24T15:30:00-04:00", second.Details.Start);
        Api.AssertVenueTime("2013-09-24T18:30:00-04:00", second.Details.End);
        // The list of speakers follows its meeting.
        Assert.Equal(Api.Day1 + TimeSpan.FromHours(15.5), (await Api.ListView(ids["PL2"])).ScheduledStart);
    }

    [Fact]
    public async Task A_meeting_moves_to_a_free_room_of_the_conference_only()
    {
        var ids = await Api.ImportSeedProgramme();

        var taken = await Api.Http.PostAsJsonAsync($"/api/meetings/{ids["RT-I"]}/move", new { commandId = Guid.NewGuid(), room = "General Assembly Hall" }, Api.Json);
        var unknown = await Api.Http.PostAsJsonAsync($"/api/meetings/{ids["RT-I"]}/move", new { commandId = Guid.NewGuid(), room = "Conference Room 9" }, Api.Json);
        var free = await Api.Http.PostAsJsonAsync($"/api/meetings/{ids["RT-I"]}/move", new { commandId = Guid.NewGuid(), room = "trusteeship council chamber" }, Api.Json);

        Assert.StartsWith("General Assembly Hall is taken from ", (await Api.Expect(taken, HttpStatusCode.Conflict))["detail"]!.GetValue<string>());
        Assert.Contains("the room 'Conference Room 9' is not one of the conference's rooms",
            (await Api.Expect(unknown, HttpStatusCode.UnprocessableEntity))["detail"]!.GetValue<string>());
        await Api.Expect(free, HttpStatusCode.OK);
        Assert.Equal("Trusteeship Council Chamber", (await Meeting("RT-I")).Details.Room);
    }

    [Fact]
    public async Task The_meetings_list_gives_the_programme_status_and_the_floor_apart()
    {
        var cancelled = await Api.ScheduleMeeting("Briefing", start: "10:00", end: "11:00");
        var opened = await Api.ScheduleMeeting("First plenary meeting", start: "15:00", end: "18:00");
        await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{cancelled}/cancel", new { commandId = Guid.NewGuid(), reason = "No quorum" }, Api.Json), HttpStatusCode.OK);
        await Api.Floor(opened, "open");
        await Api.Floor(opened, "suspend");

        var meetings = await Api.Get<IReadOnlyList<MeetingSummary>>("/api/meetings");

        var briefing = meetings.Single(m => m.Id == cancelled);
        Assert.Equal((ProgrammeStatus.Cancelled, MeetingStatus.Scheduled), (briefing.Status, briefing.Floor));
        var plenary = meetings.Single(m => m.Id == opened);
        Assert.Equal((ProgrammeStatus.Suspended, MeetingStatus.Suspended), (plenary.Status, plenary.Floor));
        Assert.Equal([cancelled, opened], meetings.Select(m => m.Id));
    }

    [Fact]
    public async Task A_cancelled_meeting_frees_its_room_and_a_retried_cancel_changes_nothing()
    {
        var ids = await Api.ImportSeedProgramme();
        var command = Guid.NewGuid();

        await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{ids["RT-II"]}/cancel", new { commandId = command, reason = "Merged with round table I" }, Api.Json), HttpStatusCode.OK);
        await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{ids["RT-II"]}/cancel", new { commandId = command, reason = "Merged with round table I" }, Api.Json), HttpStatusCode.OK);
        var moved = await Api.Http.PostAsJsonAsync($"/api/meetings/{ids["PL2"]}/move", new { commandId = Guid.NewGuid(), room = "Conference Room 4" }, Api.Json);

        Assert.Equal(ProgrammeStatus.Cancelled, (await Meeting("RT-II")).Status);
        Assert.Equal("Merged with round table I", (await Meeting("RT-II")).CancellationReason);
        await Api.Expect(moved, HttpStatusCode.OK);
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(2, (await session.Events.FetchStreamAsync(ids["RT-II"])).Count);
    }

    [Fact]
    public async Task The_grid_shows_the_live_status_the_floor_records()
    {
        var ids = await Api.ImportSeedProgramme();
        var store = App.Services.GetRequiredService<IDocumentStore>();
        async Task Floor(object e)
        {
            await using var session = store.LightweightSession();
            session.Events.Append(ids["PL1"], e);
            await session.SaveChangesAsync();
        }

        await Floor(new MeetingOpened(ids["PL1"], Guid.NewGuid(), App.Clock.GetUtcNow()));
        Assert.Equal(ProgrammeStatus.InProgress, (await Meeting("PL1")).Status);
        await Floor(new MeetingSuspended(ids["PL1"], Guid.NewGuid(), App.Clock.GetUtcNow()));
        Assert.Equal(ProgrammeStatus.Suspended, (await Meeting("PL1")).Status);
        var cancel = await Api.Http.PostAsJsonAsync($"/api/meetings/{ids["PL1"]}/cancel", new { commandId = Guid.NewGuid(), reason = "No" }, Api.Json);
        Assert.Contains("adjourned, not cancelled", (await Api.Expect(cancel, HttpStatusCode.Conflict))["detail"]!.GetValue<string>());
        await Floor(new MeetingResumed(ids["PL1"], Guid.NewGuid(), App.Clock.GetUtcNow()));
        await Floor(new MeetingAdjourned(ids["PL1"], Guid.NewGuid(), App.Clock.GetUtcNow()));
        Assert.Equal(ProgrammeStatus.Adjourned, (await Meeting("PL1")).Status);
        Assert.Equal(ProgrammeStatus.Scheduled, (await Meeting("PL2")).Status);
    }

    [Theory]
    [InlineData("reschedule", "{\"start\":\"2013-09-24T12:00:00-04:00\",\"end\":\"2013-09-24T11:00:00-04:00\"}", "end must be after start")]
    [InlineData("move", "{\"room\":\"\"}", "room is required")]
    [InlineData("cancel", "{\"reason\":\"\"}", "reason is required")]
    public async Task Malformed_changes_get_400(string action, string body, string detail)
    {
        var ids = await Api.ImportSeedProgramme();
        var json = body.Insert(1, $"\"commandId\":\"{Guid.NewGuid()}\",");

        var response = await Api.Http.PostAsync($"/api/meetings/{ids["PL3"]}/{action}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(detail, (await Api.Expect(response, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
        Assert.Equal(ProgrammeStatus.Scheduled, (await Meeting("PL3")).Status);
        Api.AssertVenueTime("2013-09-25T10:00:00-04:00", (await Meeting("PL3")).Details.Start);
    }

    [Fact]
    public async Task Changing_an_unknown_meeting_gets_404()
    {
        var response = await Api.Http.PostAsJsonAsync($"/api/meetings/{Guid.NewGuid()}/cancel", new { commandId = Guid.NewGuid(), reason = "x" }, Api.Json);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
