using SpeakersList.Participants;

namespace SpeakersList.SpeakersLists;

/// <summary>An entry in its place, with the reasons for that place.</summary>
public sealed record OrderedEntry(Entry Entry, int Position, string? AfterReason, string? BeforeReason)
{
    public string Explanation => string.Join(" ", new[] { AfterReason, BeforeReason }.Where(x => x is not null));
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
        var waiting = list.Active.Where(x => x.IsWaiting).Order(new PolicyComparer(list.Policy)).ToList();
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
        return ordered.Select((entry, i) => new OrderedEntry(
            entry,
            i + 1,
            i > 0 ? $"After {ordered[i - 1].ParticipantName}: {WhyAfter(entry, ordered[i - 1], list.Policy, placedBy)}." : null,
            i < ordered.Count - 1 ? $"Before {ordered[i + 1].ParticipantName}: {WhyBefore(entry, ordered[i + 1], list.Policy, placedBy)}." : null))
            .ToList();
    }

    private static string WhyAfter(Entry entry, Entry previous, OrderingPolicy policy, Dictionary<Guid, Placement> placedBy)
    {
        if (!previous.IsWaiting) return entry.IsWaiting ? "already called" : "called earlier";
        if (placedBy.TryGetValue(entry.InscriptionId, out var placed)) return $"placed here by an officer ({placed.Reason})";
        if (placedBy.TryGetValue(previous.InscriptionId, out var other)) return $"{previous.ParticipantName} was placed by an officer ({other.Reason})";
        return Reason(previous, entry, policy, precedingSide: false);
    }

    private static string WhyBefore(Entry entry, Entry next, OrderingPolicy policy, Dictionary<Guid, Placement> placedBy)
    {
        if (!entry.IsWaiting) return "called earlier";
        if (placedBy.TryGetValue(entry.InscriptionId, out var placed)) return $"placed by an officer ({placed.Reason})";
        if (placedBy.TryGetValue(next.InscriptionId, out var other)) return $"{next.ParticipantName} was placed by an officer ({other.Reason})";
        return Reason(entry, next, policy, precedingSide: true);
    }

    /// <summary>Why <paramref name="first"/> comes before <paramref name="second"/>, said from one side or the other.</summary>
    private static string Reason(Entry first, Entry second, OrderingPolicy policy, bool precedingSide)
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
        if (a == 2 && policy == OrderingPolicy.Protocol)
        {
            if (first.Block != second.Block)
                return precedingSide
                    ? $"{Participant.Describe(first.Block)} speak before {Participant.Describe(second.Block)}"
                    : $"{Participant.Describe(second.Block)} speak after {Participant.Describe(first.Block)}";
            if (first.Block == SpeakingBlock.MemberStatesAndGroups && first.Level != second.Level)
                return precedingSide
                    ? $"{first.Level.Describe()} ranks above {second.Level.Describe()}"
                    : $"{second.Level.Describe()} ranks below {first.Level.Describe()}";
        }
        return first.ReceivedAt == second.ReceivedAt
            ? precedingSide ? "received first" : "received later"
            : precedingSide
                ? $"inscribed earlier ({first.ReceivedAt:HH:mm:ss.fff} UTC)"
                : $"inscribed later ({second.ReceivedAt:HH:mm:ss.fff} UTC)";
    }

    private static int Group(Entry e) => e.Kind switch
    {
        EntryKind.PreArranged => 0,
        EntryKind.RightOfReply => 3,
        _ => e.CarriedOrder is null ? 2 : 1,
    };

    private sealed class PolicyComparer(OrderingPolicy policy) : IComparer<Entry>
    {
        public int Compare(Entry? x, Entry? y)
        {
            if (x is null || y is null) return Comparer<object>.Default.Compare(x, y);
            var byGroup = Group(x).CompareTo(Group(y));
            if (byGroup != 0) return byGroup;
            var within = Group(x) switch
            {
                0 => Nullable.Compare(x.ArrangedOrder, y.ArrangedOrder),
                1 => Nullable.Compare(x.CarriedOrder, y.CarriedOrder),
                2 when policy == OrderingPolicy.Protocol => ProtocolRank(x).CompareTo(ProtocolRank(y)),
                _ => 0,
            };
            if (within != 0) return within;
            var byTime = x.ReceivedAt.CompareTo(y.ReceivedAt);
            return byTime != 0 ? byTime : x.Sequence.CompareTo(y.Sequence);
        }

        // Blocks first; within the Member States' block, the level of representation.
        private static (int Block, int Level) ProtocolRank(Entry e) =>
            ((int)e.Block, e.Block == SpeakingBlock.MemberStatesAndGroups ? (int)e.Level : 0);
    }
}
