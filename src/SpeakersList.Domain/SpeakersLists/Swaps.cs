using SpeakersList.Participants;
using System.Text.Json.Serialization;

namespace SpeakersList.SpeakersLists;

/// <summary>Delegation A offers its slot to B in exchange for B's; B accepts; an officer approves.</summary>
public sealed record ProposeSwap(Guid CommandId, Guid InscriptionId, Guid WithInscriptionId, long? ExpectedVersion = null) : IMeetingCommand;
public sealed record AcceptSwap(Guid CommandId, Guid SwapId, long? ExpectedVersion = null) : IMeetingCommand;
public sealed record DeclineSwap(Guid CommandId, Guid SwapId, long? ExpectedVersion = null) : IMeetingCommand;
public sealed record ApproveSwap(Guid CommandId, Guid SwapId, long? ExpectedVersion = null) : IMeetingCommand;
public sealed record RejectSwap(Guid CommandId, Guid SwapId, string? Reason = null, long? ExpectedVersion = null) : IMeetingCommand;
/// <summary>The proposing delegation takes its proposal back before the officers have decided on it.</summary>
public sealed record WithdrawSwap(Guid CommandId, Guid SwapId, long? ExpectedVersion = null) : IMeetingCommand;

public sealed record SwapProposed(Guid MeetingId, Guid SwapId, Guid InscriptionId, Guid WithInscriptionId, ParticipantCode ProposedBy, ParticipantCode ProposedTo, Guid CommandId, DateTimeOffset At) : IMeetingEvent;
public sealed record SwapAccepted(Guid MeetingId, Guid SwapId, Guid CommandId, DateTimeOffset At) : IMeetingEvent;
public sealed record SwapDeclined(Guid MeetingId, Guid SwapId, Guid CommandId, DateTimeOffset At) : IMeetingEvent;
public sealed record SwapRejected(Guid MeetingId, Guid SwapId, string? Reason, Guid CommandId, DateTimeOffset At) : IMeetingEvent;
public sealed record SwapWithdrawn(Guid MeetingId, Guid SwapId, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

/// <summary>The exchange, as the two placements that put each entry where the other stood.</summary>
public sealed record SwapApproved(Guid MeetingId, Guid SwapId, Placement First, Placement Second, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

public enum SwapStatus
{
    Proposed,
    Accepted,
    Approved,
    Declined,
    Rejected,
    Withdrawn,
}

public sealed record Swap(Guid SwapId, Guid InscriptionId, Guid WithInscriptionId, ParticipantCode ProposedBy, ParticipantCode ProposedTo, SwapStatus Status, DateTimeOffset ProposedAt)
{
    [JsonIgnore] // derived: not stored in the snapshot
    public bool IsOpen => Status is SwapStatus.Proposed or SwapStatus.Accepted;
}

public static class Swaps
{
    /// <summary>The swap's id is the proposing command's id, so a retried proposal answers with the same swap.</summary>
    public static Decision Decide(ListOfSpeakers list, ProposeSwap command, DateTimeOffset now)
    {
        if (list.Guard(command) is { } guarded) return guarded;
        var mine = list.Find(command.InscriptionId);
        var theirs = list.Find(command.WithInscriptionId);
        if (mine is null || theirs is null || !mine.IsActive || !theirs.IsActive)
            return Refusal.NotFound("Both inscriptions of a swap must be on this list.");
        if (!mine.IsWaiting || !theirs.IsWaiting) return Refusal.Conflict("Only speakers who have not yet been called can swap slots.").Because("already-called");
        if (mine.InscriptionId == theirs.InscriptionId || mine.Speaker.Represents(theirs.Speaker.Participant))
            return Refusal.Invalid("A swap is between two different delegations.");
        if (list.Swaps.Any(s => s.IsOpen && Involves(s, mine.InscriptionId) && Involves(s, theirs.InscriptionId)))
            return Refusal.Conflict($"A swap between {mine.Speaker.ParticipantName} and {theirs.Speaker.ParticipantName} is already open.");
        return Decision.Accept(new SwapProposed(list.Id, command.CommandId, mine.InscriptionId, theirs.InscriptionId,
            mine.Speaker.Participant, theirs.Speaker.Participant, command.CommandId, now));
    }

    public static Decision Decide(ListOfSpeakers list, AcceptSwap command, DateTimeOffset now) =>
        list.Guard(command)
        ?? (Open(list, command.SwapId, SwapStatus.Proposed, "accepted") is { } refused
            ? Decision.Refuse(refused)
            : Decision.Accept(new SwapAccepted(list.Id, command.SwapId, command.CommandId, now)));

    public static Decision Decide(ListOfSpeakers list, DeclineSwap command, DateTimeOffset now) =>
        list.Guard(command)
        ?? (Open(list, command.SwapId, SwapStatus.Proposed, "declined") is { } refused
            ? Decision.Refuse(refused)
            : Decision.Accept(new SwapDeclined(list.Id, command.SwapId, command.CommandId, now)));

    public static Decision Decide(ListOfSpeakers list, RejectSwap command, DateTimeOffset now) =>
        list.Guard(command)
        ?? (StillOpen(list, command.SwapId, "") is { } refused
            ? Decision.Refuse(refused)
            : Decision.Accept(new SwapRejected(list.Id, command.SwapId, command.Reason?.Trim(), command.CommandId, now)));

    /// <summary>Open while proposed or accepted: once approved the places are exchanged, and a closed swap stays closed.</summary>
    public static Decision Decide(ListOfSpeakers list, WithdrawSwap command, DateTimeOffset now) =>
        list.Guard(command)
        ?? (StillOpen(list, command.SwapId, "; it can no longer be withdrawn") is { } refused
            ? Decision.Refuse(refused)
            : Decision.Accept(new SwapWithdrawn(list.Id, command.SwapId, command.CommandId, now)));

    /// <summary>Approval exchanges the two slots as they stand now: each entry goes where the other stood.</summary>
    public static Decision Decide(ListOfSpeakers list, ApproveSwap command, DateTimeOffset now)
    {
        if (list.Guard(command) is { } guarded) return guarded;
        if (Open(list, command.SwapId, SwapStatus.Accepted, "approved") is { } refused) return refused;
        var swap = list.Swaps.First(s => s.SwapId == command.SwapId);
        var waiting = list.SpeakingOrder().Select(x => x.Entry).Where(x => x.IsWaiting).ToList();
        var (a, b) = (waiting.FindIndex(x => x.InscriptionId == swap.InscriptionId), waiting.FindIndex(x => x.InscriptionId == swap.WithInscriptionId));
        if (a < 0 || b < 0) return Refusal.Conflict("One of the two speakers has been called or has withdrawn; the swap can no longer be made.").Because("swap-too-late");
        if (a > b) (a, b) = (b, a);
        var (earlier, later) = (waiting[a], waiting[b]);
        var reason = $"swap of {earlier.Speaker.ParticipantName} and {later.Speaker.ParticipantName}, approved";
        // Placed in this order, the earlier entry goes where the later one stood, then the later one where the earlier stood.
        var first = b == a + 1
            ? new Placement(earlier.InscriptionId, later.InscriptionId, reason, now)
            : new Placement(earlier.InscriptionId, waiting[b - 1].InscriptionId, reason, now);
        var second = new Placement(later.InscriptionId, a == 0 ? null : waiting[a - 1].InscriptionId, reason, now);
        return Decision.Accept(new SwapApproved(list.Id, swap.SwapId, first, second, command.CommandId, now));
    }

    private static bool Involves(Swap swap, Guid inscriptionId) => swap.InscriptionId == inscriptionId || swap.WithInscriptionId == inscriptionId;

    // Rejected or withdrawn: either while the swap is still open.
    private static Refusal? StillOpen(ListOfSpeakers list, Guid swapId, string consequence) =>
        list.FindSwap(swapId) switch
        {
            null => Refusal.NotFound($"There is no swap {swapId} on this list."),
            { IsOpen: false } swap => Refusal.Conflict($"The swap is already {swap.Status.ToString().ToLowerInvariant()}{consequence}."),
            _ => null,
        };

    private static Refusal? Open(ListOfSpeakers list, Guid swapId, SwapStatus expected, string verb)
    {
        var swap = list.FindSwap(swapId);
        if (swap is null) return Refusal.NotFound($"There is no swap {swapId} on this list.");
        if (swap.Status == expected) return null;
        return swap.Status switch
        {
            SwapStatus.Proposed => Refusal.Conflict($"The swap cannot be {verb} yet: {swap.ProposedTo} has not accepted it."),
            _ => Refusal.Conflict($"The swap is already {swap.Status.ToString().ToLowerInvariant()}."),
        };
    }
}
