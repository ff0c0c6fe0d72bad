using Marten;
using Microsoft.AspNetCore.Mvc;
using SpeakersList.Floor;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.Floor;

public static class OpenMeetingEndpoint
{
    public static ProblemDetails Validate(FloorCommand command) => FloorAnswer.Validate(command.CommandId, command.ExpectedVersion);

    /// <summary>One meeting in progress per room: opening this one while another is in progress there is refused (409).</summary>
    public static Task<ProblemDetails> ValidateAsync(Guid meetingId, IQuerySession session, CancellationToken cancellation) =>
        RoomInUse.CheckAsync(meetingId, session, cancellation);

    /// <summary>Open the meeting: from now on the President can give the floor.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/open", OperationId = "OpenMeeting")]
    [ProducesResponseType<FloorView>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorAnswer.Of(list, FloorControl.Open(list, command, clock.GetUtcNow()), clock);
}
