using System.Net;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Tests.Floor;

/// <summary>A whole plenary driven over HTTP, with the service's clock moved by hand.</summary>
public class Running_a_plenary(SpeakersListApp app) : FloorTest(app)
{
    private void Now(string time) => App.Clock.SetUtcNow(Api.Day1 + TimeSpan.Parse(time));

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

        var floor = await Api.FloorView(meeting);
        Assert.Equal("scheduled", Text(floor, "status"));
        Assert.Null(floor["currentSpeaker"]);
        Assert.Equal(7, Number(floor, "version"));
        Assert.Equal(["FRA", "GHA", "BRA", "DEU", "JPN"], floor["next"]!.AsArray().Select(x => Text(x!, "participant")));
        Assert.Equal(At("10:00"), Time(floor["next"]![0]!, "estimatedStart"));
        Assert.Equal(App.Clock.GetUtcNow(), Time(floor, "serverTime"));

        // Nothing happens on the floor before the meeting is opened.
        var refused = await Api.Expect(await Api.TryFloor(meeting, "next"), HttpStatusCode.Conflict);
        Assert.Contains("has not been opened", Text(refused, "detail"));

        // 10:02 the President opens the meeting: the forecast now starts from the floor.
        Now("10:02");
        floor = await Api.Floor(meeting, "open");
        Assert.Equal("inProgress", Text(floor, "status"));
        Assert.Equal(8, Number(floor, "version"));
        Assert.Equal(At("10:02"), EstimatedStart(await Api.SpeakersList(meeting), "FRA"));
        refused = await Api.Expect(await Api.TryFloor(meeting, "start"), HttpStatusCode.Conflict);
        Assert.Contains("Nobody has been called", Text(refused, "detail"));

        // France is called and speaks for three minutes.
        floor = await Api.Floor(meeting, "next");
        Assert.Equal("FRA", Text(floor["currentSpeaker"]!, "participant"));
        Assert.False(floor["started"]!.GetValue<bool>());
        Now("10:02:10");
        floor = await Api.Floor(meeting, "start");
        Assert.Equal(At("10:02:10"), Time(floor, "speechStartedAt"));
        Assert.Equal(0, floor["spokenSeconds"]!.GetValue<double>());
        Assert.False(floor["paused"]!.GetValue<bool>());
        Assert.Equal(300, Number(floor, "allottedSeconds"));
        Assert.Equal("GHA", Text(floor["next"]![0]!, "participant"));
        Assert.Equal(At("10:07:40"), Time(floor["next"]![0]!, "estimatedStart"));
        refused = await Api.Expect(await Api.TryFloor(meeting, "next"), HttpStatusCode.Conflict);
        Assert.Contains("France has the floor", Text(refused, "detail"));

        Now("10:05:10");
        floor = await Api.Floor(meeting, "end");
        Assert.Null(floor["currentSpeaker"]);
        var list = await Api.SpeakersList(meeting);
        Assert.Equal("heard", State(list, "FRA"));
        Assert.Equal(At("10:05:40"), EstimatedStart(list, "GHA"));
        var statistics = await Api.Statistics(meeting);
        Assert.Equal((1, 180.0, 300, 0), (Int(statistics, "speakersHeard"), Dbl(statistics, "spokenSeconds"), Int(statistics, "allottedSeconds"), Int(statistics, "overruns")));

        // Ghana speaks; at 10:07:40 Cuba rises to a point of order: the clock stops, and the debate waits.
        Now("10:05:40");
        await Api.Floor(meeting, "next");
        await Api.Floor(meeting, "start");
        Now("10:07:40");
        floor = await Api.Floor(meeting, "point-of-order", new JsonObject { ["participant"] = "CUB" });
        Assert.Equal("CUB", Text(floor["pointOfOrder"]!, "participant"));
        Assert.Equal(At("10:07:40"), Time(floor["pointOfOrder"]!, "since"));
        Assert.Equal("GHA", Text(floor["currentSpeaker"]!, "participant"));
        Assert.True(floor["paused"]!.GetValue<bool>());
        Assert.Null(floor["speechStartedAt"]);
        Assert.Equal(120, floor["spokenSeconds"]!.GetValue<double>());
        refused = await Api.Expect(await Api.TryFloor(meeting, "end"), HttpStatusCode.Conflict);
        Assert.Contains("point of order by Cuba", Text(refused, "detail"));
        Assert.DoesNotContain("CUB", await Api.SpeakingOrder(meeting));

