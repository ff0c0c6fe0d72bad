using Microsoft.AspNetCore.Mvc;
using SpeakersList.Server.Infrastructure;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.SpeakersLists.Managing;

public static class ReopenListEndpoint
{
    public static ProblemDetails Validate(ReopenList command) => Validation.Check(
        (command.CommandId == Guid.Empty, Validation.CommandIdRequired));

    /// <summary>Reopen a closed list of speakers.</summary>
    [WolverinePost("/api/meetings/{meetingId}/speakers-list/reopen", OperationId = "ReopenList")]
    [ProducesResponseType<CommandAccepted>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public static (IResult, Events) Post(ReopenList command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        ListManagement.Decide(list, command, clock.GetUtcNow()).Respond(list);
}
