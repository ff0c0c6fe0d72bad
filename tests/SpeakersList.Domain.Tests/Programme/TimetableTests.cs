using SpeakersList.Floor;
using SpeakersList.Programme;
using static SpeakersList.Domain.Tests.Programme.Given;

namespace SpeakersList.Domain.Tests.Programme;

public class A_room_holds_one_meeting_at_a_time
{
    [Fact]
    public void A_meeting_overlapping_another_in_its_room_is_refused_with_both_named()
    {
        var plenary = Meeting("First plenary meeting", "General Assembly Hall", "10:00", "13:00");

        var decision = Timetable.Decide(Schedule("Briefing", "general assembly hall", "12:30", "14:00"), null, [plenary], Now);

        Assert.Equal(RefusalKind.Conflict, decision.Refusal?.Kind);
        Assert.Contains("General Assembly Hall is taken from Tue 24 Sep 10:00 to Tue 24 Sep 13:00 by 'First plenary meeting'", decision.Refusal!.Detail);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Meetings_back_to_back_or_in_parallel_rooms_are_accepted()
    {
        var plenary = Meeting("First plenary meeting", "General Assembly Hall", "10:00", "13:00");

        Assert.False(Timetable.Decide(Schedule("Second plenary meeting", "General Assembly Hall", "13:00", "18:00"), null, [plenary], Now).Refused);
        Assert.False(Timetable.Decide(Schedule("Round table I", "Conference Room 4", "10:00", "13:00"), null, [plenary], Now).Refused);
    }

    [Fact]
    public void A_cancelled_meeting_frees_its_room()
    {
        var cancelled = Meeting("First plenary meeting", "General Assembly Hall", "10:00", "13:00")
            .Evolve(new MeetingCancelled(Guid.NewGuid(), Guid.NewGuid(), "Moved to the afternoon", Now));

        Assert.False(Timetable.Decide(Schedule("Briefing", "General Assembly Hall", "10:00", "11:00"), null, [cancelled], Now).Refused);
    }

    [Fact]
    public void A_meeting_of_a_conference_must_fall_on_one_of_its_days_and_in_one_of_its_rooms()
    {
        var conference = Conference();

        var otherDay = Timetable.Decide(Schedule("Plenary", "General Assembly Hall", "10:00", "13:00", conference, Day1.AddDays(7)), conference, [], Now);
        var otherRoom = Timetable.Decide(Schedule("Plenary", "Conference Room 9", "10:00", "13:00", conference), conference, [], Now);
        var accepted = Timetable.Decide(Schedule("Plenary", "general assembly hall", "10:00", "13:00", conference), conference, [], Now);

        Assert.Contains("not a day of the conference", otherDay.Refusal?.Detail);
        Assert.Contains("'Conference Room 9' is not one of the conference's rooms", otherRoom.Refusal?.Detail);
        var scheduled = Assert.IsType<MeetingScheduled>(Assert.Single(accepted.Events));
        Assert.Equal("General Assembly Hall", scheduled.Details.Room);
        Assert.Equal(conference.Id, scheduled.ConferenceId);
    }

    [Fact]
    public void Rescheduling_into_a_taken_slot_is_refused_and_into_a_free_one_accepted()
    {
        var first = Meeting("First plenary meeting", "General Assembly Hall", "10:00", "13:00");
        var second = Meeting("Second plenary meeting", "General Assembly Hall", "15:00", "18:00");

        var clash = Timetable.Decide(second, new RescheduleMeeting(Guid.NewGuid(), At("12:00"), At("15:00")), null, [first, second], Now);
        var fine = Timetable.Decide(second, new RescheduleMeeting(Guid.NewGuid(), At("14:00"), At("17:00")), null, [first, second], Now);

        Assert.Equal(RefusalKind.Conflict, clash.Refusal?.Kind);
        var moved = second.Evolve(Assert.IsType<MeetingRescheduled>(Assert.Single(fine.Events)));
        Assert.Equal(At("14:00"), moved.Details.Start);
    }

    [Fact]
    public void Segments_move_with_their_meeting_and_the_last_one_ends_with_it()
    {
        var opening = SpeakersList.Programme.Meeting.For(new MeetingScheduled(Guid.NewGuid(), Guid.NewGuid(), new MeetingDetails(MeetingKind.Plenary, "First plenary meeting",
            "General Assembly Hall", At("10:00"), At("13:00"), "America/New_York", "HLD"), Now, Segments:
            [new MeetingSegment("Opening", At("10:00"), At("10:30")), new MeetingSegment("Continuation", At("10:30"), At("13:00"))]));

        var later = opening.Evolve(new MeetingRescheduled(opening.Id, Guid.NewGuid(), At("11:00"), At("13:30"), Now));

        Assert.Equal([(At("11:00"), At("11:30")), (At("11:30"), At("13:30"))], later.Segments.Select(s => (s.Start, s.End)));
    }

    [Fact]
    public void Moving_to_a_room_taken_at_that_time_is_refused()
    {
        var roundTable = Meeting("Round table I", "Conference Room 4", "10:00", "13:00", MeetingKind.RoundTable);
        var plenary = Meeting("First plenary meeting", "General Assembly Hall", "10:00", "13:00");

        var decision = Timetable.Decide(plenary, new MoveMeeting(Guid.NewGuid(), "Conference Room 4"), null, [roundTable, plenary], Now);

        Assert.Contains("'Round table I'", decision.Refusal?.Detail);
    }

    [Fact]
    public void A_meeting_in_progress_is_adjourned_not_cancelled()
    {
        var open = Meeting("First plenary meeting", "General Assembly Hall", "10:00", "13:00")
            .Evolve(new MeetingOpened(Guid.NewGuid(), Guid.NewGuid(), Now));

        var decision = Timetable.Decide(open, new CancelMeeting(Guid.NewGuid(), "No quorum"), Now);

        Assert.Contains("adjourned, not cancelled", decision.Refusal?.Detail);
    }

    [Fact]
    public void A_retried_command_changes_nothing()
    {
        var meeting = Meeting("First plenary meeting", "General Assembly Hall", "10:00", "13:00");
        var command = new CancelMeeting(Guid.NewGuid(), "Postponed");
        var cancelled = meeting.Evolve(Assert.Single(Timetable.Decide(meeting, command, Now).Events));

        Assert.Equal(ProgrammeStatus.Cancelled, cancelled.Status);
        Assert.Same(Decision.AlreadyDone, Timetable.Decide(cancelled, command, Now));
    }

    [Fact]
    public void The_live_status_follows_the_floor()
    {
        var meeting = Meeting("First plenary meeting", "General Assembly Hall", "10:00", "13:00");
        var id = meeting.Id;

        Assert.Equal(ProgrammeStatus.InProgress, meeting.Evolve(new MeetingOpened(id, Guid.NewGuid(), Now)).Status);
        Assert.Equal(ProgrammeStatus.Suspended, meeting.Evolve(new MeetingOpened(id, Guid.NewGuid(), Now)).Evolve(new MeetingSuspended(id, Guid.NewGuid(), Now)).Status);
        Assert.Equal(ProgrammeStatus.InProgress, meeting.Evolve(new MeetingSuspended(id, Guid.NewGuid(), Now)).Evolve(new MeetingResumed(id, Guid.NewGuid(), Now)).Status);
        Assert.Equal(ProgrammeStatus.Adjourned, meeting.Evolve(new MeetingAdjourned(id, Guid.NewGuid(), Now)).Status);
    }
}

public class Weekdays_date_the_programme
{
    [Theory]
    [InlineData("2013-09-24", "2013-09-25")] // Tuesday -> Wednesday
    [InlineData("2013-09-27", "2013-09-30")] // Friday -> Monday
    [InlineData("2013-09-28", "2013-09-30")] // Saturday -> Monday
    public void The_next_weekday_skips_the_weekend(string today, string next) =>
        Assert.Equal(DateOnly.Parse(next), Weekdays.Next(DateOnly.Parse(today)));

    [Fact]
    public void A_programme_whose_hearings_come_the_weekday_before_starts_them_on_the_date_asked()
    {
        var file = new ProgrammeFile("HLD", "UNHQ", "America/New_York", null, "HLD", ["Hall"],
            [new DayInFile(-1, null, "Hearings", [], 1), new DayInFile(0, null, "Day 1", [], 2), new DayInFile(1, null, "Day 2", [], 3)], 1);

        // Hearings on Friday 27 September: the Dialogue then opens on Monday 30.
        Assert.Equal(new DateOnly(2013, 9, 30), ProgrammeImport.FirstDayFor(file, new DateOnly(2013, 9, 27)));
    }
}
