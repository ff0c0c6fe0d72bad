using System.Net;
using System.Net.Http.Json;
using SpeakersList.Server.SpeakersLists.Replying;
using SpeakersList.Server.SpeakersLists.Swapping;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.SpeakersLists;

public class Swapping_and_replying(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_swap_is_proposed_accepted_and_approved_step_by_step()
    {
        var meeting = await Api.ScheduleMeeting();
        var ghana = await Api.Inscribe(meeting, "GHA");
        await Api.Inscribe(meeting, "FRA");
        var brazil = await Api.Inscribe(meeting, "BRA");

        var opened = await Api.Read<SwapOpened>(await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/swaps",
            new { commandId = Guid.NewGuid(), inscriptionId = ghana, withInscriptionId = brazil }), HttpStatusCode.Created);
        var swap = opened.SwapId;

        var early = await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/swaps/{swap}/approve",
            new { commandId = Guid.NewGuid() }), HttpStatusCode.Conflict);
        Assert.Contains("has not accepted", early["detail"]!.GetValue<string>());
        Assert.Equal(["GHA", "FRA", "BRA"], await Api.SpeakingOrder(meeting));

        await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/swaps/{swap}/accept", new { commandId = Guid.NewGuid() }), HttpStatusCode.OK);
        await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/swaps/{swap}/approve", new { commandId = Guid.NewGuid() }), HttpStatusCode.OK);

        Assert.Equal(["BRA", "FRA", "GHA"], await Api.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task A_right_of_reply_asked_in_the_morning_is_heard_at_the_end_of_the_afternoon_meeting()
    {
        var morning = await Api.ScheduleMeeting(title: "Plenary 1", start: "10:00", end: "13:00");
        var afternoon = await Api.ScheduleMeeting(title: "Plenary 2", start: "15:00", end: "18:00");
        await Api.Inscribe(afternoon, "GHA");

        var first = await Api.Read<RightOfReplyScheduled>(await Api.Http.PostAsJsonAsync($"/api/meetings/{morning}/rights-of-reply",
            new { commandId = Guid.NewGuid(), participant = "ARM", speakerName = "A. Speaker", speakerTitle = "Ambassador" }), HttpStatusCode.Created);
        var second = await Api.Read<RightOfReplyScheduled>(await Api.Http.PostAsJsonAsync($"/api/meetings/{morning}/rights-of-reply",
            new { commandId = Guid.NewGuid(), participant = "ARM", speakerName = "A. Speaker", speakerTitle = "Ambassador" }), HttpStatusCode.Created);
        var third = await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{morning}/rights-of-reply",
            new { commandId = Guid.NewGuid(), participant = "ARM", speakerName = "A. Speaker", speakerTitle = "Ambassador" }), HttpStatusCode.Conflict);

        Assert.Equal(afternoon, first.MeetingId);
        Assert.Equal([600, 300], new[] { first, second }.Select(x => x.AllottedSeconds));
        Assert.Contains("two rights of reply", third["detail"]!.GetValue<string>());
        Assert.Equal(["GHA", "ARM", "ARM"], await Api.SpeakingOrder(afternoon));
        Assert.Empty(await Api.SpeakingOrder(morning));
    }
}
