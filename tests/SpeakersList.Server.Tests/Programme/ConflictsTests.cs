using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using SpeakersList.Programme;
using SpeakersList.Server.Programme;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Programme;

public class Conflicts_across_rooms(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task Two_meetings_outside_the_imported_programme_are_weighed_for_the_delegation_as_the_console_weighs_them()
    {
        await Api.ImportSeedProgramme();
        // Two meetings made by hand, outside the programme, at the same hour in two rooms: France is first on both.
        var morning = await Api.ScheduleMeeting(title: "Informal consultation", room: "Conference Room 11", day: Api.Day1.AddDays(5));
        var same = await Api.ScheduleMeeting(title: "Briefing", room: "Conference Room 12", day: Api.Day1.AddDays(5));
        await Api.Inscribe(morning, "FRA");
        await Api.Inscribe(same, "FRA");

        var onTheMeeting = await Api.Get<ConflictsView>($"/api/meetings/{morning}/conflicts");
        Assert.Equal("FRA", Assert.Single(onTheMeeting.Conflicts).Participant.Value);
        var ofFrance = await Api.Get<ConflictsView>("/api/delegations/FRA/conflicts");
        var conflict = Assert.Single(ofFrance.Conflicts);
        Assert.Equal(new[] { morning, same }.Order(), new[] { conflict.Slot.MeetingId, conflict.Other.MeetingId }.Order());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_delegations_agenda_and_its_push_hold_the_meetings_outside_the_programme_and_their_conflict(bool programmeImported)
    {
        if (programmeImported) await Api.ImportSeedProgramme();
        await using var hub = App.CreateHubConnection();
        var pushed = new TaskCompletionSource<DelegationAgendaView>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<DelegationAgendaView>("agendaChanged", agenda => { if (agenda.Conflicts?.Count == 1) pushed.TrySetResult(agenda); });
        await hub.StartAsync();
        var before = await hub.InvokeAsync<DelegationAgendaView>("SubscribeToAgenda", "FRA");

        var morning = await Api.ScheduleMeeting(title: "Informal consultation", room: "Conference Room 11", day: Api.Day1.AddDays(5));
        var same = await Api.ScheduleMeeting(title: "Briefing", room: "Conference Room 12", day: Api.Day1.AddDays(5));
        await Api.Inscribe(morning, "FRA");
        await Api.Inscribe(same, "FRA");

        Assert.Empty(before.Items);
        var agenda = await Api.Get<DelegationAgendaView>("/api/delegations/FRA/agenda");
        Assert.Equal(new[] { morning, same }.Order(), agenda.Items.Select(i => i.MeetingId).Order());
        var ofFrance = await Api.Get<ConflictsView>("/api/delegations/FRA/conflicts");
        // The same conflicts, field for field (the records' lists compare by reference, their JSON by content).
        Assert.Equal(JsonSerializer.Serialize(ofFrance.Conflicts, Api.Json), JsonSerializer.Serialize(agenda.Conflicts, Api.Json));
        Assert.Single(agenda.Conflicts!);
        Assert.Single((await pushed.Task.WaitAsync(TimeSpan.FromSeconds(20))).Conflicts!);
    }

    [Fact]
    public async Task A_plenary_slot_forecast_inside_the_delegations_round_table_is_reported_pushed_and_cleared_when_the_officer_moves_it()
    {
        var ids = await Api.ImportSeedProgramme();
        var plenary = ids["PL2"]; // 15:00-18:00 in the General Assembly Hall, beside Round table II in Conference Room 4
        await Api.Expect(await Api.Http.PutAsJsonAsync($"/api/meetings/{plenary}/speakers-list/time-limits", new
        {
            commandId = Guid.NewGuid(),
            limits = new { delegationSeconds = 1800, groupSeconds = 1800, observerSeconds = 300, nonStateSeconds = 180, preArrangedSeconds = 360,
                firstReplySeconds = 600, secondReplySeconds = 300, changeOverSeconds = 30 },
        }, Api.Json), HttpStatusCode.OK);
        var ghana = await Api.Inscribe(plenary, "GHA");
        string[] others = ["FRA", "BRA", "IND", "JPN", "MEX", "NGA", "SWE"];
        foreach (var code in others) await Api.Inscribe(plenary, code);

        await using var hub = await App.CreateHubConnectionAsync(TestRole.Delegation("GHA"));
        var reported = new TaskCompletionSource<DelegationAgendaView>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cleared = new TaskCompletionSource<DelegationAgendaView>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<DelegationAgendaView>("agendaChanged", agenda =>
        {
            var count = agenda.Conflicts?.Count;
            if (count == 1) reported.TrySetResult(agenda);
            else if (count == 0 && reported.Task.IsCompleted) cleared.TrySetResult(agenda);
        });
        await hub.StartAsync();
        Assert.Empty((await hub.InvokeAsync<DelegationAgendaView>("SubscribeToAgenda", "GHA")).Conflicts!);

        await Api.Expect(await Api.TryAllocateSeat(ids["RT-II"], "GHA"), HttpStatusCode.Created);

        var pushed = (await reported.Task.WaitAsync(TimeSpan.FromSeconds(20))).Conflicts![0];
        Assert.Equal(ghana, pushed.Slot.InscriptionId);
        Assert.Equal((ids["RT-II"], EngagementKind.RoundTableSeat), (pushed.Other.MeetingId, pushed.Other.Kind));
        var conflicts = await Api.Get<ConflictsView>("/api/delegations/GHA/conflicts");
        var conflict = Assert.Single(conflicts.Conflicts);
        Assert.Equal(10, conflicts.WalkingMinutes);
        Assert.StartsWith("The speaking slot at", conflict.Explanation);
        Assert.Contains("allowing 10 minutes to walk between the rooms", conflict.Explanation);
        // The only places out of the round table's time (and its walk) are at the end of the list.
        Assert.Equal(["SWE"], conflict.Swaps.Select(s => s.WithParticipant.Value));
        var onTheMeeting = await Api.Get<ConflictsView>($"/api/meetings/{plenary}/conflicts");
        Assert.Equal("GHA", Assert.Single(onTheMeeting.Conflicts).Participant.Value);

        var last = (await Api.ListView(plenary)).Entries[^1].InscriptionId;
        await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{plenary}/speakers-list/moves",
            new { commandId = Guid.NewGuid(), inscriptionId = ghana, after = last, reason = "The minister sits at Round table II" }, Api.Json), HttpStatusCode.OK);

        Assert.Empty((await cleared.Task.WaitAsync(TimeSpan.FromSeconds(20))).Conflicts!);
        Assert.Empty((await Api.Get<ConflictsView>("/api/delegations/GHA/conflicts")).Conflicts);
        Assert.Empty((await Api.Get<ConflictsView>($"/api/meetings/{plenary}/conflicts")).Conflicts);
    }
}
