using SpeakersList.Server.Operations;
using SpeakersList.Server.Publishing.Calendars;

namespace SpeakersList.Server.Forecasting;

/// <summary>A speech heard in an adjourned meeting, as the forecast learns from it: its category, its limit and the time used.</summary>
public sealed record HeardSpeech(EntryKind Kind, bool OnBehalfOfGroup, LevelOfRepresentation? Level, int AllottedSeconds, double UsedSeconds);

/// <summary>
/// An adjourned meeting as the forecast's history needs it: the speeches heard in it, in the order called, timed by the
/// adjournment (a few KB, where its list is about 135 KB). Kept inline with the list (<see cref="AdjournedMeetings.Keep"/>),
/// so <see cref="SpeakingHistory"/> reads these small documents and not every adjourned list.
/// </summary>
public sealed record AdjournedMeeting(Guid Id, DateTimeOffset AdjournedAt, IReadOnlyList<HeardSpeech> Speeches)
{
    /// <summary>The meeting's heard speeches once it is adjourned; null before (an adjourned meeting is never opened again).</summary>
    public static AdjournedMeeting? Of(ListOfSpeakers list) =>
        list.Floor is { Status: MeetingStatus.Adjourned, AdjournedAt: { } adjournedAt }
            ? new AdjournedMeeting(list.Id, adjournedAt, Forecast.HeardIn(list)
                .Select(s => new HeardSpeech(s.Category.Kind, s.Category.OnBehalfOfGroup, s.Category.Level, s.AllottedSeconds, s.UsedSeconds)).ToList())
            : null;

    /// <summary>The speeches as the model learns them, each ended by the adjournment (a replay before it does not see them).</summary>
    public IEnumerable<SpokenSpeech> Spoken() => Speeches.Select(s =>
        new SpokenSpeech(Id, new SpeechCategory(s.Kind, s.OnBehalfOfGroup, s.Level), s.AllottedSeconds, s.UsedSeconds, AdjournedAt));
}

/// <summary>
/// Keeps <see cref="AdjournedMeeting"/> beside each adjourned list, and builds the documents at start on a database from
/// before them (once, one node at a time, with its own <see cref="ProjectionsBuilt"/> mark).
/// </summary>
public static class AdjournedMeetings
{
    /// <summary>What these documents keep; a change to it takes a new name, and the next start builds them again.</summary>
    public const string Generation = "adjourned-meetings-1";

    /// <summary>
    /// Called by the list's inline projection with the list after a commit's events: an adjourned list's document is written
    /// in the same transaction (again at each later event of that meeting, so that it stays the fold of its events).
    /// </summary>
    public static void Keep(IDocumentOperations operations, ListOfSpeakers? list)
    {
        if (list is not null && AdjournedMeeting.Of(list) is { } adjourned) operations.Store(adjourned);
    }

    /// <summary>Builds the documents from the adjourned lists unless the mark says it was done; the number of meetings built.</summary>
    public static Task<int> BuildAsync(IDocumentStore store, ILogger logger, CancellationToken cancellation) =>
        ProjectionsBuilt.OnceAsync(store, Generation, "The forecast's adjourned meetings", async session =>
        {
            IReadOnlyList<Guid> adjourned;
            await using (var query = store.QuerySession())
                adjourned = await query.Query<ListOfSpeakers>().Where(x => x.Floor.AdjournedAt != null).Select(x => x.Id).ToListAsync(cancellation);
            session.DeleteWhere<AdjournedMeeting>(_ => true);
            // A few lists at a time: a list is about 135 KB. Stored with the mark, in one transaction.
            foreach (var some in adjourned.Chunk(20))
                foreach (var list in await session.LoadManyAsync<ListOfSpeakers>(cancellation, some))
                    Keep(session, list);
            return adjourned.Count;
        }, logger, cancellation);
}
