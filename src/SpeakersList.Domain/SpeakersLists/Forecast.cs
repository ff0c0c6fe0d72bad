using SpeakersList.Programme;
using SpeakersList.Floor;

namespace SpeakersList.SpeakersLists;

public sealed record ForecastEntry(OrderedEntry Ordered, int AllottedSeconds, DateTimeOffset? EstimatedStart, bool ReachedBeforeEnd);

public sealed record ListForecast(IReadOnlyList<ForecastEntry> Entries, int NotReached, DateTimeOffset ScheduledEnd)
{
    /// <summary>"7 speakers will not be reached by 13:00", in the venue's time.</summary>
    public string? NotReachedNotice(TimeZoneInfo venue) => NotReached == 0
        ? null
        : $"{NotReached} speaker{(NotReached == 1 ? "" : "s")} will not be reached by {venue.LocalTime(ScheduledEnd):HH:mm}.";
}

/// <summary>
/// When each waiting speaker is expected to take the floor: from the moment the floor is next
/// free, adding each earlier speaker's time limit and the change-over between speakers.
/// </summary>
public static class Forecast
{
    /// <param name="nextFree">When the floor is next free: the meeting's start before it runs, else from the times actually spoken.</param>
    public static ListForecast Of(ListOfSpeakers list, DateTimeOffset nextFree)
    {
        var at = nextFree;
        var entries = new List<ForecastEntry>();
        var notReached = 0;
        foreach (var ordered in list.SpeakingOrder())
        {
            var allotted = list.Limits.For(ordered.Entry);
            if (!ordered.Entry.IsWaiting)
            {
                entries.Add(new ForecastEntry(ordered, allotted, null, true));
                continue;
            }
            var reached = at < list.ScheduledEnd;
            if (!reached) notReached++;
            entries.Add(new ForecastEntry(ordered, allotted, at, reached));
            at = at.AddSeconds(allotted + list.Limits.ChangeOverSeconds);
        }
        return new ListForecast(entries, notReached, list.ScheduledEnd);
    }

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
