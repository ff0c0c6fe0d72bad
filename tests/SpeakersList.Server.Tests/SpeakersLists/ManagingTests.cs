using System.Net;
using System.Net.Http.Json;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.SpeakersLists;

public class Managing_the_list(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task An_officer_moves_an_entry_with_a_reason_and_the_move_holds()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");
        await Api.Inscribe(meeting, "FRA");
        var brazil = await Api.Inscribe(meeting, "BRA");

        await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/speakers-list/moves",
            new { commandId = Guid.NewGuid(), inscriptionId = brazil, after = (Guid?)null, reason = "leaves for the airport" }), HttpStatusCode.OK);
        await Api.Inscribe(meeting, "DEU", "headOfState");

        Assert.Equal(["BRA", "DEU", "GHA", "FRA"], await Api.SpeakingOrder(meeting));
        var entries = (await Api.ListView(meeting)).Entries;
        Assert.Contains("leaves for the airport", entries[0].Explanation);
    }

    [Fact]
    public async Task A_closed_list_refuses_inscriptions_until_reopened()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/speakers-list/close", new { commandId = Guid.NewGuid() }), HttpStatusCode.OK);

        var refused = await Api.Expect(await Api.TryInscribe(meeting, "GHA"), HttpStatusCode.Conflict);
        Assert.Contains("rule 73", refused["detail"]!.GetValue<string>());
        Assert.True((await Api.ListView(meeting)).Closed);

        await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/speakers-list/reopen", new { commandId = Guid.NewGuid() }), HttpStatusCode.OK);
        await Api.Inscribe(meeting, "GHA");
    }

    [Fact]
    public async Task Changing_a_time_limit_re_forecasts_the_list()
    {
        var meeting = await Api.ScheduleMeeting(start: "10:00");
        await Api.Inscribe(meeting, "GHA");
        await Api.Inscribe(meeting, "FRA");
        var list = await Api.ListView(meeting);
        var limits = list.Limits with { DelegationSeconds = 180, ChangeOverSeconds = 0 };

        await Api.Expect(await Api.Http.PutAsJsonAsync($"/api/meetings/{meeting}/speakers-list/time-limits", new { commandId = Guid.NewGuid(), limits }, Api.Json), HttpStatusCode.OK);

        var second = (await Api.ListView(meeting)).Entries[1];
        Assert.Equal(180, second.AllottedSeconds);
        Assert.Equal(Api.Day1 + TimeSpan.Parse("10:03"), second.EstimatedStart);
    }

    [Fact]
    public async Task A_time_limit_out_of_range_is_refused_and_changes_nothing()
    {
        var meeting = await Api.ScheduleMeeting();
        var limits = (await Api.ListView(meeting)).Limits with { DelegationSeconds = 2 };

        var problem = await Api.Expect(await Api.Http.PutAsJsonAsync($"/api/meetings/{meeting}/speakers-list/time-limits",
            new { commandId = Guid.NewGuid(), limits }, Api.Json), HttpStatusCode.UnprocessableEntity);

        Assert.Contains("between 30 seconds and 60 minutes", problem["detail"]!.GetValue<string>());
        Assert.Equal(300, (await Api.ListView(meeting)).Limits.DelegationSeconds);
    }

    [Fact]
    public async Task A_move_without_a_reason_gets_400()
    {
        var meeting = await Api.ScheduleMeeting();
        var ghana = await Api.Inscribe(meeting, "GHA");

        var problem = await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/speakers-list/moves",
            new { commandId = Guid.NewGuid(), inscriptionId = ghana, reason = "" }), HttpStatusCode.BadRequest);

        Assert.Contains("reason is required", problem["detail"]!.GetValue<string>());
    }
}
