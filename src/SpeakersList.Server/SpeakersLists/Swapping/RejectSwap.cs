namespace SpeakersList.Server.SpeakersLists.Swapping;

public static class RejectSwapEndpoint
{
    /// <summary>An officer rejects a swap, giving a reason.</summary>
    [WolverinePost("/api/meetings/{meetingId}/swaps/{swapId}/reject", OperationId = "RejectSwap")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Reject(Guid swapId, SwapStep step,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        Swaps.Decide(list, new RejectSwap(step.CommandId, swapId, step.Reason, step.ExpectedVersion), clock.GetUtcNow()).Respond(list);
}
