using System.Security.Claims;

namespace SpeakersList.Server.SpeakersLists.Swapping;

public static class WithdrawSwapEndpoint
{
    /// <summary>The proposing delegation withdraws its proposal while it is still open.</summary>
    [WolverinePost("/api/meetings/{meetingId}/swaps/{swapId}/withdraw", OperationId = "WithdrawSwap")]
    [DelegationMayAct]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Withdraw(Guid swapId, SwapStep step,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock, ClaimsPrincipal user) =>
        // Only the delegation that proposed the swap (or an officer) takes it back; 403 otherwise.
        list.FindSwap(swapId) is { } swap && Actor.Of(user).RefuseUnlessFor(swap.ProposedBy) is { } refused
            ? (refused, [])
            : Swaps.Decide(list, new WithdrawSwap(step.CommandId, swapId, step.ExpectedVersion), clock.GetUtcNow()).Respond(list);
}
