using SpeakersList.Participants;

namespace SpeakersList.Programme;

public enum EngagementKind
{
    /// <summary>A forecast speaking slot on a meeting's list: from its estimated start for its allotted time.</summary>
    SpeakingSlot,
    /// <summary>A seat (or the chair) at a round table, for the whole round table.</summary>
    RoundTableSeat,
}

/// <summary>Where a delegation is expected, from when to when.</summary>
public sealed record Engagement(
    Guid MeetingId, string MeetingTitle, string Room, EngagementKind Kind, DateTimeOffset Start, DateTimeOffset End, Guid? InscriptionId = null);

/// <summary>A waiting entry of a meeting's forecast, as a place a conflicting slot could be exchanged with.</summary>
public sealed record ForecastSlot(Guid InscriptionId, ParticipantCode Participant, string ParticipantName, DateTimeOffset EstimatedStart);

/// <summary>An exchange of places that would take the slot out of the conflict (a swap the delegation could propose).</summary>
public sealed record SwapOption(Guid WithInscriptionId, ParticipantCode WithParticipant, string WithParticipantName, DateTimeOffset NewStart);

/// <summary>A speaking slot that leaves no time to be in the other room (or at another slot) as well.</summary>
public sealed record RoomConflict(ParticipantCode Participant, Engagement Slot, Engagement Other, int WalkingMinutes, string Explanation, IReadOnlyList<SwapOption> Swaps);

/// <summary>
/// One delegation, two rooms (issue 16): its forecast speaking slots against its round-table seats and its slots in other
/// meetings, allowing the walk between rooms. A pure function of the forecasts and the seats.
/// </summary>
public static class RoomConflicts
{
    public static readonly TimeSpan DefaultWalking = TimeSpan.FromMinutes(10);
    private const int MaximumSwaps = 3;

    /// <summary>Whether two engagements leave too little time between them: the walk is needed only between different rooms.</summary>
    public static bool Clash(Engagement a, Engagement b, TimeSpan walking)
    {
        var walk = string.Equals(a.Room, b.Room, StringComparison.OrdinalIgnoreCase) ? TimeSpan.Zero : walking;
        return a.Start < b.End + walk && b.Start < a.End + walk;
    }

    /// <param name="engagements">Everything the delegation is expected at.</param>
    /// <param name="lists">The waiting slots of each meeting's forecast, for the swaps that could resolve a conflict.</param>
    public static IReadOnlyList<RoomConflict> Of(ParticipantCode participant, IReadOnlyList<Engagement> engagements,
        IReadOnlyDictionary<Guid, IReadOnlyList<ForecastSlot>> lists, TimeSpan walking, TimeZoneInfo venue)
    {
        var conflicts = new List<RoomConflict>();
        var ordered = engagements.OrderBy(x => x.Start).ThenBy(x => x.MeetingId).ThenBy(x => x.InscriptionId).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var slot = ordered[i];
            if (slot.Kind != EngagementKind.SpeakingSlot) continue;
            // The swaps depend on the slot alone: found once, whatever it clashes with.
            IReadOnlyList<SwapOption>? swaps = null;
            for (var j = 0; j < ordered.Count; j++)
            {
                var other = ordered[j];
                if (other.MeetingId == slot.MeetingId || !Clash(slot, other, walking)) continue;
                // Two slots clash both ways: reported once, on the earlier.
                if (other.Kind == EngagementKind.SpeakingSlot && j < i) continue;
                swaps ??= Swaps(participant, slot, ordered, lists, walking);
                conflicts.Add(new RoomConflict(participant, slot, other, (int)walking.TotalMinutes, Explain(slot, other, walking, venue), swaps));
            }
        }
        return conflicts;
    }

    /// <param name="engagements">All of the delegation's; those in the slot's own meeting do not constrain a swap within it.</param>
    private static IReadOnlyList<SwapOption> Swaps(ParticipantCode participant, Engagement slot, IReadOnlyList<Engagement> engagements,
        IReadOnlyDictionary<Guid, IReadOnlyList<ForecastSlot>> lists, TimeSpan walking)
    {
        if (!lists.TryGetValue(slot.MeetingId, out var list)) return [];
        var others = engagements.Where(o => o.MeetingId != slot.MeetingId).ToList();
        var length = slot.End - slot.Start;
        return list
            .Where(x => x.Participant != participant)
            .Select(x => (Place: x, Moved: slot with { Start = x.EstimatedStart, End = x.EstimatedStart + length }))
            .Where(x => !others.Any(o => Clash(x.Moved, o, walking)))
            .OrderBy(x => (x.Place.EstimatedStart - slot.Start).Duration())
            .Take(MaximumSwaps)
            .Select(x => new SwapOption(x.Place.InscriptionId, x.Place.Participant, x.Place.ParticipantName, x.Place.EstimatedStart))
            .ToList();
    }

    private static string Explain(Engagement slot, Engagement other, TimeSpan walking, TimeZoneInfo venue)
    {
        string Span(Engagement e) => $"{venue.LocalTime(e.Start):HH:mm}–{venue.LocalTime(e.End):HH:mm}";
        var what = other.Kind == EngagementKind.RoundTableSeat ? $"its seat at {other.MeetingTitle}" : $"its slot at {other.MeetingTitle}";
        var sameRoom = string.Equals(slot.Room, other.Room, StringComparison.OrdinalIgnoreCase);
        return $"The speaking slot at {slot.MeetingTitle} ({slot.Room}, forecast {Span(slot)}) overlaps {what} ({other.Room}, {Span(other)})"
            + (sameRoom ? "." : $", allowing {(int)walking.TotalMinutes} minutes to walk between the rooms.");
    }
}
