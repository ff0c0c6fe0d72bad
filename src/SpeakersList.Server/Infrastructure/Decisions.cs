using SpeakersList.SpeakersLists;
using Wolverine.Marten;

namespace SpeakersList.Server.Infrastructure;

/// <summary>The answer to an accepted command on a list: the version it brought the list to.</summary>
public sealed record CommandAccepted(Guid MeetingId, long Version);

public static class Decisions
{
    /// <summary>A refusal becomes its ProblemDetails and appends nothing; an acceptance answers 200 with the new version.</summary>
    public static (IResult, Events) Respond(this Decision decision, ListOfSpeakers list) =>
        decision.Refusal is { } refusal
            ? (refusal.ToResult(), [])
            : (Results.Ok(new CommandAccepted(list.Id, list.Version + decision.Events.Count)), [.. decision.Events]);
}
