using Microsoft.AspNetCore.Mvc;
using SpeakersList.Floor;
using SpeakersList.Server.Infrastructure;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class ResumeMeetingEndpoint
{
    /// <summary>Resume a suspended meeting. A speaker's paused clock stays paused until the speech is resumed.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/resume-meeting", OperationId = "ResumeMeeting")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorControl.ResumeMeeting(list, command, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
