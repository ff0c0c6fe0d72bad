using SpeakersList.Participants;
using SpeakersList.Programme;

namespace SpeakersList.SpeakersLists;

/// <summary>
/// An entry in its place, with the reasons for that place. The reasons are worded when first read: a list's page reads them,
/// while the forecasts that the calendars' ledger takes after every event of a rush need the order alone.
/// </summary>
public sealed class OrderedEntry(Entry entry, int position, Func<OrderedEntry, OrderedEntry.Reasons> explain)
{
    public sealed record Reasons(string? After, string? Before, string? Lot);

    private Reasons? _reasons; // a reference: read whole or not at all, whichever thread words it first

    public Entry Entry { get; } = entry;

    public int Position { get; } = position;

    public string? AfterReason => Worded.After;

    public string? BeforeReason => Worded.Before;

    public string? LotReason => Worded.Lot;

    public string Explanation => string.Join(" ", new[] { LotReason, AfterReason, BeforeReason }.Where(x => x is not null));

    private Reasons Worded => _reasons ??= explain(this);
}

/// <summary>
/// The order of a list of speakers: entries already called keep the order they were called in;
/// the waiting ones follow the meeting's policy (protocol or first come, first served), and then
/// the officers' moves are replayed, so a move holds when later inscriptions arrive.
/// </summary>
public static class SpeakingOrder
{
    public static IReadOnlyList<OrderedEntry> Of(ListOfSpeakers list)
    {
        var called = list.Active.Where(x => !x.IsWaiting).OrderBy(x => x.CalledOrder ?? int.MaxValue).ThenBy(x => x.Sequence);
        var waiting = list.Active.Where(x => x.IsWaiting).Order(PolicyOf(list)).ToList();
        var placedBy = new Dictionary<Guid, Placement>();

        foreach (var placement in list.Placements)
        {
            var index = waiting.FindIndex(x => x.InscriptionId == placement.InscriptionId);
            if (index < 0) continue;
            var moved = waiting[index];
            waiting.RemoveAt(index);
            var anchor = placement.After is { } after ? waiting.FindIndex(x => x.InscriptionId == after) : -1;
            waiting.Insert(anchor + 1, moved);
            placedBy[moved.InscriptionId] = placement;
        }

        var ordered = called.Concat(waiting).ToList();
        return ordered.Select((entry, i) => new OrderedEntry(entry, i + 1, _ => new OrderedEntry.Reasons(
            i > 0 ? $"After {ordered[i - 1].Speaker.ParticipantName}: {WhyAfter(entry, ordered[i - 1], list, placedBy)}." : null,
            i < ordered.Count - 1 ? $"Before {ordered[i + 1].Speaker.ParticipantName}: {WhyBefore(entry, ordered[i + 1], list, placedBy)}." : null,
            LotReason(entry, list))))
            .ToList();
    }

    /// <summary>The meeting's policy for waiting entries, before the officers' moves: who goes first of two.</summary>
    public static IComparer<Entry> PolicyOf(ListOfSpeakers list) => new PolicyComparer(list);

    private static string? LotReason(Entry entry, ListOfSpeakers list) => list.Opening is { } opening && list.IsHeld(entry)
        ? entry.DrawnRank is { } rank
            ? $"Order drawn by lot: {rank} of {entry.DrawnOf} at this level."
            : $"Held for the draw by lot when the opening window closes ({list.Meeting.Details.Venue().LocalTime(opening.WindowEnd):HH:mm:ss} venue time)."
        : null;

    private static string WhyAfter(Entry entry, Entry previous, ListOfSpeakers list, Dictionary<Guid, Placement> placedBy)
    {
        var policy = list.Policy;
        if (!previous.IsWaiting) return entry.IsWaiting ? "already called" : "called earlier";
        if (placedBy.TryGetValue(entry.InscriptionId, out var placed)) return $"placed here by an officer ({placed.Reason})";
        if (placedBy.TryGetValue(previous.InscriptionId, out var other)) return $"{previous.Speaker.ParticipantName} was placed by an officer ({other.Reason})";
        return LotOrder(previous, entry, list, precedingSide: false) ?? Reason(previous, entry, policy, list.Meeting.Details.Venue(), precedingSide: false);
    }

    private static string WhyBefore(Entry entry, Entry next, ListOfSpeakers list, Dictionary<Guid, Placement> placedBy)
    {
        var policy = list.Policy;
        if (!entry.IsWaiting) return "called earlier";
        if (placedBy.TryGetValue(entry.InscriptionId, out var placed)) return $"placed by an officer ({placed.Reason})";
        if (placedBy.TryGetValue(next.InscriptionId, out var other)) return $"{next.Speaker.ParticipantName} was placed by an officer ({other.Reason})";
        return LotOrder(entry, next, list, precedingSide: true) ?? Reason(entry, next, policy, list.Meeting.Details.Venue(), precedingSide: true);
    }

