using Microsoft.AspNetCore.Mvc;
using SpeakersList.Floor;
using SpeakersList.Server.Infrastructure;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.SpeakersLists.Chairing;

public static class OpenMeetingEndpoint
{
    /// <summary>Open the meeting: from now on the President can give the floor.</summary>
    [WolverinePost("/api/meetings/{meetingId}/floor/open", OperationId = "OpenMeeting")]
    [ProducesResponseType<FloorView>(200)]
    public static (IResult, Events) Post(
        FloorCommand command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock) =>
        FloorControl.Open(list, command, clock.GetUtcNow()).Respond(list, FloorView.AsOf(clock));
}
