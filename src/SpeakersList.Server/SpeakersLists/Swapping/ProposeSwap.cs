using System.Security.Claims;

namespace SpeakersList.Server.SpeakersLists.Swapping;

/// <summary>The answer to a swap proposal: the swap's id, for the other delegation and the officers.</summary>
public sealed record SwapOpened(Guid SwapId, long Version);

/// <summary>Delegation A proposes to exchange slots with B; B accepts or declines; an officer approves or rejects. Each step is an event.</summary>
public static class ProposeSwapEndpoint
{
    public static ProblemDetails Validate(ProposeSwap command) => Validation.Check(
        (command.InscriptionId == Guid.Empty || command.WithInscriptionId == Guid.Empty,
            "inscriptionId (your slot) and withInscriptionId (the slot you want) are required."));
    /// <summary>Propose to exchange your slot with another delegation's. The swap's id is the command's id.</summary>
    [WolverinePost("/api/meetings/{meetingId}/swaps", OperationId = "ProposeSwap")]
    [DelegationMayAct]
    [ProducesResponseType<SwapOpened>(201)]
    public static (IResult, Events) Propose(ProposeSwap command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock, ClaimsPrincipal user)
    {
        if (list.Find(command.InscriptionId) is { } mine && Actor.Of(user).RefuseUnlessFor(mine.Speaker.Participant) is { } refused) return (refused, []);
        var decision = Swaps.Decide(list, command, clock.GetUtcNow());
        return decision.Refusal is { } refusal
            ? (refusal.ToResult(), [])
            : (Results.Created($"/api/meetings/{list.Id}/swaps", new SwapOpened(command.CommandId, list.Version + decision.Events.Count)),
                [.. decision.Events]);
    }
}
