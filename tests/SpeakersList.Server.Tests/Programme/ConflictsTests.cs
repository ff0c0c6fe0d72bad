using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
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

        var onTheMeeting = await Api.Expect(await Api.Http.GetAsync($"/api/meetings/{morning}/conflicts"), HttpStatusCode.OK);
        Assert.Equal("FRA", Assert.Single(onTheMeeting["conflicts"]!.AsArray())!["participant"]!.GetValue<string>());
        var ofFrance = await Api.Expect(await Api.Http.GetAsync("/api/delegations/FRA/conflicts"), HttpStatusCode.OK);
        var conflict = Assert.Single(ofFrance["conflicts"]!.AsArray())!;
        Assert.Equal(new[] { morning, same }.Order(), new[] { conflict["slot"]!["meetingId"]!.GetValue<Guid>(), conflict["other"]!["meetingId"]!.GetValue<Guid>() }.Order());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_delegations_agenda_and_its_push_hold_the_meetings_outside_the_programme_and_their_conflict(bool programmeImported)
    {
        if (programmeImported) await Api.ImportSeedProgramme();
        await using var hub = App.CreateHubConnection();
        var pushed = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonObject>("agendaChanged", agenda => { if (agenda["conflicts"]!.AsArray().Count == 1) pushed.TrySetResult(agenda); });
        await hub.StartAsync();
        var before = await hub.InvokeAsync<JsonObject>("SubscribeToAgenda", "FRA");

        var morning = await Api.ScheduleMeeting(title: "Informal consultation", room: "Conference Room 11", day: Api.Day1.AddDays(5));
        var same = await Api.ScheduleMeeting(title: "Briefing", room: "Conference Room 12", day: Api.Day1.AddDays(5));
        await Api.Inscribe(morning, "FRA");
        await Api.Inscribe(same, "FRA");

        Assert.Empty(before["items"]!.AsArray());
        var agenda = await Api.Expect(await Api.Http.GetAsync("/api/delegations/FRA/agenda"), HttpStatusCode.OK);
        Assert.Equal(new[] { morning, same }.Order(), agenda["items"]!.AsArray().Select(i => i!["meetingId"]!.GetValue<Guid>()).Order());
        var ofFrance = await Api.Expect(await Api.Http.GetAsync("/api/delegations/FRA/conflicts"), HttpStatusCode.OK);
        Assert.Equal(ofFrance["conflicts"]!.ToJsonString(), agenda["conflicts"]!.ToJsonString());
        Assert.Single(agenda["conflicts"]!.AsArray());
        Assert.Single((await pushed.Task.WaitAsync(TimeSpan.FromSeconds(20)))["conflicts"]!.AsArray());
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
        var reported = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cleared = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonObject>("agendaChanged", agenda =>
        {
            var count = agenda["conflicts"]!.AsArray().Count;
            if (count == 1) reported.TrySetResult(agenda);
            else if (count == 0 && reported.Task.IsCompleted) cleared.TrySetResult(agenda);
        });
        await hub.StartAsync();
        Assert.Empty((await hub.InvokeAsync<JsonObject>("SubscribeToAgenda", "GHA"))["conflicts"]!.AsArray());

        await Api.Expect(await Api.TryAllocateSeat(ids["RT-II"], "GHA"), HttpStatusCode.Created);

        var pushed = (await reported.Task.WaitAsync(TimeSpan.FromSeconds(20)))["conflicts"]![0]!;
        Assert.Equal(ghana, pushed["slot"]!["inscriptionId"]!.GetValue<Guid>());
        Assert.Equal((ids["RT-II"], "roundTableSeat"), (pushed["other"]!["meetingId"]!.GetValue<Guid>(), pushed["other"]!["kind"]!.GetValue<string>()));
        var conflicts = await Api.Expect(await Api.Http.GetAsync("/api/delegations/GHA/conflicts"), HttpStatusCode.OK);
        var conflict = Assert.Single(conflicts["conflicts"]!.AsArray())!;
        Assert.Equal(10, conflicts["walkingMinutes"]!.GetValue<int>());
        Assert.StartsWith("The speaking slot at", conflict["explanation"]!.GetValue<string>());
        Assert.Contains("allowing 10 minutes to walk between the rooms", conflict["explanation"]!.GetValue<string>());
        // The only places out of the round table's time (and its walk) are at the end of the list.
        Assert.Equal(["SWE"], conflict["swaps"]!.AsArray().Select(s => s!["withParticipant"]!.GetValue<string>()));
        var onTheMeeting = await Api.Expect(await Api.Http.GetAsync($"/api/meetings/{plenary}/conflicts"), HttpStatusCode.OK);
        Assert.Equal("GHA", Assert.Single(onTheMeeting["conflicts"]!.AsArray())!["participant"]!.GetValue<string>());

        var last = (await Api.SpeakersList(plenary))["entries"]!.AsArray().Last()!["inscriptionId"]!.GetValue<Guid>();
        await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{plenary}/speakers-list/moves",
            new { commandId = Guid.NewGuid(), inscriptionId = ghana, after = last, reason = "The minister sits at Round table II" }, Api.Json), HttpStatusCode.OK);

        Assert.Empty((await cleared.Task.WaitAsync(TimeSpan.FromSeconds(20)))["conflicts"]!.AsArray());
        Assert.Empty((await Api.Expect(await Api.Http.GetAsync("/api/delegations/GHA/conflicts"), HttpStatusCode.OK))["conflicts"]!.AsArray());
        Assert.Empty((await Api.Expect(await Api.Http.GetAsync($"/api/meetings/{plenary}/conflicts"), HttpStatusCode.OK))["conflicts"]!.AsArray());
    }
}
