using Microsoft.AspNetCore.Mvc;
using SpeakersList.Server.Infrastructure;
using SpeakersList.SpeakersLists;
using Wolverine.Marten;

namespace SpeakersList.Server.SpeakersLists;

/// <summary>What every floor command answers: the refusal, or the floor as it stands after the change.</summary>
internal static class FloorAnswer
{
    public static (IResult, Events) Of(ListOfSpeakers list, Decision decision, TimeProvider clock)
    {
        if (decision.Refusal is { } refusal) return (refusal.ToResult(), []);
        var after = list.Evolve(decision.Events);
        return (Results.Ok(FloorView.From(after, clock.GetUtcNow())), [.. decision.Events]);
    }

    public static ProblemDetails Validate(Guid commandId, long? expectedVersion) => Validation.Check(
        (commandId == Guid.Empty, "commandId is required: an id chosen by the client, so that a retried request takes effect once."),
        (expectedVersion is < 1, "expectedVersion, when given, is the version of the meeting the officer saw (1 or more)."));
}
