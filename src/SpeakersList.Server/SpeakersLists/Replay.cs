using System.Globalization;

namespace SpeakersList.Server.SpeakersLists;

/// <summary>
/// A meeting's list and floor as they stood at a past moment (for disputes, and for the UN Journal's
/// list "as at 18:30"), rebuilt by folding the meeting's events up to that moment with the domain's
/// own fold (StreamFold over ListOfSpeakers): the same code that keeps the inline snapshot.
/// </summary>
/// <remarks>
/// The moment is the one each event records (<see cref="IMeetingEvent.At"/>), not the
/// store's append timestamp: the events' times come from the service's TimeProvider, so a replay
/// answers in the meeting's own time line. The stream is folded up to the first event after the moment.
/// </remarks>
public static class Replay
{
    /// <summary>The current list (the inline snapshot) without <paramref name="at"/>, else the list rebuilt as at that moment.</summary>
    public static async Task<ListOfSpeakers?> ListAsync(IQuerySession session, Guid meetingId, DateTimeOffset? at, CancellationToken cancellation)
    {
        if (at is not { } moment) return await session.LoadAsync<ListOfSpeakers>(meetingId, cancellation);
        var events = await session.Events.FetchStreamAsync(meetingId, token: cancellation);
        return events.Select(e => e.Data).OfType<IMeetingEvent>().TakeWhile(e => e.At <= moment)
            .Aggregate((ListOfSpeakers?)null, StreamFold.Next);
    }

    /// <summary>
    /// Reads the <c>at</c> of a query: absent means now; otherwise an ISO 8601 time. A "+" of an offset that was not
    /// URL-encoded arrives as a space, and is read as the "+" it was.
    /// </summary>
    public static bool TryReadMoment(string? at, out DateTimeOffset? moment)
    {
        moment = null;
        if (string.IsNullOrWhiteSpace(at)) return true;
        foreach (var text in new[] { at.Trim(), at.Trim().Replace(' ', '+') })
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                moment = parsed;
                return true;
            }
        return false;
    }

    public static IResult NotAMoment(string? at) =>
        Results.Problem(Refusals.BadRequest($"at must be an ISO 8601 time, such as 2013-09-24T18:30:00-04:00; '{at}' is not."));
}
