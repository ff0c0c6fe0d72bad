using System.Security.Claims;

namespace SpeakersList.Server.SpeakersLists.Swapping;

public static class DeclineSwapEndpoint
{
    /// <summary>The other delegation declines the proposed swap.</summary>
    [WolverinePost("/api/meetings/{meetingId}/swaps/{swapId}/decline", OperationId = "DeclineSwap")]
    [DelegationMayAct]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Decline(Guid swapId, SwapStep step,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock, ClaimsPrincipal user) =>
        SwapStep.RefusedUnlessProposedTo(list, swapId, user) is { } refused
            ? (refused, [])
            : Swaps.Decide(list, new DeclineSwap(step.CommandId, swapId, step.ExpectedVersion), clock.GetUtcNow()).Respond(list);
}