    /// <summary>
    /// Why <paramref name="first"/> comes before <paramref name="second"/>, said from one side or the other; times of arrival
    /// in the venue's time, as the history and the pages show them.
    /// </summary>
    private static string Reason(Entry first, Entry second, OrderingPolicy policy, TimeZoneInfo venue, bool precedingSide)
    {
        var (a, b) = (Group(first), Group(second));
        if (a != b)
            return (a, b) switch
            {
                (0, _) => precedingSide ? "pre-arranged statement of the programme" : "pre-arranged statements come first",
                (1, _) => precedingSide ? "carried over from an earlier meeting on the item" : "speakers carried over from an earlier meeting come first",
                (_, 3) => precedingSide ? "statements come before rights of reply" : "rights of reply come after the statements",
                _ => "statements come first",
            };
        if (a == 0) return precedingSide ? "arranged earlier in the programme" : "arranged later in the programme";
        if (a == 1) return precedingSide ? "earlier on the original list" : "later on the original list";
        if (a == 2 && policy == OrderingPolicy.Protocol && (first.Speaker, second.Speaker) is var (one, other))
        {
            if (one.Block != other.Block)
                return precedingSide
                    ? $"{Participant.Describe(one.Block)} speak before {Participant.Describe(other.Block)}"
                    : $"{Participant.Describe(other.Block)} speak after {Participant.Describe(one.Block)}";
            if (one.Block == SpeakingBlock.MemberStatesAndGroups && one.Level != other.Level)
                return precedingSide
                    ? $"{one.Level.Describe()} ranks above {other.Level.Describe()}"
                    : $"{other.Level.Describe()} ranks below {one.Level.Describe()}";
        }
        return first.ReceivedAt == second.ReceivedAt
            ? precedingSide ? "received first" : "received later"
            : precedingSide
                ? $"inscribed earlier ({venue.LocalTime(first.ReceivedAt):HH:mm:ss.fff} venue time)"
                : $"inscribed later ({venue.LocalTime(second.ReceivedAt):HH:mm:ss.fff} venue time)";
    }

    /// <summary>Why, at the same level, an entry of the opening's lot stands where it does; null when the lot does not decide it.</summary>
    private static string? LotOrder(Entry first, Entry second, ListOfSpeakers list, bool precedingSide)
    {
        if (Group(first) != 2 || Group(second) != 2 || Opening.LevelOf(first, list.Policy) != Opening.LevelOf(second, list.Policy)) return null;
        var (a, b) = (list.IsHeld(first), list.IsHeld(second));
        return (a, b, first.DrawnRank is not null) switch
        {
            (true, true, true) => precedingSide ? "drawn earlier by lot" : "drawn later by lot",
            (true, true, false) => "both held for the draw by lot (shown by code until then)",
            (true, false, _) => precedingSide ? "received in the opening window, ordered by lot" : "received after the opening window",
            _ => null,
        };
    }

    private static int Group(Entry e) => e.Kind switch
    {
        EntryKind.PreArranged => 0,
        EntryKind.RightOfReply => 3,
        _ => e.CarriedOrder is null ? 2 : 1,
    };

    private sealed class PolicyComparer(ListOfSpeakers list) : IComparer<Entry>
    {
        private readonly OrderingPolicy policy = list.Policy;

        public int Compare(Entry? x, Entry? y)
        {
            if (x is null || y is null) return Comparer<object>.Default.Compare(x, y);
            var byGroup = Group(x).CompareTo(Group(y));
            if (byGroup != 0) return byGroup;
            var within = Group(x) switch
            {
                0 => Nullable.Compare(x.ArrangedOrder, y.ArrangedOrder),
                1 => Nullable.Compare(x.CarriedOrder, y.CarriedOrder),
                2 when policy == OrderingPolicy.Protocol => x.Speaker.ProtocolRank().CompareTo(y.Speaker.ProtocolRank()),
                _ => 0,
            };
            if (within != 0) return within;
            if (Group(x) == 2 && ByLot(x, y) is var byLot && byLot != 0) return byLot;
            var byTime = x.ReceivedAt.CompareTo(y.ReceivedAt);
            return byTime != 0 ? byTime : x.Sequence.CompareTo(y.Sequence);
        }

        // The opening's lot: held entries first; among them the drawn rank, or, until the draw, the code (a neutral placeholder).
        private int ByLot(Entry x, Entry y) => (list.IsHeld(x), list.IsHeld(y)) switch
        {
            (true, false) => -1,
            (false, true) => 1,
            (true, true) when x.DrawnRank is { } a && y.DrawnRank is { } b => a.CompareTo(b),
            (true, true) => x.Speaker.Participant.CompareTo(y.Speaker.Participant),
            _ => 0,
        };
    }
}
