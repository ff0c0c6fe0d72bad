namespace SpeakersList.Server.SpeakersLists.Swapping;

public static class ApproveSwapEndpoint
{
    /// <summary>An officer approves an accepted swap: the two slots are exchanged as they stand now.</summary>
    [WolverinePost("/api/meetings/{meetingId}/swaps/{swapId}/approve", OperationId = "ApproveSwap")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Approve(Guid swapId, SwapStep step,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        Swaps.Decide(list, new ApproveSwap(step.CommandId, swapId, step.ExpectedVersion), clock.GetUtcNow()).Respond(list);
}
