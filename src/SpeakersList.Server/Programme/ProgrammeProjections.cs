namespace SpeakersList.Server.Programme;

/// <summary>
/// Keeps each meeting as the programme knows it (time, room, live status) as an inline snapshot:
/// the meeting commands decide on it, the room checks query it, and the grid is drawn from it.
/// The fold is the domain's <see cref="Meeting.Evolve(IMeetingEvent)"/>.
/// </summary>
public partial class MeetingProjection() : DomainFold<Meeting, IMeetingEvent>;

/// <summary>Keeps each conference (days, rooms, round-table participation) as an inline snapshot; the fold is <see cref="Conference.Evolve(IConferenceEvent)"/>.</summary>
public partial class ConferenceProjection() : DomainFold<Conference, IConferenceEvent>;
