using System.Net;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Floor;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Tests.Floor;

/// <summary>A whole plenary driven over HTTP, with the service's clock moved by hand.</summary>
public class Running_a_plenary(SpeakersListApp app) : FloorTest(app)
{
    private static DateTimeOffset At(string time) => Api.Day1 + TimeSpan.Parse(time);

    [Fact]
    public async Task Speakers_are_called_interrupted_overrun_found_absent_and_the_meeting_adjourned()
    {
        // Inscriptions before the meeting: France (Head of State) goes first by protocol.
        var meeting = await Api.ScheduleMeeting(start: "10:00", end: "13:00");
        foreach (var (code, level) in new[] { ("GHA", "minister"), ("FRA", "headOfState"), ("BRA", "minister"), ("DEU", "minister"), ("JPN", "chairOfDelegation"), ("IND", "chairOfDelegation") })
        {
            App.Clock.Advance(TimeSpan.FromSeconds(1));
            await Api.Inscribe(meeting, code, level);
        }
        Assert.Equal(["FRA", "GHA", "BRA", "DEU", "JPN", "IND"], await Api.SpeakingOrder(meeting));

        var floor = await Api.FloorOf(meeting);
        Assert.Equal(MeetingStatus.Scheduled, floor.Status);
        Assert.Null(floor.CurrentSpeaker);
        Assert.Equal(7, floor.Version);
        Assert.Equal(["FRA", "GHA", "BRA", "DEU", "JPN"], floor.Next.Select(x => x.Participant.Value));
        Assert.Equal(At("10:00"), floor.Next[0].EstimatedStart);
        Assert.Equal(App.Clock.GetUtcNow(), floor.ServerTime);

        // Nothing happens on the floor before the meeting is opened.
        var refused = await Api.Expect(await Api.TryFloor(meeting, "next"), HttpStatusCode.Conflict);
        Assert.Contains("has not been opened", Text(refused, "detail"));

        // 10:02 the President opens the meeting: the forecast now starts from the floor.
        Now("10:02");
        floor = await Api.FloorCommand(meeting, "open");
        Assert.Equal(MeetingStatus.InProgress, floor.Status);
        Assert.Equal(8, floor.Version);
        Assert.Equal(At("10:02"), Entry(await Api.ListView(meeting), "FRA").EstimatedStart);
        refused = await Api.Expect(await Api.TryFloor(meeting, "start"), HttpStatusCode.Conflict);
        Assert.Contains("Nobody has been called", Text(refused, "detail"));

        // France is called and speaks for three minutes.
        floor = await Api.FloorCommand(meeting, "next");
        Assert.Equal("FRA", Speaking(floor));
        Assert.False(floor.Started);
        Now("10:02:10");
        floor = await Api.FloorCommand(meeting, "start");
        Assert.Equal(At("10:02:10"), floor.SpeechStartedAt);
        Assert.Equal(0, floor.SpokenSeconds);
        Assert.False(floor.Paused);
        Assert.Equal(300, floor.AllottedSeconds);
        Assert.Equal("GHA", floor.Next[0].Participant.Value);
        Assert.Equal(At("10:07:40"), floor.Next[0].EstimatedStart);
        refused = await Api.Expect(await Api.TryFloor(meeting, "next"), HttpStatusCode.Conflict);
        Assert.Contains("France has the floor", Text(refused, "detail"));

        Now("10:05:10");
        floor = await Api.FloorCommand(meeting, "end");
        Assert.Null(floor.CurrentSpeaker);
        var list = await Api.ListView(meeting);
        Assert.Equal(EntryState.Heard, Entry(list, "FRA").State);
        Assert.Equal(At("10:05:40"), Entry(list, "GHA").EstimatedStart);
        var statistics = await Api.StatisticsOf(meeting);
        Assert.Equal((1, 180.0, 300, 0), (statistics.SpeakersHeard, statistics.SpokenSeconds, statistics.AllottedSeconds, statistics.Overruns));

        // Ghana speaks; at 10:07:40 Cuba rises to a point of order: the clock stops, and the debate waits.
        Now("10:05:40");
        await Api.FloorCommand(meeting, "next");
        await Api.FloorCommand(meeting, "start");
        Now("10:07:40");
        floor = await Api.FloorCommand(meeting, "point-of-order", new JsonObject { ["participant"] = "CUB" });
        Assert.Equal("CUB", floor.PointOfOrder?.Participant.Value);
        Assert.Equal(At("10:07:40"), floor.PointOfOrder?.Since);
        Assert.Equal("GHA", Speaking(floor));
        Assert.True(floor.Paused);
        Assert.Null(floor.SpeechStartedAt);
        Assert.Equal(120, floor.SpokenSeconds);
        refused = await Api.Expect(await Api.TryFloor(meeting, "end"), HttpStatusCode.Conflict);
        Assert.Contains("point of order by Cuba", Text(refused, "detail"));
        Assert.DoesNotContain("CUB", await Api.SpeakingOrder(meeting));

        Now("10:09:00");
        floor = await Api.FloorCommand(meeting, "resume");
        Assert.Null(floor.PointOfOrder);
        Assert.Equal(At("10:09:00"), floor.SpeechStartedAt);
        Assert.Equal(120, floor.SpokenSeconds);
        Assert.Equal(At("10:12:30"), floor.Next[0].EstimatedStart);
        Now("10:11:30");
        await Api.FloorCommand(meeting, "end");
        statistics = await Api.StatisticsOf(meeting);
        Assert.Equal((2, 450.0, 1, 80.0), (statistics.SpeakersHeard, statistics.SpokenSeconds, statistics.PointsOfOrder, statistics.PointsOfOrderSeconds));
        var asAt1130 = await Api.SpeakersList(meeting);
        var floorAt1130 = await Api.FloorView(meeting);

        // Brazil overruns: the clock shows +0:42 and nothing cuts the speaker off.
        Now("10:12:00");
        await Api.FloorCommand(meeting, "next");
        await Api.FloorCommand(meeting, "start");
        Now("10:17:42");
        floor = await Api.FloorOf(meeting);
        var remaining = floor.AllottedSeconds!.Value - floor.SpokenSeconds - (floor.ServerTime - floor.SpeechStartedAt!.Value).TotalSeconds;
        Assert.Equal(-42, remaining);
        Assert.Equal("+0:42", SpeakersList.Floor.SpeechClock.Format(TimeSpan.FromSeconds(remaining)));
        await Api.FloorCommand(meeting, "end");
        statistics = await Api.StatisticsOf(meeting);
        Assert.Equal((3, 1, 42.0), (statistics.SpeakersHeard, statistics.Overruns, statistics.OverrunSeconds));

        // Germany is not in the room: back to the end of the list (the list's default policy).
        Now("10:18:12");
        floor = await Api.FloorCommand(meeting, "next");
        Assert.Equal("DEU", Speaking(floor));
        floor = await Api.FloorCommand(meeting, "absent");
        Assert.Null(floor.CurrentSpeaker);
        Assert.Equal(["FRA", "GHA", "BRA", "JPN", "IND", "DEU"], await Api.SpeakingOrder(meeting));
        Assert.Equal(EntryState.Waiting, Entry(await Api.ListView(meeting), "DEU").State);

        // Japan speaks with an extension, through a short suspension of the meeting.
        floor = await Api.FloorCommand(meeting, "next");
        Assert.Equal("JPN", Speaking(floor));
        await Api.FloorCommand(meeting, "start");
        Now("10:20:00");
        floor = await Api.FloorCommand(meeting, "extend", new JsonObject { ["seconds"] = 60 });
        Assert.Equal(360, floor.AllottedSeconds);
        floor = await Api.FloorCommand(meeting, "suspend");
        Assert.Equal(MeetingStatus.Suspended, floor.Status);
        Assert.True(floor.Paused);
        refused = await Api.Expect(await Api.TryFloor(meeting, "resume"), HttpStatusCode.Conflict);
        Assert.Contains("suspended", Text(refused, "detail"));
        Now("10:30:00");
        await Api.FloorCommand(meeting, "resume-meeting");
        floor = await Api.FloorCommand(meeting, "resume");
        Assert.Equal(108, floor.SpokenSeconds);
        Now("10:33:00");
        await Api.FloorCommand(meeting, "end");

        // India is absent and, at the officer's word, will speak at the next meeting.
        Now("10:33:30");
        await Api.FloorCommand(meeting, "next");
        await Api.FloorCommand(meeting, "absent", new JsonObject { ["policy"] = "nextMeeting" });
        Assert.Equal(EntryState.Absent, Entry(await Api.ListView(meeting), "IND").State);

        // Germany, called again, is heard.
        await Api.FloorCommand(meeting, "next");
        await Api.FloorCommand(meeting, "start");
        Now("10:37:00");
        await Api.FloorCommand(meeting, "end");

        // The meeting is adjourned, once.
        Now("10:38:00");
        floor = await Api.FloorCommand(meeting, "adjourn");
        Assert.Equal(MeetingStatus.Adjourned, floor.Status);
        refused = await Api.Expect(await Api.TryFloor(meeting, "adjourn"), HttpStatusCode.Conflict);
        Assert.Contains("already been adjourned", Text(refused, "detail"));

        list = await Api.ListView(meeting);
        Assert.Equal([EntryState.Heard, EntryState.Heard, EntryState.Heard, EntryState.Heard, EntryState.Absent, EntryState.Heard], list.Entries.Select(x => x.State));
        statistics = await Api.StatisticsOf(meeting);
        Assert.Equal(MeetingStatus.Adjourned, statistics.Status);
        Assert.Equal((5, 1, 1, 2), (statistics.SpeakersHeard, statistics.Overruns, statistics.PointsOfOrder, statistics.AbsentWhenCalled));
        // 180 + 270 + 342 + 108+180 + 210 spoken, against 300 + 300 + 300 + 360 + 300 allotted.
        Assert.Equal((1290.0, 1560), (statistics.SpokenSeconds, statistics.AllottedSeconds));
        var weog = statistics.ByRegionalGroup.Single(x => x.Group == "westernEuropeanAndOthers");
        Assert.Equal((2, 390.0), (weog.SpeakersHeard, weog.SpokenSeconds));
        var latin = statistics.ByRegionalGroup.Single(x => x.Group == "latinAmericanAndCaribbean");
        Assert.Equal((1, 1, 1), (latin.SpeakersHeard, latin.Overruns, latin.PointsOfOrder));
        Assert.Equal(5, statistics.ByCategory.Single(x => x.Group == "memberState").SpeakersHeard);

        // The list and the floor as they stood at 10:11:30, rebuilt from the events.
        Assert.True(JsonNode.DeepEquals(asAt1130, await Api.SpeakersListAt(meeting, At("10:11:30"))), "the list as at 10:11:30 differs");
        Assert.True(JsonNode.DeepEquals(WithoutServerTime(floorAt1130), WithoutServerTime(await Api.FloorView(meeting, At("10:11:30")))),
            "the floor as at 10:11:30 differs");
        var beforeOpening = await Api.ListViewAt(meeting, At("09:30"));
        Assert.All(beforeOpening.Entries, x => Assert.Equal(EntryState.Waiting, x.State));
        Assert.Equal(404, (int)(await Api.Http.GetAsync($"/api/meetings/{meeting}/speakers-list?at=2013-09-23T10:00:00Z")).StatusCode);

        // A rebuild of the projection from the events gives identical read models.
        var before = await ReadModels(meeting);
        var store = App.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Delete<ListOfSpeakers>(meeting);
            await session.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.GetAsync($"/api/meetings/{meeting}/speakers-list")).StatusCode);
        await store.Advanced.RebuildSingleStreamAsync<ListOfSpeakers>(meeting);
        var after = await ReadModels(meeting);
        foreach (var (name, json) in before)
            Assert.True(JsonNode.DeepEquals(json, after[name]), $"{name} differs after the rebuild:\n{json}\n---\n{after[name]}");
    }

    private async Task<Dictionary<string, JsonNode?>> ReadModels(Guid meeting)
    {
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return new()
        {
            ["document"] = JsonNode.Parse(await session.Json.FindByIdAsync<ListOfSpeakers>(meeting) ?? "null"),
            ["speakers-list"] = await Api.SpeakersList(meeting),
            ["floor"] = WithoutServerTime(await Api.FloorView(meeting)),
            ["statistics"] = await Api.Statistics(meeting),
        };
    }

    private static JsonObject WithoutServerTime(JsonObject floor)
    {
        var copy = floor.DeepClone().AsObject();
        copy.Remove("serverTime");
        return copy;
    }

    // A refusal is a problem details document: its detail is read from the JSON as written.
    private static string Text(JsonNode node, string name) => node[name]!.GetValue<string>();

    private static string? Speaking(FloorView floor) => floor.CurrentSpeaker?.Participant.Value;

    private static SpeakersListEntryView Entry(SpeakersListView list, string code) => list.Entries.Single(x => x.Speaker.Participant.Value == code);
}
