namespace SpeakersList.Server.Programme;

/// <summary>
/// Keeps each meeting as the programme knows it (time, room, live status) as an inline snapshot:
/// the meeting commands decide on it, the room checks query it, and the grid is drawn from it.
/// The fold is the domain's <see cref="Meeting.Fold"/>.
/// </summary>
public partial class MeetingProjection() : DomainFold<Meeting, IMeetingEvent>(Meeting.Fold);

/// <summary>Keeps each conference (days, rooms, round-table participation) as an inline snapshot; the fold is <see cref="Conference.Fold"/>.</summary>
public partial class ConferenceProjection() : DomainFold<Conference, IConferenceEvent>(Conference.Fold);
