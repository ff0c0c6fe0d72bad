using SpeakersList.Domain.Tests.Floor;
using SpeakersList.SpeakersLists;
using static SpeakersList.SpeakersLists.LevelOfRepresentation;

namespace SpeakersList.Domain.Tests.SpeakersLists;

public class Learned_speaking_times
{
    private static readonly SpeechCategory MinisterStatement = new(EntryKind.Statement, false, Minister);
    private static readonly SpeechCategory HeadOfStateStatement = new(EntryKind.Statement, false, HeadOfState);

    private static ListOfSpeakers ListOf(int speakers, string end = "13:00")
    {
        var list = Given.Plenary("10:00", end);
        var codes = new[] { "GHA", "FRA", "BRA", "DEU", "IND", "JPN", "KEN", "MEX", "NOR", "PER", "QAT", "SEN" };
        for (var i = 0; i < speakers; i++) list = list.Inscribed(codes[i], Minister, $"09:00:{i:00}");
        return list;
    }

    /// <summary>Meetings of the past: ministers' statements that ran <paramref name="ratio"/> times their limit, give or take.</summary>
    private static List<SpokenSpeech> History(double ratio, int meetings = 6, DateTimeOffset? at = null)
    {
        var history = new List<SpokenSpeech>();
        for (var m = 0; m < meetings; m++)
        {
            var meeting = new Guid(m + 1, 0, 0, new byte[8]);
            for (var i = 0; i < 10; i++)
                history.Add(new SpokenSpeech(meeting, i % 3 == 0 ? HeadOfStateStatement : MinisterStatement, 300,
                    300 * ratio * (1 + 0.1 * ((i * 7 + m * 3) % 5 - 2)) * (1 + 0.05 * (m % 3 - 1)), at));
        }
        return history;
    }

    [Fact]
    public void With_no_history_the_median_is_the_limits_added_up()
    {
        var list = ListOf(4);

        var learned = Forecast.Of(list, list.ScheduledStart, SpeakingTimeModel.Learn([]));

        Assert.Equal([Given.At("10:00"), Given.At("10:05:30"), Given.At("10:11"), Given.At("10:16:30")],
            learned.Entries.Select(x => x.EstimatedStart!.Value));
    }

    [Fact]
    public void A_meeting_whose_speakers_all_overrun_by_half_moves_the_later_medians_toward_it()
    {
        var list = ListOf(8).Opened("10:00");
        var before = Forecast.Of(list, Forecast.NextFree(list));
        // Three ministers each speak 7:30 against a limit of 5:00.
        list = list.Heard("10:00", "10:07:30").Heard("10:08", "10:15:30").Heard("10:16", "10:23:30");

        var after = Forecast.Of(list, Forecast.NextFree(list));

        var gaps = Gaps(after);
        Assert.All(gaps, gap => Assert.InRange(gap, 330 + 60, 450 + 30)); // well beyond the limit, at most the overrun
        Assert.All(Gaps(before), gap => Assert.Equal(330, gap));
    }

    [Fact]
    public void A_history_of_overruns_lengthens_the_forecast_before_anyone_has_spoken()
    {
        var list = ListOf(6);

        var learned = Forecast.Of(list, list.ScheduledStart, SpeakingTimeModel.Learn(History(1.4)));

        Assert.All(Gaps(learned), gap => Assert.InRange(gap, 300 * 1.25 + 30, 300 * 1.55 + 30));
    }

    [Fact]
    public void The_latest_likely_start_is_never_before_the_median_and_the_gap_grows_down_the_list()
    {
        var list = ListOf(12).Opened("10:00").Heard("10:00", "10:06").Heard("10:06:30", "10:10");

        foreach (var model in new[] { SpeakingTimeModel.Limits, SpeakingTimeModel.Learn(History(1.2)) })
        {
            var waiting = Forecast.Of(list, Forecast.NextFree(list), model).Entries.Where(x => x.EstimatedStart is not null).ToList();
            var spread = waiting.Select(x => (x.LatestLikelyStart!.Value - x.EstimatedStart!.Value).TotalSeconds).ToList();
            Assert.All(spread, s => Assert.True(s >= 0));
            Assert.Equal(0, spread[0]); // the next speaker starts when the floor is free
            for (var i = 2; i < spread.Count; i++) Assert.True(spread[i] > spread[i - 1], $"the range of slot {i} is not wider than the one before");
        }
    }

