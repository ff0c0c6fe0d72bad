using JasperFx.Events;

namespace SpeakersList.Server.RoundTables;

/// <summary>
/// Round-table participation is decided on the conference's stream, locked for the time of the
/// decision: "one round table per delegation" spans the round tables, so they must not be decided apart.
/// </summary>
public sealed record RoundTableWrite(IEventStream<Conference> Stream, IReadOnlyList<Meeting> RoundTables)
{
    public Conference Conference => Stream.Aggregate!;

    public static async Task<(RoundTableWrite? Write, Refusal? Refusal)> FetchAsync(IDocumentSession session, Guid roundTableId, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Meeting>(roundTableId, cancellation) is not { } meeting)
            return (null, Refusal.NoMeeting(roundTableId));
        if (meeting.Details.Kind != MeetingKind.RoundTable)
            return (null, Refusal.Invalid($"'{meeting.Details.Title}' is not a round table."));
        if (meeting.ConferenceId is not { } conferenceId)
            return (null, Refusal.Invalid($"'{meeting.Details.Title}' is not part of a conference's programme."));
        var stream = await session.Events.FetchForExclusiveWriting<Conference>(conferenceId, cancellation);
        if (stream.Aggregate is null) return (null, Refusal.NotFound($"There is no conference {conferenceId}."));
        return (new RoundTableWrite(stream, await RoundTableQueries.RoundTablesOfAsync(session, conferenceId, cancellation)), null);
    }

    /// <summary>
    /// One participation command on a round table: the conference's stream fetched and locked, the decision taken on it and its events
    /// appended. A missing round table or a refusal is the answer; otherwise <paramref name="answer"/> makes it from the roster.
    /// </summary>
    public static async Task<IResult> DecideAsync(IDocumentSession session, Guid roundTableId, CancellationToken cancellation,
        Func<RoundTableWrite, Task<Decision<IConferenceEvent>>> decide, Func<RoundTableWrite, Decision<IConferenceEvent>, RoundTableRosterView, IResult> answer)
    {
        var (write, missing) = await FetchAsync(session, roundTableId, cancellation);
        if (missing is not null) return missing.ToResult();
        var decision = await decide(write!);
        if (decision.Refusal is { } refusal) return refusal.ToResult();
        return answer(write!, decision, write!.Append(roundTableId, decision));
    }

    /// <summary>Appends the decision's events; the answer is the round table's roster as it will be once they are committed.</summary>
    public RoundTableRosterView Append(Guid roundTableId, Decision<IConferenceEvent> decision)
    {
        Stream.AppendMany(decision.Events);
        return RoundTableRosterView.From(Conference.Evolve(decision.Events), RoundTables.First(m => m.Id == roundTableId));
    }
}
