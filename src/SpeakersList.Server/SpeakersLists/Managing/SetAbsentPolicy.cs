using Microsoft.AspNetCore.Mvc;
using SpeakersList.Floor;
using SpeakersList.Server.Infrastructure;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.SpeakersLists.Managing;

public sealed record AbsentPolicyAnswer(Guid MeetingId, long Version, AbsentPolicy Policy);

public static class SetAbsentPolicyEndpoint
{
    public static ProblemDetails Validate(SetAbsentPolicy command) => Validation.Check(
        (command.CommandId == Guid.Empty, "commandId is required: an id chosen by the client, so that a retried request takes effect once."),
        (!Enum.IsDefined(command.Policy), "policy is required: endOfList or nextMeeting."));

    /// <summary>What becomes of a speaker absent when called: endOfList (default) or nextMeeting.</summary>
    [WolverinePut("/api/meetings/{meetingId}/speakers-list/absent-policy", OperationId = "SetAbsentPolicy")]
    [ProducesResponseType<AbsentPolicyAnswer>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    public static (IResult, Events) Put(
        SetAbsentPolicy command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        TimeProvider clock)
    {
        var decision = FloorControl.SetAbsentPolicy(list, command, clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return (refusal.ToResult(), []);
        var after = list.Evolve(decision.Events);
        return (Results.Ok(new AbsentPolicyAnswer(after.Id, after.Version, after.AbsentPolicy)), [.. decision.Events]);
    }
}
