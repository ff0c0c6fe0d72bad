using Marten;
using Microsoft.AspNetCore.Mvc;
using SpeakersList.Floor;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.Floor;

public static class ResumeMeetingEndpoint
{
    public static ProblemDetails Validate(FloorCommand command) => FloorAnswer.Validate(command.CommandId, command.ExpectedVersion);

    /// <summary>One meeting in progress per room: resuming this one while another is in progress there is refused (409).</summary>
    public static Task<ProblemDetails> ValidateAsync(Guid meetingId, IQuerySession session, CancellationToken cancellation) =>
        RoomInUse.CheckAsync(meetingId, session, cancellation);

    /// <summary>Resume a suspended meeting. A speaker's paused clock stays paused until the speech is resumed.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/resume-meeting", OperationId = "ResumeMeeting")]
    [ProducesResponseType<FloorView>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorAnswer.Of(list, FloorControl.ResumeMeeting(list, command, clock.GetUtcNow()), clock);
}
