using SpeakersList.Interpretation;

namespace SpeakersList.Server.Booths.Messaging;

/// <summary>An officer has seen a booth's message and dismisses it from the console (officers only: no attribute opens it).</summary>
public static class DismissBoothMessageEndpoint
{
    [WolverinePost("/api/meetings/{meetingId}/booth-messages/{messageId}/dismiss", OperationId = "DismissBoothMessage")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Post(Guid messageId, DismissBoothMessage command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        BoothMessages.Dismiss(list, messageId, command, clock.GetUtcNow()).Respond(list);
}

public static class BoothMessagesQuery
{
    /// <summary>The booths' messages to the chair of a meeting, oldest first, with when each was dismissed (officers).</summary>
    [OfficerOnly]
    [WolverineGet("/api/meetings/{meetingId}/booth-messages", OperationId = "GetBoothMessages")]
    [ProducesResponseType<IReadOnlyList<BoothMessageView>>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid meetingId, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<ListOfSpeakers>(meetingId, cancellation) is { } list
            ? Results.Ok(list.BoothMessages.Select(x => BoothMessageView.Of(meetingId, x)).ToList())
            : Refusal.NoMeeting(meetingId).ToResult();
}