        Now("10:09:00");
        floor = await Api.Floor(meeting, "resume");
        Assert.Null(floor["pointOfOrder"]);
        Assert.Equal(At("10:09:00"), Time(floor, "speechStartedAt"));
        Assert.Equal(120, floor["spokenSeconds"]!.GetValue<double>());
        Assert.Equal(At("10:12:30"), Time(floor["next"]![0]!, "estimatedStart"));
        Now("10:11:30");
        await Api.Floor(meeting, "end");
        statistics = await Api.Statistics(meeting);
        Assert.Equal((2, 450.0, 1, 80.0), (Int(statistics, "speakersHeard"), Dbl(statistics, "spokenSeconds"), Int(statistics, "pointsOfOrder"), Dbl(statistics, "pointsOfOrderSeconds")));
        var asAt1130 = await Api.SpeakersList(meeting);
        var floorAt1130 = await Api.FloorView(meeting);

        // Brazil overruns: the clock shows +0:42 and nothing cuts the speaker off.
        Now("10:12:00");
        await Api.Floor(meeting, "next");
        await Api.Floor(meeting, "start");
        Now("10:17:42");
        floor = await Api.FloorView(meeting);
        var remaining = Number(floor, "allottedSeconds") - floor["spokenSeconds"]!.GetValue<double>()
            - (Time(floor, "serverTime")!.Value - Time(floor, "speechStartedAt")!.Value).TotalSeconds;
        Assert.Equal(-42, remaining);
        Assert.Equal("+0:42", SpeakersList.Floor.SpeechClock.Format(TimeSpan.FromSeconds(remaining)));
        await Api.Floor(meeting, "end");
        statistics = await Api.Statistics(meeting);
        Assert.Equal((3, 1, 42.0), (Int(statistics, "speakersHeard"), Int(statistics, "overruns"), Dbl(statistics, "overrunSeconds")));

        // Germany is not in the room: back to the end of the list (the list's default policy).
        Now("10:18:12");
        floor = await Api.Floor(meeting, "next");
        Assert.Equal("DEU", Text(floor["currentSpeaker"]!, "participant"));
        floor = await Api.Floor(meeting, "absent");
        Assert.Null(floor["currentSpeaker"]);
        Assert.Equal(["FRA", "GHA", "BRA", "JPN", "IND", "DEU"], await Api.SpeakingOrder(meeting));
        Assert.Equal("waiting", State(await Api.SpeakersList(meeting), "DEU"));

        // Japan speaks with an extension, through a short suspension of the meeting.
        floor = await Api.Floor(meeting, "next");
        Assert.Equal("JPN", Text(floor["currentSpeaker"]!, "participant"));
        await Api.Floor(meeting, "start");
        Now("10:20:00");
        floor = await Api.Floor(meeting, "extend", new JsonObject { ["seconds"] = 60 });
        Assert.Equal(360, Number(floor, "allottedSeconds"));
        floor = await Api.Floor(meeting, "suspend");
        Assert.Equal("suspended", Text(floor, "status"));
        Assert.True(floor["paused"]!.GetValue<bool>());
        refused = await Api.Expect(await Api.TryFloor(meeting, "resume"), HttpStatusCode.Conflict);
        Assert.Contains("suspended", Text(refused, "detail"));
        Now("10:30:00");
        await Api.Floor(meeting, "resume-meeting");
        floor = await Api.Floor(meeting, "resume");
        Assert.Equal(108, floor["spokenSeconds"]!.GetValue<double>());
        Now("10:33:00");
        await Api.Floor(meeting, "end");

