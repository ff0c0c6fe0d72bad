using SpeakersList.Floor;
using SpeakersList.Domain.Tests.SpeakersLists;

namespace SpeakersList.Domain.Tests.Floor;

public class Speech_clock
{
    private static DateTimeOffset At(string time) => Given.At(time);

    [Fact]
    public void A_running_clock_counts_down_from_the_limit()
    {
        var clock = SpeechClock.NotStarted(300).Start(At("10:00:00"));

        Assert.Equal(TimeSpan.FromSeconds(90), clock.Spoken(At("10:01:30")));
        Assert.Equal(TimeSpan.FromSeconds(210), clock.Remaining(At("10:01:30")));
        Assert.Equal("3:30", clock.Display(At("10:01:30")));
        Assert.Equal(At("10:05:00"), clock.LimitReachedAt);
    }

    [Fact]
    public void A_paused_clock_stands_still_and_resumes_where_it_stopped()
    {
        var clock = SpeechClock.NotStarted(300).Start(At("10:00:00")).Pause(At("10:01:00"));

        Assert.False(clock.Running);
        Assert.Null(clock.LimitReachedAt);
        Assert.Equal(TimeSpan.FromSeconds(60), clock.Spoken(At("10:09:00")));

        var resumed = clock.Start(At("10:03:00"));
        Assert.Equal(TimeSpan.FromSeconds(90), resumed.Spoken(At("10:03:30")));
        Assert.Equal(At("10:07:00"), resumed.LimitReachedAt);
    }

    [Fact]
    public void Past_the_limit_the_clock_shows_the_overrun_and_never_stops()
    {
        var clock = SpeechClock.NotStarted(300).Start(At("10:00:00"));

        Assert.Equal(TimeSpan.FromSeconds(42), clock.Overrun(At("10:05:42")));
        Assert.Equal("+0:42", clock.Display(At("10:05:42")));
        Assert.Equal("+1:05", clock.Display(At("10:06:05.500")));
        Assert.Equal(TimeSpan.FromSeconds(365.5), clock.Spoken(At("10:06:05.500")));
    }

    [Fact]
    public void The_last_second_shows_until_it_is_gone_and_zero_at_the_limit()
    {
        var clock = SpeechClock.NotStarted(300).Start(At("10:00:00"));

        Assert.Equal("0:01", clock.Display(At("10:04:59.200")));
        Assert.Equal("0:00", clock.Display(At("10:05:00")));
        Assert.Equal(TimeSpan.Zero, clock.Overrun(At("10:05:00")));
    }

    [Fact]
    public void An_extension_adds_to_the_limit_including_for_an_overrunning_speaker()
    {
        var clock = SpeechClock.NotStarted(300).Start(At("10:00:00")).Extend(60);

        Assert.Equal("0:18", clock.Display(At("10:05:42")));
        Assert.Equal(360, clock.AllottedSeconds);
    }

    [Fact]
    public void Several_pauses_add_up_only_the_time_spoken()
    {
        var clock = SpeechClock.NotStarted(300)
            .Start(At("10:00:00")).Pause(At("10:00:40"))
            .Start(At("10:02:00")).Pause(At("10:02:30.250"))
            .Start(At("10:10:00"));

        Assert.Equal(TimeSpan.FromSeconds(70.25), clock.SpokenBefore);
        Assert.Equal(TimeSpan.FromSeconds(80.25), clock.Spoken(At("10:10:10")));
        // Starting a running clock again changes nothing; pausing a paused one neither.
        Assert.Equal(clock, clock.Start(At("10:10:05")));
        var paused = clock.Pause(At("10:10:10"));
        Assert.Equal(paused, paused.Pause(At("10:11:00")));
    }
}
