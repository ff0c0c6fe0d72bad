using SpeakersList.Domain.Tests.SpeakersLists;
using SpeakersList.Floor;
using SpeakersList.Programme;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Domain.Tests.Floor;

public class One_meeting_in_progress_per_room
{
    [Fact]
    public void A_meeting_cannot_open_while_another_is_in_progress_in_its_room()
    {
        var morning = Given.Plenary("10:00", "13:00").Opened("10:02");
        var afternoon = Given.Plenary("15:00", "18:00");

        var refusal = OneMeetingPerRoom.Refuse(afternoon, [morning, afternoon]);

        Assert.Equal(RefusalKind.Conflict, refusal?.Kind);
        Assert.Equal("\"First plenary meeting\" is in progress in General Assembly Hall, opened at 10:02. " +
            "Suspend or adjourn it before opening another meeting in the same room.", refusal!.Detail);
    }

    [Fact]
    public void Suspended_adjourned_and_other_rooms_meetings_do_not_hold_the_room()
    {
        var suspended = Given.Plenary("10:00", "13:00").Opened("10:02");
        suspended = suspended.Decided(FloorControl.Suspend(suspended, FloorGiven.Command(), Given.At("11:00")));
        var afternoon = Given.Plenary("15:00", "18:00");
        var elsewhere = Given.Plenary("15:00", "18:00").Opened("15:00") with
        {
            Meeting = new MeetingInfo(Given.Plenary().Meeting.Details with { Room = "Conference Room 2" }),
        };

        Assert.Null(OneMeetingPerRoom.Refuse(afternoon, [suspended, elsewhere, afternoon]));
        // A retried opening of the meeting in progress is not refused by itself.
        var opened = afternoon.Opened("15:00");
        Assert.Null(OneMeetingPerRoom.Refuse(opened, [opened]));
    }
}
