using Microsoft.AspNetCore.Mvc;
using SpeakersList.Floor;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class PauseSpeechEndpoint
{
    public static ProblemDetails Validate(FloorCommand command) => FloorAnswer.Validate(command.CommandId, command.ExpectedVersion);

    /// <summary>Pause the speaker's clock.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/pause", OperationId = "PauseSpeech")]
    [ProducesResponseType<FloorView>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorAnswer.Of(list, FloorControl.Pause(list, command, clock.GetUtcNow()), clock);
}
