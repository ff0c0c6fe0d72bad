namespace SpeakersList.SpeakersLists;

/// <summary>The proposing delegation takes its proposal back before the officers have decided on it.</summary>
public sealed record WithdrawSwap(Guid CommandId, Guid SwapId, long? ExpectedVersion = null) : IMeetingCommand;

public sealed record SwapWithdrawn(Guid MeetingId, Guid SwapId, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

public static class SwapWithdrawal
{
    /// <summary>Open while proposed or accepted: once approved the places are exchanged, and a closed swap stays closed.</summary>
    public static Decision Decide(ListOfSpeakers list, WithdrawSwap command, DateTimeOffset now)
    {
        if (list.Guard(command) is { } guarded) return guarded;
        var swap = list.FindSwap(command.SwapId);
        if (swap is null) return Refusal.NotFound($"There is no swap {command.SwapId} on this list.");
        if (!swap.IsOpen) return Refusal.Conflict($"The swap is already {swap.Status.ToString().ToLowerInvariant()}; it can no longer be withdrawn.");
        return Decision.Accept(new SwapWithdrawn(list.Id, command.SwapId, command.CommandId, now));
    }
}