        // India is absent and, at the officer's word, will speak at the next meeting.
        Now("10:33:30");
        await Api.Floor(meeting, "next");
        await Api.Floor(meeting, "absent", new JsonObject { ["policy"] = "nextMeeting" });
        Assert.Equal("absent", State(await Api.SpeakersList(meeting), "IND"));

        // Germany, called again, is heard.
        await Api.Floor(meeting, "next");
        await Api.Floor(meeting, "start");
        Now("10:37:00");
        await Api.Floor(meeting, "end");

        // The meeting is adjourned, once.
        Now("10:38:00");
        floor = await Api.Floor(meeting, "adjourn");
        Assert.Equal("adjourned", Text(floor, "status"));
        refused = await Api.Expect(await Api.TryFloor(meeting, "adjourn"), HttpStatusCode.Conflict);
        Assert.Contains("already been adjourned", Text(refused, "detail"));

        list = await Api.SpeakersList(meeting);
        Assert.Equal(["heard", "heard", "heard", "heard", "absent", "heard"], list["entries"]!.AsArray().Select(x => Text(x!, "state")));
        statistics = await Api.Statistics(meeting);
        Assert.Equal("adjourned", Text(statistics, "status"));
        Assert.Equal((5, 1, 1, 2), (Int(statistics, "speakersHeard"), Int(statistics, "overruns"), Int(statistics, "pointsOfOrder"), Int(statistics, "absentWhenCalled")));
        // 180 + 270 + 342 + 108+180 + 210 spoken, against 300 + 300 + 300 + 360 + 300 allotted.
        Assert.Equal((1290.0, 1560), (Dbl(statistics, "spokenSeconds"), Int(statistics, "allottedSeconds")));
        var weog = Group(statistics, "byRegionalGroup", "westernEuropeanAndOthers");
        Assert.Equal((2, 390.0), (Int(weog, "speakersHeard"), Dbl(weog, "spokenSeconds")));
        var latin = Group(statistics, "byRegionalGroup", "latinAmericanAndCaribbean");
        Assert.Equal((1, 1, 1), (Int(latin, "speakersHeard"), Int(latin, "overruns"), Int(latin, "pointsOfOrder")));
        Assert.Equal(5, Int(Group(statistics, "byCategory", "memberState"), "speakersHeard"));

        // The list and the floor as they stood at 10:11:30, rebuilt from the events.
        Assert.True(JsonNode.DeepEquals(asAt1130, await Api.SpeakersListAt(meeting, At("10:11:30"))), "the list as at 10:11:30 differs");
        Assert.True(JsonNode.DeepEquals(WithoutServerTime(floorAt1130), WithoutServerTime(await Api.FloorView(meeting, At("10:11:30")))),
            "the floor as at 10:11:30 differs");
        var beforeOpening = await Api.SpeakersListAt(meeting, At("09:30"));
        Assert.All(beforeOpening["entries"]!.AsArray(), x => Assert.Equal("waiting", Text(x!, "state")));
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

    private static string Text(JsonNode node, string name) => node[name]!.GetValue<string>();
    private static long Number(JsonNode node, string name) => node[name]!.GetValue<long>();
    private static int Int(JsonNode node, string name) => node[name]!.GetValue<int>();
    private static double Dbl(JsonNode node, string name) => node[name]!.GetValue<double>();
    private static DateTimeOffset? Time(JsonNode node, string name) => node[name]?.GetValue<DateTimeOffset>();

    private static JsonNode Entry(JsonObject list, string code) =>
        list["entries"]!.AsArray().Single(x => Text(x!, "participant") == code)!;

    private static string State(JsonObject list, string code) => Text(Entry(list, code), "state");

    private static DateTimeOffset? EstimatedStart(JsonObject list, string code) => Time(Entry(list, code), "estimatedStart");

    private static JsonNode Group(JsonObject statistics, string by, string group) =>
        statistics[by]!.AsArray().Single(x => Text(x!, "group") == group)!;
}
