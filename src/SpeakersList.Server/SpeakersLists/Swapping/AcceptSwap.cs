using System.Security.Claims;

namespace SpeakersList.Server.SpeakersLists.Swapping;

/// <summary>The body of a step in a swap's life.</summary>
public sealed record SwapStep(Guid CommandId, long? ExpectedVersion = null, string? Reason = null) : IMeetingCommand
{
    /// <summary>Only the delegation a swap is proposed to (or an officer) answers it; 403 otherwise.</summary>
    public static IResult? RefusedUnlessProposedTo(ListOfSpeakers list, Guid swapId, ClaimsPrincipal user) =>
        list.FindSwap(swapId) is { } swap ? Actor.Of(user).RefuseUnlessFor(swap.ProposedTo) : null;
}

public static class AcceptSwapEndpoint
{
    /// <summary>The other delegation accepts the proposed swap.</summary>
    [WolverinePost("/api/meetings/{meetingId}/swaps/{swapId}/accept", OperationId = "AcceptSwap")]
    [DelegationMayAct]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Accept(Guid swapId, SwapStep step,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock, ClaimsPrincipal user) =>
        SwapStep.RefusedUnlessProposedTo(list, swapId, user) is { } refused
            ? (refused, [])
            : Swaps.Decide(list, new AcceptSwap(step.CommandId, swapId, step.ExpectedVersion), clock.GetUtcNow()).Respond(list);
}
