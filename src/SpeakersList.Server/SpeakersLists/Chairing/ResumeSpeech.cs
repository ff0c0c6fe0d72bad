using Microsoft.AspNetCore.Mvc;
using SpeakersList.Floor;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class ResumeSpeechEndpoint
{
    public static ProblemDetails Validate(FloorCommand command) => FloorAnswer.Validate(command.CommandId, command.ExpectedVersion);

    /// <summary>The floor returns to the speaker: after a point of order (the President has ruled on it; the clock it paused runs again), or after a pause.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/resume", OperationId = "ResumeSpeech")]
    [ProducesResponseType<FloorView>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorAnswer.Of(list, FloorControl.Resume(list, command, clock.GetUtcNow()), clock);
}
