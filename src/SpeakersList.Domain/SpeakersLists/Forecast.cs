using SpeakersList.Programme;
using SpeakersList.Floor;

namespace SpeakersList.SpeakersLists;

/// <param name="EstimatedStart">The median: as likely earlier as later.</param>
/// <param name="LatestLikelyStart">The 90th percentile: nine times in ten the speaker starts before it.</param>
/// <param name="ReachProbability">The chance that the speaker takes the floor before the meeting's scheduled end.</param>
public sealed record ForecastEntry(OrderedEntry Ordered, int AllottedSeconds, DateTimeOffset? EstimatedStart, bool ReachedBeforeEnd,
    DateTimeOffset? LatestLikelyStart = null, double? ReachProbability = null);

public sealed record ListForecast(IReadOnlyList<ForecastEntry> Entries, int NotReached, DateTimeOffset ScheduledEnd)
{
    /// <summary>"about 7 speakers will likely not be reached by 13:00", in the venue's time.</summary>
    public string? NotReachedNotice(TimeZoneInfo venue) => NotReached == 0
        ? null
        : $"About {NotReached} speaker{(NotReached == 1 ? "" : "s")} will likely not be reached by {venue.LocalTime(ScheduledEnd):HH:mm}.";
}

/// <summary>
/// When each waiting speaker is expected to take the floor: from the moment the floor is next free, the speeches
/// before them as long as the <see cref="SpeakingTimeModel"/> expects them to run (learned from the history given and
/// from this meeting's speeches so far, which the list itself holds), plus the change-over between speakers. An entry
/// counts as not reached when its chance of taking the floor before the scheduled end is below one half.
/// </summary>
public static class Forecast
{
    /// <param name="nextFree">When the floor is next free: the meeting's start before it runs, else from the times actually spoken.</param>
    /// <param name="model">What is learned from earlier meetings; none: every speech expected to last its limit until this meeting's own pace is known.</param>
    public static ListForecast Of(ListOfSpeakers list, DateTimeOffset nextFree, SpeakingTimeModel? model = null)
    {
        model ??= SpeakingTimeModel.Limits;
        var order = list.SpeakingOrder();
        var waiting = order.Where(o => o.Entry.IsWaiting).ToList();
        var starts = model.Starts(HeardIn(list), waiting.Select(o => Waiting(list, o.Entry)).ToList(), list.Limits.ChangeOverSeconds);
        var byEntry = waiting.Select((o, i) => (o.Entry.InscriptionId, Start: starts[i])).ToDictionary(x => x.InscriptionId, x => x.Start);
        var untilEnd = (list.ScheduledEnd - nextFree).TotalSeconds;

        var entries = new List<ForecastEntry>();
        var notReached = 0;
        foreach (var ordered in order)
        {
            var allotted = list.Limits.For(ordered.Entry);
            if (!byEntry.TryGetValue(ordered.Entry.InscriptionId, out var start))
            {
                entries.Add(new ForecastEntry(ordered, allotted, null, true));
                continue;
            }
            var reach = Reach(start, untilEnd);
            if (reach < 0.5) notReached++;
            entries.Add(new ForecastEntry(ordered, allotted, At(nextFree, start.P50Seconds), reach >= 0.5, At(nextFree, start.P90Seconds), reach));
        }
        return new ListForecast(entries, notReached, list.ScheduledEnd);
    }

    // Whole seconds: the same history always gives the same times, and screens show minutes anyway.
    internal static DateTimeOffset At(DateTimeOffset from, double seconds) => from.AddSeconds(Math.Round(seconds));

    /// <summary>The chance that a speaker starting at <paramref name="start"/> takes the floor within <paramref name="untilEnd"/> seconds; reached from one half.</summary>
    internal static double Reach(StartRange start, double untilEnd) => Math.Round(start.ProbabilityWithin(untilEnd), 3);

    /// <summary>The speeches heard in this meeting so far, in the order they were called.</summary>
    public static IReadOnlyList<SpokenSpeech> HeardIn(ListOfSpeakers list) => list.Entries
        .Where(e => e.State == EntryState.Heard && e.Spoken is not null && e.FloorAllottedSeconds is > 0)
        .OrderBy(e => e.CalledOrder ?? int.MaxValue)
        .Select(e => new SpokenSpeech(list.Id, SpeechCategory.Of(e), e.FloorAllottedSeconds!.Value, e.Spoken!.Value.TotalSeconds))
        .ToList();

    /// <summary>The naive forecast, to compare with: each waiting speaker after the limits of those before and the change-overs.</summary>
    public static IReadOnlyDictionary<Guid, DateTimeOffset> LimitsAddedUp(ListOfSpeakers list, DateTimeOffset nextFree)
    {
        var at = nextFree;
        var starts = new Dictionary<Guid, DateTimeOffset>();
        foreach (var ordered in list.SpeakingOrder().Where(o => o.Entry.IsWaiting))
        {
            starts[ordered.Entry.InscriptionId] = at;
            at = at.AddSeconds(list.Limits.For(ordered.Entry) + list.Limits.ChangeOverSeconds);
        }
        return starts;
    }

    /// <summary>A waiting entry as the model sees it. A length known in advance (a video, once inscriptions carry one) goes in KnownSeconds.</summary>
    // A video's length is known: its slot is exactly that, with no uncertainty.
    public static WaitingSpeech Waiting(ListOfSpeakers list, Entry entry) => new(SpeechCategory.Of(entry), list.Limits.For(entry),
        entry.Delivery is { Mode: Interpretation.StatementMode.Video, DurationSeconds: { } video } ? video : null);

    /// <summary>
    /// When the floor is next free, from the times in the events only (so a replay forecasts the same):
    /// the scheduled start until the meeting opens; then the end of the current speech if its clock
    /// runs on (from when it last changed: called, started, paused or resumed, plus the time left),
    /// or the moment the floor became free; plus the change-over once a speaker has been heard.
    /// </summary>
    public static DateTimeOffset NextFree(ListOfSpeakers list)
    {
        var floor = list.Floor;
        if (floor.Status == MeetingStatus.Scheduled) return list.ScheduledStart;
        var changeOver = TimeSpan.FromSeconds(list.Limits.ChangeOverSeconds);
        if (floor.Current is { } current)
        {
            var left = current.Clock.Remaining(current.Since);
            return current.Since + (left > TimeSpan.Zero ? left : TimeSpan.Zero) + changeOver;
        }
        var free = floor.FreeSince ?? list.ScheduledStart;
        return free == floor.OpenedAt ? free : free + changeOver;
    }
}
