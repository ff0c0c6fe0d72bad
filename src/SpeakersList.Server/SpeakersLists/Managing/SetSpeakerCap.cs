using Microsoft.AspNetCore.Mvc;
using SpeakersList.Server.Infrastructure;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.SpeakersLists.Managing;

/// <summary>Para 53 of A/67/254: the number of speakers per plenary meeting. Null removes the cap.</summary>
public static class SetSpeakerCapEndpoint
{
    public static ProblemDetails Validate(SetSpeakerCap command) => Validation.Check(
        (command.CommandId == Guid.Empty, Validation.CommandIdRequired),
        (command.Cap is > 1000, "cap is at most 1000 speakers."));

    /// <summary>Set or remove the cap on the number of speakers.</summary>
    [WolverinePut("/api/meetings/{meetingId}/speakers-list/cap", OperationId = "SetSpeakerCap")]
    [ProducesResponseType<CommandAccepted>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(422)]
    public static (IResult, Events) Put(SetSpeakerCap command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock) =>
        ListManagement.Decide(list, command, clock.GetUtcNow()).Respond(list);
}
