using SpeakersList.SpeakersLists;
using static SpeakersList.SpeakersLists.LevelOfRepresentation;

namespace SpeakersList.Domain.Tests.SpeakersLists;

public class Forecasts
{
    [Fact]
    public void Each_speaker_is_expected_after_the_limits_of_those_before_plus_the_change_over()
    {
        var list = Given.Plenary("10:00", "13:00")
            .Inscribed("GHA", Minister, "09:00")
            .Inscribed("FRA", Minister, "09:01", onBehalfOf: "European Union")
            .Inscribed("BRA", Minister, "09:02");

        var forecast = Forecast.Of(list, list.ScheduledStart);

        Assert.Equal([Given.At("10:00"), Given.At("10:05:30"), Given.At("10:13:00")], forecast.Entries.Select(x => x.EstimatedStart!.Value));
        Assert.Equal([300, 420, 300], forecast.Entries.Select(x => x.AllottedSeconds));
    }

    [Fact]
    public void The_forecast_says_who_will_not_be_reached_before_the_scheduled_end()
    {
        var list = Given.Plenary("10:00", "10:20");
        foreach (var (code, i) in new[] { "GHA", "FRA", "BRA", "DEU", "IND", "JPN" }.Select((c, i) => (c, i)))
            list = list.Inscribed(code, Minister, $"09:00:0{i}");

        var forecast = Forecast.Of(list, list.ScheduledStart);

        // 10:00, 10:05:30, 10:11, 10:16:30 are reached; 10:22 and 10:27:30 are not.
        Assert.Equal(2, forecast.NotReached);
        Assert.Equal([true, true, true, true, false, false], forecast.Entries.Select(x => x.ReachedBeforeEnd));
        Assert.Equal("About 2 speakers will likely not be reached by 10:20.", forecast.NotReachedNotice(list.Meeting.Details.Venue()));
    }

    [Fact]
    public void Changing_a_limit_re_forecasts_the_list()
    {
        var list = Given.Plenary().Inscribed("GHA", Minister, "09:00").Inscribed("FRA", Minister, "09:01");
        var limits = list.Limits with { DelegationSeconds = 180, ChangeOverSeconds = 0 };

        list = list.Decided(ListManagement.Decide(list, new SetTimeLimits(Guid.NewGuid(), limits), Given.At("09:02")));

        Assert.Equal(Given.At("10:03"), Forecast.Of(list, list.ScheduledStart).Entries[1].EstimatedStart);
    }

    [Fact]
    public void Unreasonable_time_limits_are_refused()
    {
        var list = Given.Plenary();

        var refused = ListManagement.Decide(list, new SetTimeLimits(Guid.NewGuid(), list.Limits with { DelegationSeconds = 5 }), Given.At("09:00"));

        Assert.Equal(RefusalKind.Invalid, refused.Refusal?.Kind);
    }

    [Fact]
    public void Default_limits_follow_practice()
    {
        var limits = TimeLimits.Default;

        Assert.Equal(300, limits.DelegationSeconds);
        Assert.Equal(420, limits.GroupSeconds);
        Assert.Equal(600, limits.FirstReplySeconds);
        Assert.Equal(300, limits.SecondReplySeconds);
    }
}
