using Microsoft.AspNetCore.Mvc;
using SpeakersList.Floor;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class SuspendMeetingEndpoint
{
    public static ProblemDetails Validate(FloorCommand command) => FloorAnswer.Validate(command.CommandId, command.ExpectedVersion);

    /// <summary>Suspend the meeting; a running clock is paused.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/suspend", OperationId = "SuspendMeeting")]
    [ProducesResponseType<FloorView>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorAnswer.Of(list, FloorControl.Suspend(list, command, clock.GetUtcNow()), clock);
}
