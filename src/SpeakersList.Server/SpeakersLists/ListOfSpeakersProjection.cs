namespace SpeakersList.Server.SpeakersLists;

/// <summary>
/// Keeps the list of speakers of each meeting as an inline snapshot, written in the same
/// transaction as its events: decisions start from it, and the list view is computed from it.
/// The fold itself is the domain's (<see cref="ListOfSpeakers.Evolve(IMeetingEvent)"/>); nothing here knows an event.
/// </summary>
public partial class ListOfSpeakersProjection() : DomainFold<ListOfSpeakers, IMeetingEvent>;
