using JasperFx.Events;
using Marten.Events.Aggregation;
using SpeakersList.Programme;

namespace SpeakersList.Server.Programme;

/// <summary>
/// Keeps each meeting as the programme knows it (time, room, live status) as an inline snapshot:
/// the meeting commands decide on it, the room checks query it, and the grid is drawn from it.
/// The fold is the domain's <see cref="Meeting.Fold"/>.
/// </summary>
public partial class MeetingProjection : SingleStreamProjection<Meeting, Guid>
{
    public override Meeting? Evolve(Meeting? snapshot, Guid id, IEvent e) =>
        e.Data is IMeetingEvent meetingEvent ? Meeting.Fold(snapshot, meetingEvent) : snapshot;
}

/// <summary>Keeps each conference (days, rooms, round-table participation) as an inline snapshot; the fold is <see cref="Conference.Fold"/>.</summary>
public partial class ConferenceProjection : SingleStreamProjection<Conference, Guid>
{
    public override Conference? Evolve(Conference? snapshot, Guid id, IEvent e) =>
        e.Data is IConferenceEvent conferenceEvent ? Conference.Fold(snapshot, conferenceEvent) : snapshot;
}
