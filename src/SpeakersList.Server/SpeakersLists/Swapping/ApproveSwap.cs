using Microsoft.AspNetCore.Mvc;
using SpeakersList.Server.Infrastructure;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.SpeakersLists.Swapping;

public static class ApproveSwapEndpoint
{
    public static ProblemDetails Validate(SwapStep step) => Validation.Check(
        (step.CommandId == Guid.Empty, Validation.CommandIdRequired));

    /// <summary>An officer approves an accepted swap: the two slots are exchanged as they stand now.</summary>
    [WolverinePost("/api/meetings/{meetingId}/swaps/{swapId}/approve", OperationId = "ApproveSwap")]
    [ProducesResponseType<CommandAccepted>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public static (IResult, Events) Approve(Guid swapId, SwapStep step,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        Swaps.Decide(list, new ApproveSwap(step.CommandId, swapId, step.ExpectedVersion), clock.GetUtcNow()).Respond(list);
}
