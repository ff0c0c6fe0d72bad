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

    /// <summary>Appends the decision's events; the answer is the round table's roster as it will be once they are committed.</summary>
    public RoundTableRosterView Append(Guid roundTableId, Decision<IConferenceEvent> decision)
    {
        Stream.AppendMany(decision.Events);
        return RoundTableRosterView.From(Conference.Evolve(decision.Events), RoundTables.First(m => m.Id == roundTableId));
    }
}
