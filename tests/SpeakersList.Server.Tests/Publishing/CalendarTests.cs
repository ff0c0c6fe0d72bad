using System.Net;
using System.Net.Http.Json;
using Ical.Net;
using Ical.Net.CalendarComponents;
using SpeakersList.Server.Programme;
using SpeakersList.Server.Publishing.Calendars;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Publishing;

/// <summary>A calendar application's view of a delegation's secret calendar address, as the list moves.</summary>
public class Delegation_calendars(SpeakersListApp app) : ApiTest(app)
{
    private const string Zone = "America/New_York";

    [Fact]
    public async Task The_slot_follows_the_list_with_a_higher_sequence_is_cancelled_when_withdrawn_and_the_revoked_link_is_gone()
    {
        var meeting = await Api.ScheduleMeeting(start: "10:00", end: "13:00");
        var inscription = await Api.Inscribe(meeting, "GHA");
        await Api.Inscribe(meeting, "BRA");

        using var ghana = await App.CreateDelegationClientAsync("GHA");
        var created = await Api.Read<CalendarLinkCreated>(await ghana.PostAsync("/api/delegations/GHA/calendar-links", null), HttpStatusCode.Created);
        var url = created.Url;
        Assert.Matches("^http://localhost/api/calendars/[A-Za-z0-9_-]{32}/calendar.ics$", url);
        using var calendarApp = App.CreateAnonymousClient(); // a calendar application sends no token

        var slot = await SlotAsync(calendarApp, url, inscription, meeting);
        Assert.Equal(At(10, 0), Start(slot));
        Assert.Equal(Zone, slot.Start!.TzId);
        Assert.Equal(At(10, 5), slot.End!.AsUtc);
        Assert.Equal(0, slot.Sequence);
        Assert.Equal("CONFIRMED", slot.Status);
        Assert.Equal("General Assembly Hall", slot.Location);

        // A Head of State inscribes: Ghana's slot moves 5 minutes 30 seconds later, a change the calendar is told of.
        App.Clock.Advance(TimeSpan.FromMinutes(3));
        var movedAt = App.Clock.GetUtcNow();
        await Api.Inscribe(meeting, "FRA", "headOfState");
        slot = await SlotAsync(calendarApp, url, inscription, meeting);
        Assert.Equal(At(10, 5, 30), Start(slot));
        Assert.Equal(1, slot.Sequence);
        Assert.Equal(movedAt, new DateTimeOffset(slot.LastModified!.AsUtc, TimeSpan.Zero));

        // France is given 7 minutes instead of 5: Ghana's estimate moves 2 minutes, not enough to disturb a calendar.
        var limits = await Api.Http.PutAsJsonAsync($"/api/meetings/{meeting}/speakers-list/time-limits", new
        {
            commandId = Guid.NewGuid(),
            limits = new
            {
                delegationSeconds = 420, groupSeconds = 420, observerSeconds = 300, nonStateSeconds = 180, preArrangedSeconds = 360,
                firstReplySeconds = 600, secondReplySeconds = 300, changeOverSeconds = 30,
            },
        }, Api.Json);
        Assert.True(limits.IsSuccessStatusCode, await limits.Content.ReadAsStringAsync());
        slot = await SlotAsync(calendarApp, url, inscription, meeting);
        Assert.Equal((At(10, 5, 30), 1), (Start(slot), slot.Sequence));

        // Asked again later with nothing changed: the same revision (derived from the events, not from the clock).
        App.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, (await SlotAsync(calendarApp, url, inscription, meeting)).Sequence);

