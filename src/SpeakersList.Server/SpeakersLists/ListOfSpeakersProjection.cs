using JasperFx.Events;
using Marten.Events.Aggregation;
using SpeakersList.Server.Forecasting;

namespace SpeakersList.Server.SpeakersLists;

/// <summary>
/// Keeps the list of speakers of each meeting as an inline snapshot, written in the same
/// transaction as its events: decisions start from it, and the list view is computed from it.
/// The fold itself is the domain's (<see cref="ListOfSpeakers.Evolve(IMeetingEvent)"/>); nothing here knows an event.
/// An adjourned list also keeps, in the same transaction, the small <see cref="AdjournedMeeting"/> the forecast learns from.
/// </summary>
public partial class ListOfSpeakersProjection() : DomainFold<ListOfSpeakers, IMeetingEvent>
{
    public override ValueTask RaiseSideEffects(IDocumentOperations operations, IEventSlice<ListOfSpeakers> slice)
    {
        AdjournedMeetings.Keep(operations, slice.Snapshot);
        return ValueTask.CompletedTask;
    }
}
