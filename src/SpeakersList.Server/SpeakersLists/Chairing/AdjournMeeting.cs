using Microsoft.AspNetCore.Mvc;
using SpeakersList.Floor;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class AdjournMeetingEndpoint
{
    public static ProblemDetails Validate(FloorCommand command) => FloorAnswer.Validate(command.CommandId, command.ExpectedVersion);

    /// <summary>Adjourn the meeting. Nobody may hold the floor; the speakers not heard then continue at the next meeting on the item (CarryOverUnheardSpeakersHandler).</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/adjourn", OperationId = "AdjournMeeting")]
    [ProducesResponseType<FloorView>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorAnswer.Of(list, FloorControl.Adjourn(list, command, clock.GetUtcNow()), clock);
}
