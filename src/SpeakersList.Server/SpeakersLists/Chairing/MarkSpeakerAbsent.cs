using Microsoft.AspNetCore.Mvc;
using SpeakersList.Floor;
using SpeakersList.Server.Infrastructure;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class MarkSpeakerAbsentEndpoint
{
    public static ProblemDetails Validate(MarkAbsent command) => Validation.Check(
        (command.CommandId == Guid.Empty, "commandId is required: an id chosen by the client, so that a retried request takes effect once."),
        (command.Policy is { } policy && !Enum.IsDefined(policy), "policy, when given, is endOfList or nextMeeting."));

    /// <summary>
    /// The speaker called is not in the room. By the list's absent policy (or <c>policy</c>): endOfList puts the
    /// speaker back at the end of the waiting speakers; nextMeeting marks the speaker absent, to continue at the next meeting.
    /// </summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/absent", OperationId = "MarkSpeakerAbsent")]
    [ProducesResponseType<FloorView>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public static (IResult, Events) Post(
        MarkAbsent command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorAnswer.Of(list, FloorControl.MarkAbsent(list, command, clock.GetUtcNow()), clock);
}
