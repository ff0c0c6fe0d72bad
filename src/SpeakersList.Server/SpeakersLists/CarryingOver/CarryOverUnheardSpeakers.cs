using JasperFx.Events;

namespace SpeakersList.Server.SpeakersLists.CarryingOver;

/// <summary>
/// Reacts to an adjournment, forwarded by Wolverine from the committed event (durably, through the
/// outbox): the speakers not heard continue at the next meeting on the same item.
/// </summary>
public static class CarryOverUnheardSpeakersHandler
{
    public static async Task Handle(IEvent<MeetingAdjourned> adjourned, IDocumentSession session, ILogger<MeetingAdjourned> logger,
        CancellationToken cancellation)
    {
        var from = await session.Events.FetchForExclusiveWriting<ListOfSpeakers>(adjourned.Data.MeetingId, cancellation);
        if (from.Aggregate is not { } adjournedList) return;

        var onItem = await session.Query<ListOfSpeakers>()
            .Where(x => x.Meeting.Details.AgendaItem == adjournedList.Meeting.Details.AgendaItem).ToListAsync(cancellation);
        if (CarryOver.NextMeeting(adjournedList, onItem) is not { } next)
        {
            logger.LogInformation("No later meeting on {AgendaItem}: nobody to carry over from {MeetingId}",
                adjournedList.Meeting.Details.AgendaItem, adjournedList.Id);
            return;
        }

        // Locks are always taken earlier meeting first, so two carry-overs never wait on each other.
        var to = await session.Events.FetchForExclusiveWriting<ListOfSpeakers>(next.Id, cancellation);
        var (fromEvents, toEvents) = CarryOver.Decide(adjournedList, to.Aggregate!, adjourned.Data.At);
        from.AppendMany(fromEvents);
        to.AppendMany(toEvents);
    }
}
