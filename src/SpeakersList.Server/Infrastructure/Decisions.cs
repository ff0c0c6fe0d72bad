namespace SpeakersList.Server.Infrastructure;

/// <summary>The answer to an accepted command on a meeting: the version it brought the meeting to.</summary>
public sealed record CommandAccepted(Guid MeetingId, long Version);

public static class Decisions
{
    /// <summary>
    /// The one answer of a command on a meeting: a refusal becomes its ProblemDetails and appends nothing; an acceptance
    /// (or a retry of one) answers 200 with <see cref="CommandAccepted"/>, or with <paramref name="view"/> of the list
    /// after the change where the caller shows it at once (the floor's commands answer the floor).
    /// </summary>
    public static (IResult, Events) Respond(this Decision decision, ListOfSpeakers list, Func<ListOfSpeakers, object>? view = null)
    {
        if (decision.Refusal is { } refusal) return (refusal.ToResult(), []);
        var after = list.Evolve(decision.Events);
        return (Results.Ok(view is null ? new CommandAccepted(after.Id, after.Version) : view(after)), [.. decision.Events]);
    }
}