    [Fact]
    public void The_chance_of_being_reached_falls_down_the_list_and_not_reached_counts_those_below_one_half()
    {
        var list = ListOf(12, end: "10:45");

        var forecast = Forecast.Of(list, list.ScheduledStart);

        var chances = forecast.Entries.Select(x => x.ReachProbability!.Value).ToList();
        for (var i = 1; i < chances.Count; i++) Assert.True(chances[i] <= chances[i - 1]);
        Assert.Equal(1, chances[0]);
        Assert.Equal(chances.Count(c => c < 0.5), forecast.NotReached);
        Assert.InRange(forecast.NotReached, 2, 6);
        Assert.Equal($"About {forecast.NotReached} speakers will likely not be reached by 10:45.", forecast.NotReachedNotice(list.Meeting.Details.Venue()));
    }

    [Fact]
    public void A_replay_at_a_past_moment_uses_only_the_speeches_recorded_before_it()
    {
        var moment = Given.At("12:00");
        var history = History(1.0, at: Given.At("11:00")).Concat(History(2.0, meetings: 3, at: Given.At("12:30"))
            .Select(s => s with { MeetingId = Guid.NewGuid() })).ToList();
        var list = ListOf(6).Opened("10:00").Heard("10:00", "10:05");
        var atMoment = list; // nothing else happened in this meeting by 12:00
        var later = list.Heard("12:10", "12:25");

        var replayed = Forecast.Of(atMoment, Forecast.NextFree(atMoment), SpeakingTimeModel.Learn(history, before: moment));
        var onlyEarlier = Forecast.Of(atMoment, Forecast.NextFree(atMoment), SpeakingTimeModel.Learn(history.Where(s => s.At <= moment)));
        var withAll = Forecast.Of(later, Forecast.NextFree(later), SpeakingTimeModel.Learn(history));

        Assert.Equal(onlyEarlier.Entries.Select(x => (x.EstimatedStart, x.LatestLikelyStart)), replayed.Entries.Select(x => (x.EstimatedStart, x.LatestLikelyStart)));
        Assert.NotEqual(Gaps(withAll)[0], Gaps(replayed)[0]);
    }

    [Fact]
    public void The_model_is_deterministic_whatever_order_the_history_comes_in()
    {
        var history = History(1.3).Concat(History(0.8, meetings: 2).Select(s => s with { MeetingId = Guid.Empty })).ToList();
        var shuffled = history.OrderBy(s => s.UsedSeconds * 7919 % 13).ThenByDescending(s => s.MeetingId).ToList();
        var waiting = Enumerable.Range(0, 10).Select(_ => new WaitingSpeech(MinisterStatement, 300)).ToList();
        var heard = new[] { new SpokenSpeech(Guid.NewGuid(), MinisterStatement, 300, 410) };

        var first = SpeakingTimeModel.Learn(history).Starts(heard, waiting, 30);
        var second = SpeakingTimeModel.Learn(shuffled).Starts(heard, waiting, 30);

        Assert.Equal(first.Select(x => (x.P50Seconds, x.P90Seconds)), second.Select(x => (x.P50Seconds, x.P90Seconds)));
    }

    [Fact]
    public void A_length_known_in_advance_adds_exactly_itself()
    {
        var model = SpeakingTimeModel.Learn(History(1.3));
        var waiting = new[] { new WaitingSpeech(MinisterStatement, 300, KnownSeconds: 240), new WaitingSpeech(MinisterStatement, 300, KnownSeconds: 120),
            new WaitingSpeech(MinisterStatement, 300) };

        var starts = model.Starts([], waiting, 30);

        Assert.Equal((270, 270), (starts[1].P50Seconds, starts[1].P90Seconds));
        Assert.Equal((420, 420), (starts[2].P50Seconds, starts[2].P90Seconds));
    }

    [Fact]
    public void Heads_of_state_who_overran_in_the_past_are_expected_longer_than_ministers()
    {
        var history = History(1.0).Select(s => s.Category == HeadOfStateStatement ? s with { UsedSeconds = s.UsedSeconds * 1.5 } : s).ToList();

        var model = SpeakingTimeModel.Learn(history);

        Assert.InRange(Math.Exp(model.LogMedianRatio(HeadOfStateStatement) - model.LogMedianRatio(MinisterStatement)), 1.3, 1.6);
        Assert.Equal(model.LogMedianRatio(new SpeechCategory(EntryKind.Statement, false, null)), model.LogMedianRatio(new SpeechCategory(EntryKind.Statement, false, ViceMinister)));
    }

    private static List<double> Gaps(ListForecast forecast)
    {
        var starts = forecast.Entries.Where(x => x.EstimatedStart is not null).Select(x => x.EstimatedStart!.Value).ToList();
        return starts.Zip(starts.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
    }
}
