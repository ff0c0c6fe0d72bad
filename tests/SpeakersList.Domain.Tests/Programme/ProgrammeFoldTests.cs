using SpeakersList.Floor;
using SpeakersList.Programme;
using SpeakersList.SpeakersLists;
using static SpeakersList.Domain.Tests.Programme.Given;

namespace SpeakersList.Domain.Tests.Programme;

/// <summary>The programme's snapshots are folded by the domain alone: the projections only hand it the stream's events.</summary>
public class The_programme_folds
{
    [Fact]
    public void A_meeting_begins_with_its_scheduling_follows_its_floor_and_passes_over_its_list()
    {
        var id = Guid.NewGuid();
        var scheduled = new MeetingScheduled(id, id, new MeetingDetails(MeetingKind.Plenary, "First plenary meeting", "General Assembly Hall",
            At("10:00"), At("13:00"), "America/New_York", "HLD"), Now);

        var meeting = new IMeetingEvent[]
        {
            scheduled,
            new MeetingMoved(id, Guid.NewGuid(), "Conference Room 4", Now),
            new SpeakersListClosed(id, Guid.NewGuid(), Now),
            new MeetingOpened(id, Guid.NewGuid(), At("10:00")),
        }.Aggregate((SpeakersList.Programme.Meeting?)null, StreamFold.Next)!;

        Assert.Equal("Conference Room 4", meeting.Details.Room);
        Assert.Equal(ProgrammeStatus.InProgress, meeting.Status);
        Assert.Throws<InvalidOperationException>(() => StreamFold.Next((SpeakersList.Programme.Meeting?)null, new MeetingMoved(id, Guid.NewGuid(), "Conference Room 4", Now)));
    }

    [Fact]
    public void A_conference_begins_with_its_registration_and_refuses_an_event_it_does_not_know()
    {
        var conference = Conference();
        var roundTable = Guid.NewGuid();

        var seated = StreamFold.Next(conference, new RoundTableSeatAllocated(conference.Id, Guid.NewGuid(), roundTable, Code("GHA"), "Ghana",
            SpeakersList.Participants.ParticipantCategory.MemberState, SpeakersList.Participants.RegionalGroup.African, Now));

        Assert.Equal(Code("GHA"), Assert.Single(seated.SeatsAt(roundTable)).Participant);
        Assert.Throws<InvalidOperationException>(() => StreamFold.Next((SpeakersList.Programme.Conference?)null, new RoundTableSeatReleased(conference.Id, Guid.NewGuid(), roundTable, Code("GHA"), Now)));
    }
}
