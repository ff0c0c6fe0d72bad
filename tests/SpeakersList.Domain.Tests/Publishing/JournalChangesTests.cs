using SpeakersList.Domain.Tests.SpeakersLists;
using SpeakersList.Programme;
using SpeakersList.Publishing;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Domain.Tests.Publishing;

/// <summary>The Journal prints each list as it stood at the cut-off and, read later, what has changed since.</summary>
public class Journal_changes
{
    private static readonly TimeZoneInfo NewYork = VenueClock.Zone("America/New_York");
    private static readonly ListOfSpeakers Published = Given.Plenary("10:00", "13:00");

    private static string[] Since(ListOfSpeakers? then, ListOfSpeakers? now) =>
        JournalChanges.Since(then, now).Select(x => x.Sentence(NewYork)).ToArray();

    [Fact]
    public void Nothing_changed_prints_nothing_and_before_the_cut_off_nothing_is_compared()
    {
        Assert.Empty(Since(Published, Published));
        Assert.Empty(Since(Published, null));
    }

    [Fact]
    public void A_meeting_rescheduled_since_prints_its_new_time_on_the_venues_clock()
    {
        var now = Published.With(new MeetingRescheduled(Published.Id, Guid.NewGuid(), Given.At("15:00"), Given.At("18:00"), Given.At("19:00")));
        Assert.Equal(["Now 15:00–18:00."], Since(Published, now));
    }

    [Fact]
    public void A_meeting_moved_since_prints_its_new_room()
    {
        var now = Published.With(new MeetingMoved(Published.Id, Guid.NewGuid(), "Conference Room 4", Given.At("19:00")));
        Assert.Equal(["Now in Conference Room 4."], Since(Published, now));
    }

    [Fact]
    public void A_meeting_cancelled_since_says_so()
    {
        var now = Published.With(new MeetingCancelled(Published.Id, Guid.NewGuid(), "The Hall is needed", Given.At("19:00")));
        Assert.Equal(["Cancelled."], Since(Published, now));
    }

    [Fact]
    public void A_list_closed_since_and_a_list_reopened_since_say_which()
    {
        var closed = Published.With(new SpeakersListClosed(Published.Id, Guid.NewGuid(), Given.At("19:00")));
        Assert.Equal(["The list has since been closed."], Since(Published, closed));
        var reopened = closed.With(new SpeakersListReopened(Published.Id, Guid.NewGuid(), Given.At("20:00")));
        Assert.Equal(["The list has since been reopened."], Since(closed, reopened));
    }

    [Fact]
    public void A_meeting_scheduled_after_the_cut_off_says_so_and_nothing_else()
    {
        Assert.Equal(["Scheduled after the cut-off."], Since(null, Published));
    }

    [Fact]
    public void Changes_of_time_room_and_list_together_are_each_printed_in_that_order()
    {
        var now = Published.With(
            new SpeakersListClosed(Published.Id, Guid.NewGuid(), Given.At("19:00")),
            new MeetingMoved(Published.Id, Guid.NewGuid(), "Trusteeship Council Chamber", Given.At("19:01")),
            new MeetingRescheduled(Published.Id, Guid.NewGuid(), Given.At("10:00"), Given.At("12:00"), Given.At("19:02")));
        Assert.Equal(["Now 10:00–12:00.", "Now in Trusteeship Council Chamber.", "The list has since been closed."], Since(Published, now));
    }
}
