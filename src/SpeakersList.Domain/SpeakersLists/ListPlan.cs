using System.Collections.Immutable;

namespace SpeakersList.SpeakersLists;

/// <summary>What the forecast plans for one entry, as calendars publish it: its estimated start (none once called), the time allotted, and whether it is reached before the scheduled end.</summary>
public readonly record struct PlannedSlot(DateTimeOffset? EstimatedStart, int AllottedSeconds, bool ReachedBeforeEnd);

/// <summary>
/// The forecast's plan of a list (<see cref="Forecast.Of"/>, as the limits add up), by inscription, for the calendars'
/// ledger, which takes one after every event. A speaker's start depends only on the speakers before, so when the next
/// version of the list only adds waiting entries that take the last places, every entry before them keeps its plan
/// exactly, and only the new ones are planned, from the sums the last plan ended with (<see cref="Grown"/>). Any other
/// change plans the whole list again. A rush of n inscriptions then costs n small steps instead of n forecasts of up to n
/// entries each (issue 25: a quarter of the rush's CPU).
/// </summary>
public sealed class ListPlan
{
    private readonly ListOfSpeakers _list;
    private readonly DateTimeOffset _nextFree;
    private readonly StartScan _scan; // the sums after the last waiting entry
    private readonly Entry? _lastByPolicy; // the waiting entry the policy puts last, before the officers' moves

    private ListPlan(ListOfSpeakers list, DateTimeOffset nextFree, StartScan scan, Entry? lastByPolicy,
        ImmutableDictionary<Guid, PlannedSlot> slots, IReadOnlyList<Entry> added)
    {
        (_list, _nextFree, _scan, _lastByPolicy, Slots, Added) = (list, nextFree, scan, lastByPolicy, slots, added);
    }

    /// <summary>Each entry's plan, by inscription.</summary>
    public ImmutableDictionary<Guid, PlannedSlot> Slots { get; }

    /// <summary>The entries planned since the plan this one grew from; empty when the whole list was planned again.</summary>
    public IReadOnlyList<Entry> Added { get; }

    /// <summary>The whole list planned.</summary>
    public static ListPlan Of(ListOfSpeakers list)
    {
        var nextFree = Forecast.NextFree(list);
        var forecast = Forecast.Of(list, nextFree);
        var model = SpeakingTimeModel.Limits;
        var scan = model.StartOfScan(Forecast.HeardIn(list), list.Limits.ChangeOverSeconds);
        foreach (var planned in forecast.Entries.Where(f => f.Ordered.Entry.IsWaiting))
            scan = model.After(scan, Forecast.Waiting(list, planned.Ordered.Entry));
        var waiting = list.Active.Where(x => x.IsWaiting).ToList();
        return new ListPlan(list, nextFree, scan, waiting.Count == 0 ? null : waiting.Max(SpeakingOrder.PolicyOf(list)),
            forecast.Entries.ToImmutableDictionary(f => f.Ordered.Entry.InscriptionId, f => new PlannedSlot(f.EstimatedStart, f.AllottedSeconds, f.ReachedBeforeEnd)),
            []);
    }

    /// <summary>
    /// The plan of <paramref name="next"/> when it is this plan's list with waiting entries added in the last places and
    /// nothing else changed (its version and the commands it has handled aside); null otherwise: plan it whole.
    /// </summary>
    public ListPlan? Grown(ListOfSpeakers next)
    {
        var before = _list.Entries;
        if (next.Entries.Count <= before.Count) return null;
        if (!next.Equals(_list with { Entries = next.Entries, Version = next.Version, HandledCommands = next.HandledCommands })) return null;
        for (var i = 0; i < before.Count; i++)
            if (!ReferenceEquals(before[i], next.Entries[i])) return null;
        var added = next.Entries.GetRange(before.Count, next.Entries.Count - before.Count);
        if (added.Any(x => !x.IsActive || !x.IsWaiting)) return null;

        // Last by the policy is last in the order too: the officers' moves place only the entries they name, after
        // entries already there.
        var policy = SpeakingOrder.PolicyOf(next);
        var inOrder = added.Sort(policy);
        var last = _lastByPolicy;
        foreach (var entry in inOrder)
        {
            if (last is not null && policy.Compare(last, entry) >= 0) return null;
            last = entry;
        }

        var untilEnd = (next.ScheduledEnd - _nextFree).TotalSeconds;
        var model = SpeakingTimeModel.Limits;
        var scan = _scan;
        var slots = Slots.ToBuilder();
        foreach (var entry in inOrder)
        {
            var start = scan.Start;
            slots[entry.InscriptionId] = new PlannedSlot(Forecast.At(_nextFree, start.P50Seconds), next.Limits.For(entry), Forecast.Reach(start, untilEnd) >= 0.5);
            scan = model.After(scan, Forecast.Waiting(next, entry));
        }
        return new ListPlan(next, _nextFree, scan, last, slots.ToImmutable(), inOrder);
    }
}
