using System.Net;
using SpeakersList.Server.Tests.Floor;
using SpeakersList.Server.Publishing.Journal;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Publishing;

/// <summary>Issue 21: the Journal of a day still to come, and /journal on a day without meetings.</summary>
public class The_journal_ahead(SpeakersListApp app) : FloorTest(app)
{
    private static readonly DateTimeOffset Eve = new(2013, 9, 23, 0, 0, 0, TimeSpan.FromHours(-4));

    [Fact]
    public async Task A_day_whose_cut_off_has_not_come_is_shown_as_it_stands_and_says_when_it_will_be_fixed()
    {
        App.Clock.AdjustTime(Eve.AddHours(12));
        await Api.ScheduleMeeting(title: "First plenary meeting", start: "10:00", end: "13:00");
        using var anonymous = App.CreateAnonymousClient();

        var journal = await Api.Read<JournalView>(await anonymous.GetAsync("/api/journal/2013-09-24"));
        Assert.Equal("as it stands now; the Journal is fixed at 18:30 on 23 September", journal.AsAtText);
        App.Clock.AdjustTime(Eve.AddHours(20));
        journal = await Api.Read<JournalView>(await anonymous.GetAsync("/api/journal/2013-09-24"));
        Assert.Equal("as at 18:30, 23 September", journal.AsAtText);
    }

    [Fact]
    public async Task The_journal_on_a_day_without_meetings_points_to_the_next_day_that_has_some()
    {
        App.Clock.AdjustTime(Eve.AddHours(12)); // 23 September: nothing that day
        await Api.ScheduleMeeting(title: "Third plenary meeting", day: Api.Day1.AddDays(2));
        await Api.ScheduleMeeting(title: "First plenary meeting");
        using var anonymous = App.CreateAnonymousClient();

        var today = await anonymous.GetAsync("/journal");
        Assert.Equal("/journal/2013-09-24", today.RequestMessage!.RequestUri!.AbsolutePath);

        App.Clock.AdjustTime(Eve.AddDays(2).AddHours(12)); // 25 September: nothing; the 26th has a meeting
        today = await anonymous.GetAsync("/journal");
        Assert.Equal("/journal/2013-09-26", today.RequestMessage!.RequestUri!.AbsolutePath);
    }
}
