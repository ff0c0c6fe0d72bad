using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using SpeakersList.Participants;
using SpeakersList.Server.Live;
using SpeakersList.Server.Programme;
using SpeakersList.Server.RoundTables;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Programme;

public class The_programme_live(SpeakersListApp app) : ApiTest(app)
{
    private static async Task<TView> Next<TView>(Task<TView> push) => await push.WaitAsync(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task A_screen_gets_the_grid_on_subscribing_and_each_change_after()
    {
        var ids = await Api.ImportSeedProgramme();
        await using var hub = App.CreateHubConnection();
        var rescheduledAt = Api.Day1 + TimeSpan.FromHours(15.5);
        var pushed = new TaskCompletionSource<ProgrammeView>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<ProgrammeView>("programmeChanged", grid =>
        {
            if (grid.Days.SelectMany(d => d.Meetings).Any(m => m.Code == "RT-II" && m.Details.Start == rescheduledAt)) pushed.TrySetResult(grid);
        });
        await hub.StartAsync();

        var snapshot = await hub.InvokeAsync<ProgrammeView>("SubscribeToProgramme");
        await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{ids["RT-II"]}/reschedule",
            new { commandId = Guid.NewGuid(), start = rescheduledAt, end = Api.Day1 + TimeSpan.FromHours(18) }, Api.Json), HttpStatusCode.OK);

        Assert.Equal(3, snapshot.Days.Count);
        var grid = await Next(pushed.Task);
        var roundTable = grid.Days[1].Meetings.Single(m => m.Code == "RT-II");
        Api.AssertVenueTime("2013-09-24T15:30:00-04:00", roundTable.Details.Start);
    }

    [Fact]
    public async Task A_roster_and_a_delegations_agenda_are_pushed_when_a_seat_is_allocated()
    {
        var ids = await Api.ImportSeedProgramme();
        await using var hub = App.CreateHubConnection();
        var roster = new TaskCompletionSource<RoundTableRosterView>(TaskCreationOptions.RunContinuationsAsynchronously);
        var agenda = new TaskCompletionSource<DelegationAgendaView>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<RoundTableRosterView>("roundTableChanged", r => { if (r.Seats.Count == 1) roster.TrySetResult(r); });
        hub.On<DelegationAgendaView>("agendaChanged", a => { if (a.Items.Count == 1) agenda.TrySetResult(a); });
        await hub.StartAsync();

        var before = await hub.InvokeAsync<RoundTableRosterView>("SubscribeToRoundTable", ids["RT-III"]);
        var emptyAgenda = await hub.InvokeAsync<DelegationAgendaView>("SubscribeToAgenda", "GHA");
        await Api.Expect(await Api.TryAllocateSeat(ids["RT-III"], "GHA"), HttpStatusCode.Created);

        Assert.Empty(before.Seats);
        Assert.Empty(emptyAgenda.Items);
        Assert.Equal("GHA", (await Next(roster.Task)).Seats[0].Participant.Value);
        var item = (await Next(agenda.Task)).Items[0];
        Assert.Equal((AgendaRole.RoundTableSeat, ids["RT-III"]), (item.Role, item.MeetingId));
    }

    [Fact]
    public async Task A_delegations_agenda_is_pushed_when_a_list_it_is_on_changes()
    {
        var meeting = await Api.ScheduleMeeting(title: "Agenda follows the list", room: $"Room {Guid.NewGuid():N}");
        await Api.Inscribe(meeting, "GHA");
        await using var hub = App.CreateHubConnection();
        var moved = new TaskCompletionSource<DelegationAgendaView>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<DelegationAgendaView>("agendaChanged", a => { if (a.Items.Any(i => i.MeetingId == meeting && i.Position == 2)) moved.TrySetResult(a); });
        await hub.StartAsync();

        var before = await hub.InvokeAsync<DelegationAgendaView>("SubscribeToAgenda", "GHA");
        // A Head of State comes before a minister in protocol order: Ghana's turn moves back one place.
        await Api.Inscribe(meeting, "KEN", "headOfState");

        Assert.Equal(1, Assert.Single(before.Items, i => i.MeetingId == meeting).Position);
        Assert.Equal("GHA", (await Next(moved.Task)).Participant.Value);
    }

    [Fact]
    public async Task A_connection_follows_at_most_32_agendas_rooms_and_delegations_and_one_more_after_leaving_one()
    {
        var codes = (await Api.Get<Participant[]>("/api/participants")).Select(p => p.Code.Value).Take(LiveSubscriptions.MaximumPerConnection + 1).ToList();
        await using var hub = App.CreateHubConnection();
        await hub.StartAsync();
        // An unknown participant's agenda is refused and not counted.
        await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<DelegationAgendaView>("SubscribeToAgenda", "XXX"));
        foreach (var code in codes.SkipLast(1)) await hub.InvokeAsync<DelegationAgendaView>("SubscribeToAgenda", code);

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<DelegationAgendaView>("SubscribeToAgenda", codes[^1]));
        await hub.InvokeAsync("UnsubscribeFromAgenda", codes[0]);
        var followed = await hub.InvokeAsync<DelegationAgendaView>("SubscribeToAgenda", codes[^1]);

        Assert.Contains("too many", refused.Message);
        Assert.Equal(codes[^1], followed.Participant.Value);
    }
}

