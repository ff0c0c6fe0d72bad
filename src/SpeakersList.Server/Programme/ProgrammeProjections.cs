using Marten.Events.Aggregation;
using SpeakersList.Floor;
using SpeakersList.Programme;

namespace SpeakersList.Server.Programme;

/// <summary>
/// Keeps each meeting as the programme knows it (time, room, live status) as an inline snapshot:
/// the meeting commands decide on it, the room checks query it, and the grid is drawn from it.
/// </summary>
public partial class MeetingProjection : SingleStreamProjection<Meeting, Guid>
{
    public static Meeting Create(MeetingScheduled e) => Meeting.Create(e);
    public static Meeting Apply(MeetingRescheduled e, Meeting meeting) => meeting.Apply(e);
    public static Meeting Apply(MeetingMoved e, Meeting meeting) => meeting.Apply(e);
    public static Meeting Apply(MeetingCancelled e, Meeting meeting) => meeting.Apply(e);
    public static Meeting Apply(MeetingOpened e, Meeting meeting) => meeting.Apply(e);
    public static Meeting Apply(MeetingSuspended e, Meeting meeting) => meeting.Apply(e);
    public static Meeting Apply(MeetingResumed e, Meeting meeting) => meeting.Apply(e);
    public static Meeting Apply(MeetingAdjourned e, Meeting meeting) => meeting.Apply(e);
}

/// <summary>Keeps each conference (days, rooms, round-table participation) as an inline snapshot.</summary>
public partial class ConferenceProjection : SingleStreamProjection<Conference, Guid>
{
    public static Conference Create(ConferenceRegistered e) => Conference.Create(e);
    public static Conference Apply(RoundTablePreferenceStated e, Conference conference) => conference.Apply(e);
    public static Conference Apply(RoundTableSeatAllocated e, Conference conference) => conference.Apply(e);
    public static Conference Apply(RoundTableSeatReleased e, Conference conference) => conference.Apply(e);
    public static Conference Apply(RoundTableChairDesignated e, Conference conference) => conference.Apply(e);
}
