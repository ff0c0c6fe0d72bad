using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Server.Forecasting;
using SpeakersList.Server.Forecasting.EstimatingStarts;
using SpeakersList.Server.Forecasting.LoadingHistory;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.Tests.Floor;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Tests.Forecasting;

/// <summary>The learned forecast on the live list, the forecaster over HTTP, the loaded history and the forecast's accuracy.</summary>
public class The_learned_forecast(SpeakersListApp app) : FloorTest(app)
{
    private async Task SetLimits(Guid meeting, int seconds, int changeOver) =>
        await Api.Expect(await Api.Http.PutAsJsonAsync($"/api/meetings/{meeting}/speakers-list/time-limits", new
        {
            commandId = Guid.NewGuid(),
            limits = new
            {
                delegationSeconds = seconds, groupSeconds = seconds, observerSeconds = seconds, nonStateSeconds = seconds, preArrangedSeconds = seconds,
                firstReplySeconds = seconds, secondReplySeconds = seconds, changeOverSeconds = changeOver,
            },
        }, Api.Json), HttpStatusCode.OK);

    private async Task Speak(Guid meeting, string from, string to)
    {
        Now(from);
        await Api.Floor(meeting, "next");
        await Api.Floor(meeting, "start");
        Now(to);
        await Api.Floor(meeting, "end");
    }

    private static List<SpeakersListEntryView> Waiting(SpeakersListView list) => list.Entries.Where(e => e.State == EntryState.Waiting).ToList();

