using SpeakersList.Floor;
using SpeakersList.Programme;

namespace SpeakersList.SpeakersLists;

/// <summary>What the forecast said of a speaker some minutes before the speaker actually took the floor.</summary>
public sealed record ForecastSaid(int MinutesBefore, DateTimeOffset EstimatedStart, DateTimeOffset LatestLikelyStart, DateTimeOffset NaiveStart,
    double ErrorSeconds, double NaiveErrorSeconds, bool BeforeLatestLikely);

/// <summary>One speaker heard: when the speaker actually took the floor (called) and what the forecast said 30 and 60 minutes before.</summary>
public sealed record SpeakerAccuracy(Guid InscriptionId, Speaker Speaker, DateTimeOffset ActualStart, ForecastSaid? Before30, ForecastSaid? Before60);

/// <summary>The totals over every forecast made 30 or 60 minutes ahead: mean absolute errors and how often the start came by the 90th percentile.</summary>
public sealed record AccuracyTotals(int Forecasts, double? LearnedMaeSeconds, double? NaiveMaeSeconds, double? ShareBeforeLatestLikely)
{
    public static AccuracyTotals Of(IEnumerable<ForecastSaid> said)
    {
        var all = said.ToList();
        return all.Count == 0
            ? new AccuracyTotals(0, null, null, null)
            : new AccuracyTotals(all.Count, Math.Round(all.Average(x => Math.Abs(x.ErrorSeconds)), 1), Math.Round(all.Average(x => Math.Abs(x.NaiveErrorSeconds)), 1),
                Math.Round(all.Count(x => x.BeforeLatestLikely) / (double)all.Count, 3));
    }
}

/// <summary>
/// The forecast's own accuracy, rebuilt by replay (nothing extra is stored): the meeting's events are folded up to
/// 30 and 60 minutes before each speaker actually took the floor, the forecast of that moment is made again (learning
/// only from the history recorded by then), and it is set beside the actual start and beside the naive forecast (the
/// limits added up).
/// </summary>
public static class ForecastAccuracy
{
    public static readonly int[] MinutesAhead = [30, 60];

    public static IReadOnlyList<SpeakerAccuracy> Of(MeetingScheduled scheduled, IReadOnlyList<IMeetingEvent> events, IReadOnlyList<SpokenSpeech> history)
    {
        // When each speaker actually took the floor: the first call of the inscription that was then heard.
        var final = ListOfSpeakers.For(scheduled).Evolve(events);
        var heard = final.Entries.Where(e => e.State == EntryState.Heard).Select(e => e.InscriptionId).ToHashSet();
        var actual = new Dictionary<Guid, DateTimeOffset>();
        foreach (var called in events.OfType<SpeakerCalled>())
            if (heard.Contains(called.InscriptionId)) actual.TryAdd(called.InscriptionId, called.At);

        var checkpoints = actual.SelectMany(a => MinutesAhead.Select(m => (Moment: a.Value.AddMinutes(-m), Minutes: m, Inscription: a.Key)))
            .OrderBy(x => x.Moment).ToList();
        var said = new Dictionary<(Guid, int), ForecastSaid>();
        var models = new Dictionary<int, SpeakingTimeModel>(); // by how many history speeches had ended: learned once each
        var list = ListOfSpeakers.For(scheduled);
        var next = 0;
        foreach (var (moment, minutes, inscription) in checkpoints)
        {
            while (next < events.Count && events[next].At <= moment) list = list.Evolve(events[next++]);
            if (list.Find(inscription) is not { IsWaiting: true } || list.Meeting.Cancelled) continue;
            var known = history.Count(s => s.At is null || s.At <= moment);
            if (!models.TryGetValue(known, out var model)) models[known] = model = SpeakingTimeModel.Learn(history, moment);
            var nextFree = Forecast.NextFree(list);
            var entry = Forecast.Of(list, nextFree, model).Entries.Single(x => x.Ordered.Entry.InscriptionId == inscription);
            var naive = Forecast.LimitsAddedUp(list, nextFree)[inscription];
            var start = actual[inscription];
            said[(inscription, minutes)] = new ForecastSaid(minutes, entry.EstimatedStart!.Value, entry.LatestLikelyStart!.Value, naive,
                (entry.EstimatedStart!.Value - start).TotalSeconds, (naive - start).TotalSeconds, start <= entry.LatestLikelyStart!.Value);
        }

        return actual.OrderBy(a => a.Value).Select(a => new SpeakerAccuracy(a.Key, final.Find(a.Key)!.Speaker, a.Value,
            said.GetValueOrDefault((a.Key, 30)), said.GetValueOrDefault((a.Key, 60)))).ToList();
    }
}