public class A_delegations_agenda(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task Lists_its_turns_and_its_round_table_across_the_meetings_in_time_order()
    {
        var ids = await Api.ImportSeedProgramme();
        await Api.Inscribe(ids["PL3"], "GHA");
        await Api.Inscribe(ids["PL1"], "GHA");
        await Api.Expect(await Api.TryAllocateSeat(ids["RT-II"], "GHA"), HttpStatusCode.Created);

        var agenda = await Api.Get<DelegationAgendaView>("/api/delegations/gha/agenda");

        var items = agenda.Items;
        Assert.Equal(["PL1 Speaker", "RT-II RoundTableSeat", "PL3 Speaker"], items.Select(i => $"{ids.Single(x => x.Value == i.MeetingId).Key} {i.Role}"));
        // After the five opening statements and their change-overs.
        Api.AssertVenueTime("2013-09-24T10:30:00-04:00", items[0].EstimatedStart);
        Assert.Equal(6, items[0].Position);
    }

    [Fact]
    public async Task Forecasts_its_turns_with_the_speaking_times_learned_from_a_loaded_history_as_the_list_does()
    {
        var ids = await Api.ImportSeedProgramme();
        await Api.Inscribe(ids["PL1"], "GHA");
        // Earlier sessions where every statement, pre-arranged or not, ran half again over its limit.
        var header = "number,kind,participant,delegation,speakerName,speakerTitle,level,onBehalfOf,from,to,allottedSeconds,usedSeconds,overrunSeconds,pauses,pausedSeconds\n";
        var lines = Enumerable.Range(1, 12).Select(i =>
            $"{i},{(i % 2 == 0 ? "statement" : "preArranged")},X{i},X,S,M,{(i % 3 == 0 ? "headOfState" : "minister")},,2013-09-20T10:00:00-04:00,2013-09-20T10:07:30-04:00,300,{450 + i},150,0,0");
        await Api.Expect(await Api.Http.PostAsync("/api/forecasts/history",
            new StringContent(header + string.Join("\n", lines), System.Text.Encoding.UTF8, "text/csv")), HttpStatusCode.OK);

        var item = (await Api.Get<DelegationAgendaView>("/api/delegations/gha/agenda")).Items[0];
        var entry = (await Api.ListView(ids["PL1"])).Entries.Single(e => e.Speaker.Participant.Value == "GHA");

        Assert.NotEqual(DateTimeOffset.Parse("2013-09-24T10:30:00-04:00", System.Globalization.CultureInfo.InvariantCulture), item.EstimatedStart); // not the limits added up
        // The list's forecast of the entry, all of it given: the same moments at the same offsets, and the same probability.
        Assert.Equal((entry.EstimatedStart!.Value, entry.EstimatedStart.Value.Offset), (item.EstimatedStart!.Value, item.EstimatedStart.Value.Offset));
        Assert.Equal((entry.LatestLikelyStart!.Value, entry.LatestLikelyStart.Value.Offset), (item.LatestLikelyStart!.Value, item.LatestLikelyStart.Value.Offset));
        Assert.Equal(entry.ReachProbability!.Value, item.ReachProbability!.Value);
    }

    [Fact]
    public async Task Of_an_unknown_delegation_gets_404()
    {
        await Api.ImportSeedProgramme();

        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.GetAsync("/api/delegations/XYZ/agenda")).StatusCode);
    }
}

public class The_OpenAPI_document(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task Documents_the_programme_round_tables_and_participants()
    {
        var document = await Api.Expect(await Api.Http.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);

        var operations = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => o.Value!["operationId"]?.GetValue<string>())).ToHashSet();
        foreach (var id in new[] { "GetProgramme", "ImportProgramme", "ScheduleMeeting", "RescheduleMeeting", "MoveMeeting", "CancelMeeting", "GetMeeting",
                     "GetParticipants", "AddParticipant", "EditParticipant", "GetRoundTables", "GetRoundTable", "AllocateRoundTableSeat",
                     "ReleaseRoundTableSeat", "StateRoundTablePreferences", "DesignateRoundTableChair", "GetDelegationAgenda" })
            Assert.Contains(id, operations);
        Assert.NotNull(document["components"]!["schemas"]!["ProgrammeView"]);
        var import = document["paths"]!["/api/programme/import"]!["post"]!;
        Assert.NotNull(import["requestBody"]!["content"]!["application/yaml"]);
        Assert.NotNull(import["responses"]!["400"]);
    }
}