    private static List<double> Gaps(List<SpeakersListEntryView> waiting)
    {
        var starts = waiting.Select(e => e.EstimatedStart!.Value).ToList();
        return starts.Zip(starts.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
    }

    [Fact]
    public async Task Three_speeches_that_overrun_a_30_second_limit_space_the_next_speakers_further_apart()
    {
        var meeting = await Api.ScheduleMeeting(start: "10:00", end: "10:20");
        await SetLimits(meeting, 30, 0);
        foreach (var code in new[] { "GHA", "FRA", "BRA", "DEU", "IND", "JPN", "KEN", "MEX" }) await Api.Inscribe(meeting, code);
        Now("10:00");
        await Api.Floor(meeting, "open");
        Assert.All(Gaps(Waiting(await Api.ListView(meeting))), gap => Assert.Equal(30, gap));

        // Each speaks a minute against a limit of 30 seconds.
        await Speak(meeting, "10:00", "10:01");
        await Speak(meeting, "10:01", "10:02");
        await Speak(meeting, "10:02", "10:03");

        var list = await Api.ListView(meeting);
        var waiting = Waiting(list);
        Assert.Equal(5, waiting.Count);
        Assert.All(Gaps(waiting), gap => Assert.InRange(gap, 40, 60));
        foreach (var entry in waiting)
        {
            var (median, late) = (entry.EstimatedStart!.Value, entry.LatestLikelyStart!.Value);
            Assert.True(late >= median, $"{late} is before {median}");
            Assert.InRange(entry.ReachProbability!.Value, 0.9, 1);
        }
        Assert.Equal(0, list.NotReached);

        // Replayed as at 10:00:30, before any overrun was heard, the list is forecast on the limits again.
        Assert.All(Gaps(Waiting(await Api.ListViewAt(meeting, Api.Day1 + TimeSpan.Parse("10:00:30")))), gap => Assert.Equal(30, gap));
    }

    [Fact]
    public async Task The_forecaster_answers_anyone_with_a_median_and_a_90th_percentile_per_waiting_speaker()
    {
        using var anonymous = App.CreateAnonymousClient();
        var history = Enumerable.Range(0, 40).Select(i => new
        {
            meetingId = new Guid(i % 4 + 1, 0, 0, new byte[8]), level = i % 2 == 0 ? "minister" : "headOfState", kind = "statement",
            onBehalfOfGroup = false, allottedSeconds = 300, usedSeconds = 300 * (1.3 + 0.05 * (i % 5)),
        });
        var response = await anonymous.PostAsJsonAsync("/api/forecasts/starts", new
        {
            changeOverSeconds = 30,
            history,
            heard = new[] { new { level = "minister", kind = "statement", onBehalfOfGroup = false, allottedSeconds = 300, usedSeconds = 420.0 } },
            waiting = Enumerable.Range(0, 6).Select(i => new { level = "minister", kind = "statement", onBehalfOfGroup = i == 3, allottedSeconds = 300 })
                .Append(new { level = "minister", kind = "rightOfReply", onBehalfOfGroup = false, allottedSeconds = 300 }),
        }, Api.Json);

        var starts = (await Api.Read<StartEstimates>(response)).Starts.Select(s => (P50: s.P50Seconds, P90: s.P90Seconds)).ToList();
        Assert.Equal(7, starts.Count);
        Assert.Equal((0, 0), starts[0]);
        Assert.InRange(starts[1].P50, 300 * 1.3 + 30, 300 * 1.6 + 30); // learned: ministers overrun by about 40 %
        Assert.All(starts, s => Assert.True(s.P90 >= s.P50));
    }

    [Theory]
    [InlineData("{\"changeOverSeconds\":30}", "waiting is required")]
    [InlineData("{\"changeOverSeconds\":30,\"waiting\":[{\"level\":\"emperor\",\"kind\":\"statement\",\"allottedSeconds\":300}]}", "level")]
    [InlineData("{\"changeOverSeconds\":30,\"waiting\":[{\"level\":\"minister\",\"kind\":\"statement\",\"allottedSeconds\":0}]}", "waiting[0]: allottedSeconds")]
    [InlineData("{\"changeOverSeconds\":-1,\"waiting\":[]}", "changeOverSeconds")]
    [InlineData("{\"changeOverSeconds\":30,\"history\":[{\"level\":\"minister\",\"kind\":\"statement\",\"allottedSeconds\":300,\"usedSeconds\":20}],\"waiting\":[]}", "history[0]: meetingId")]
    [InlineData("{\"changeOverSeconds\":30,\"waiting\":[", "not valid JSON")]
    [InlineData("{\"changeOverSeconds\":30,\"heard\":[],\"waiting\":[null]}", "waiting[0] is null")]
    public async Task A_bad_body_to_the_forecaster_gets_400_saying_what_is_wrong(string body, string detail)
    {
        using var anonymous = App.CreateAnonymousClient();

        var response = await anonymous.PostAsync("/api/forecasts/starts", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Contains(detail, (await Api.Expect(response, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_forecaster_is_limited_per_address_with_a_429_saying_so_but_officers_are_not()
    {
        var configuration = App.Services.GetRequiredService<IConfiguration>();
        var before = configuration["SpeakersList:Forecasts:StartsPerMinute"];
        configuration["SpeakersList:Forecasts:StartsPerMinute"] = "2";
        try
        {
            using var anonymous = App.CreateAnonymousClient();
            const string body = "{\"changeOverSeconds\":30,\"waiting\":[{\"kind\":\"statement\",\"allottedSeconds\":300}]}";
            var statuses = new List<HttpStatusCode>();
            HttpResponseMessage? last = null;
            for (var i = 0; i < 3; i++)
                statuses.Add((last = await anonymous.PostAsync("/api/forecasts/starts", new StringContent(body, Encoding.UTF8, "application/json"))).StatusCode);

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
            Assert.Equal("application/problem+json", last!.Content.Headers.ContentType?.MediaType);
            for (var i = 0; i < 3; i++)
                await Api.Expect(await Api.Http.PostAsync("/api/forecasts/starts", new StringContent(body, Encoding.UTF8, "application/json")), HttpStatusCode.OK);
        }
        finally
        {
            configuration["SpeakersList:Forecasts:StartsPerMinute"] = before ?? new ForecastLimits().StartsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_before_it_is_read()
    {
        using var anonymous = App.CreateAnonymousClient();
        var body = "{\"changeOverSeconds\":30,\"waiting\":[" + string.Join(",", Enumerable.Repeat("{\"kind\":\"statement\",\"allottedSeconds\":300}", 30_000)) + "]}";

        var response = await anonymous.PostAsync("/api/forecasts/starts", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private const string Record = """
        number,kind,participant,delegation,speakerName,speakerTitle,level,onBehalfOf,from,to,allottedSeconds,usedSeconds,overrunSeconds,pauses,pausedSeconds
        1,statement,FRA,France,"Macron, Emmanuel",President,headOfState,,2013-09-23T10:02:10-04:00,2013-09-23T10:25:10-04:00,900,1380,480,0,0
        2,pointOfOrder,CUB,Cuba,,,,,2013-09-23T10:25:40-04:00,2013-09-23T10:26:40-04:00,,60,0,0,0
        3,statement,GHA,Ghana,Speaker,Minister,minister,Group of 77 and China,2013-09-23T10:27:00-04:00,2013-09-23T10:45:00-04:00,900,1080,180,0,0
        4,rightOfReply,CUB,Cuba,Speaker,Ambassador,chairOfDelegation,,2013-09-23T10:46:00-04:00,2013-09-23T10:50:00-04:00,600,240,0,0,0
        """;

    [Fact]
    public async Task Officers_load_a_record_as_history_list_it_and_clear_it()
    {
        var loaded = await Api.Read<LoadedHistoryView>(await Api.Http.PostAsync("/api/forecasts/history", new StringContent(Record, Encoding.UTF8, "text/csv")));
        Assert.Equal((1, 3), (loaded.Records, loaded.Speeches));
        // The same file again is kept once.
        await Api.Expect(await Api.Http.PostAsync("/api/forecasts/history", new StringContent(Record, Encoding.UTF8, "text/csv")), HttpStatusCode.OK);
        Assert.Equal(1, (await Api.Get<LoadedHistoryView>("/api/forecasts/history")).Records);

        using var anonymous = App.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/forecasts/history", new StringContent(Record, Encoding.UTF8, "text/csv"))).StatusCode);

        var cleared = await Api.Read<LoadedHistoryView>(await Api.Http.DeleteAsync("/api/forecasts/history"));
        Assert.Equal(0, cleared.Records);
        Assert.Equal(0, (await Api.Get<LoadedHistoryView>("/api/forecasts/history")).Speeches);
    }

    [Fact]
    public async Task A_loaded_history_of_overruns_spaces_a_new_meeting_s_list_before_anyone_speaks_until_it_is_cleared()
    {
        var meeting = await Api.ScheduleMeeting(start: "10:00", end: "13:00");
        foreach (var code in new[] { "GHA", "FRA", "BRA", "DEU" }) await Api.Inscribe(meeting, code);
        var header = "number,kind,participant,delegation,speakerName,speakerTitle,level,onBehalfOf,from,to,allottedSeconds,usedSeconds,overrunSeconds,pauses,pausedSeconds\n";
        var lines = Enumerable.Range(1, 8).Select(i => $"{i},statement,X{i},X,S,M,minister,,2013-09-20T10:00:00-04:00,2013-09-20T10:07:30-04:00,300,{440 + i * 3},150,0,0");

        await Api.Expect(await Api.Http.PostAsync("/api/forecasts/history", new StringContent(header + string.Join("\n", lines), Encoding.UTF8, "text/csv")), HttpStatusCode.OK);

        Assert.All(Gaps(Waiting(await Api.ListView(meeting))), gap => Assert.InRange(gap, 300 * 1.35 + 30, 300 * 1.6 + 30));
        await Api.Expect(await Api.Http.DeleteAsync("/api/forecasts/history"), HttpStatusCode.OK);
        Assert.All(Gaps(Waiting(await Api.ListView(meeting))), gap => Assert.Equal(330, gap));
    }

    [Theory]
    [InlineData(",900,1080,180,", ",900,long,180,", "line 4: usedSeconds 'long' is not a number")]
    [InlineData("2,pointOfOrder,CUB,Cuba,,,,,", "2,statement,CUB,Cuba,,,emperor,,", "line 3: level 'emperor' is not a level")]
    [InlineData("usedSeconds,overrunSeconds", "used,overrunSeconds", "line 1: the header has no column usedSeconds")]
    [InlineData(",President,headOfState,", ",\"President\" ,headOfState,", "line 2: text after the closing quote")]
    [InlineData(",Minister,minister,Group", ",Min\"ister,minister,Group", "line 4: a quote inside an unquoted field")]
    [InlineData("4,rightOfReply,CUB,Cuba,Speaker", "4,rightOfReply,CUB,Cuba,\"Speaker", "line 5: a quoted field is never closed")]
    [InlineData("2,pointOfOrder,CUB,Cuba,,,,,", "2,pointOfOrder,CUB,Cuba,,,,", "line 3: 14 fields where the header has 15")]
    public async Task A_bad_line_in_a_loaded_record_gets_400_naming_the_line(string replace, string with, string detail)
    {
        var response = await Api.Http.PostAsync("/api/forecasts/history", new StringContent(Record.Replace(replace, with), Encoding.UTF8, "text/csv"));

        Assert.Contains(detail, (await Api.Expect(response, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
        Assert.Equal(0, (await Api.Get<LoadedHistoryView>("/api/forecasts/history")).Records);
    }

    [Fact]
    public async Task The_accuracy_of_a_meeting_is_rebuilt_by_replay_beside_the_naive_forecast()
    {
        var meeting = await Api.ScheduleMeeting(start: "10:00", end: "13:00");
        foreach (var code in new[] { "GHA", "FRA", "BRA", "DEU", "IND", "JPN" }) await Api.Inscribe(meeting, code);
        Now("10:00");
        await Api.Floor(meeting, "open");
        // Every minister speaks ten minutes against five.
        await Speak(meeting, "10:00", "10:10");
        await Speak(meeting, "10:10:30", "10:20:30");
        await Speak(meeting, "10:21", "10:31");
        await Speak(meeting, "10:31:30", "10:41:30");
        await Speak(meeting, "10:42", "10:52");

        var accuracy = await Api.Get<ForecastAccuracyView>($"/api/meetings/{meeting}/forecast-accuracy");

        var speakers = accuracy.Speakers;
        Assert.Equal(5, speakers.Count);
        var fifth = speakers[4];
        Assert.Equal(Api.Day1 + TimeSpan.Parse("10:42"), fifth.ActualStart);
        // Half an hour before (10:12), two speeches had run double: the learned forecast is nearer than the limits.
        var said = fifth.Before30!;
        Assert.True(Math.Abs(said.ErrorSeconds) < Math.Abs(said.NaiveErrorSeconds));
        var totals = accuracy.Totals;
        Assert.True(totals.LearnedMaeSeconds!.Value < totals.NaiveMaeSeconds!.Value);
        Assert.InRange(totals.ShareBeforeLatestLikely!.Value, 0, 1);

        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.GetAsync($"/api/meetings/{Guid.NewGuid()}/forecast-accuracy")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.GetAsync($"/api/programme/forecast-accuracy?conferenceId={Guid.NewGuid()}")).StatusCode);
    }
}