        // Ghana withdraws: the event stays, cancelled, with a higher sequence.
        var withdrawn = await Api.Http.DeleteAsync($"/api/meetings/{meeting}/inscriptions/{inscription}?commandId={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        slot = await SlotAsync(calendarApp, url, inscription, meeting);
        Assert.Equal("CANCELLED", slot.Status);
        Assert.Equal(2, slot.Sequence);

        // The link is revoked: the address answers 404.
        var id = created.Id;
        Assert.Equal(HttpStatusCode.NoContent, (await ghana.DeleteAsync($"/api/delegations/GHA/calendar-links/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_delegation_cannot_make_or_revoke_a_link_for_another_and_a_made_up_address_is_not_found()
    {
        using var france = await App.CreateDelegationClientAsync("FRA");
        await Api.Expect(await france.PostAsync("/api/delegations/GHA/calendar-links", null), HttpStatusCode.Forbidden);
        var created = await Api.Read<CalendarLinkCreated>(await Api.Http.PostAsync("/api/delegations/GHA/calendar-links", null), HttpStatusCode.Created);
        await Api.Expect(await france.DeleteAsync($"/api/delegations/GHA/calendar-links/{created.Id}"), HttpStatusCode.Forbidden);
        await Api.Expect(await Api.Http.PostAsync("/api/delegations/XYZ/calendar-links", null), HttpStatusCode.NotFound);
        await Api.Expect(await App.CreateAnonymousClient().GetAsync("/api/calendars/not-a-link/calendar.ics"), HttpStatusCode.NotFound);
        // The links listed, as written: no address of a calendar anywhere in them (the address is the secret).
        var listed = await Api.Expect(await Api.Http.GetAsync("/api/delegations/GHA/calendar-links"), HttpStatusCode.OK);
        Assert.DoesNotContain("calendars/", listed.ToJsonString());
    }

    [Fact]
    public async Task The_programme_calendar_has_every_meeting_in_the_venue_zone_and_a_rescheduled_meeting_is_revised()
    {
        var meetings = await Api.ImportSeedProgramme();
        using var anonymous = App.CreateAnonymousClient();
        var response = await anonymous.GetAsync("/api/programme/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(meetings.Count, calendar.Events.Count);
        Assert.Contains(calendar.TimeZones, z => z.TzId == Zone);
        Assert.All(calendar.Events, e => Assert.Equal(0, e.Sequence));

        var plenary = meetings["PL1"];
        var meeting = await Api.Get<ProgrammeMeetingView>($"/api/meetings/{plenary}");
        var start = meeting.Details.Start.AddMinutes(30);
        var end = meeting.Details.End.AddMinutes(30);
        var rescheduled = await Api.Http.PostAsJsonAsync($"/api/meetings/{plenary}/reschedule", new { commandId = Guid.NewGuid(), start, end }, Api.Json);
        Assert.True(rescheduled.IsSuccessStatusCode, await rescheduled.Content.ReadAsStringAsync());
        calendar = Calendar.Load(await anonymous.GetStringAsync("/api/programme/calendar.ics"))!;
        var moved = calendar.Events.Single(e => e.Uid == $"{plenary:N}@speakerslist");
        Assert.Equal(1, moved.Sequence);
        Assert.Equal(start, new DateTimeOffset(moved.Start!.AsUtc, TimeSpan.Zero));
    }

    [Fact]
    public async Task A_round_table_seat_is_in_the_calendar_and_cancelled_when_released()
    {
        var meetings = await Api.ImportSeedProgramme();
        var roundTable = meetings["RT-I"];
        await Api.Expect(await Api.TryAllocateSeat(roundTable, "GHA"), HttpStatusCode.Created);
        var url = (await Api.Read<CalendarLinkCreated>(await Api.Http.PostAsync("/api/delegations/GHA/calendar-links", null), HttpStatusCode.Created)).Url;
        using var calendarApp = App.CreateAnonymousClient();
        var uid = $"seat-{roundTable:N}-gha@speakerslist";

        var seat = Calendar.Load(await calendarApp.GetStringAsync(url))!.Events.Single(e => e.Uid == uid);
        var held = await Api.Roster(roundTable);
        Assert.Equal(held.Start, new DateTimeOffset(seat.Start!.AsUtc, TimeSpan.Zero));
        Assert.Equal(Zone, seat.Start.TzId);
        Assert.Equal((0, "CONFIRMED"), (seat.Sequence, seat.Status));

        var released = await Api.Http.DeleteAsync($"/api/round-tables/{roundTable}/seats/GHA?commandId={Guid.NewGuid()}");
        Assert.True(released.IsSuccessStatusCode, await released.Content.ReadAsStringAsync());
        seat = Calendar.Load(await calendarApp.GetStringAsync(url))!.Events.Single(e => e.Uid == uid);
        Assert.Equal((1, "CANCELLED"), (seat.Sequence, seat.Status));
    }

    private static DateTimeOffset At(int hour, int minute, int second = 0) => Api.Day1 + new TimeSpan(hour, minute, second);

    private static DateTimeOffset Start(CalendarEvent e) => new(e.Start!.AsUtc, TimeSpan.Zero);

    private static async Task<CalendarEvent> SlotAsync(HttpClient client, string url, Guid inscription, Guid meeting)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text)!;
        Assert.Contains(calendar.TimeZones, z => z.TzId == Zone);
        return calendar.Events.Single(e => e.Uid == $"{inscription:N}-{meeting:N}@speakerslist");
    }
}
