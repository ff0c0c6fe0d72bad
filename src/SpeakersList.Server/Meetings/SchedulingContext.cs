namespace SpeakersList.Server.Meetings;

/// <summary>What a scheduling decision needs besides the meeting itself: its conference and the meetings it could collide with.</summary>
public sealed record SchedulingContext(Conference? Conference, IReadOnlyList<Meeting> Others, Meeting? Existing = null)
{
    /// <summary>
    /// The meetings held (not cancelled) around the time, in any room, and those of the conference:
    /// the pure decision picks the ones in its room.
    /// </summary>
    public static async Task<SchedulingContext> LoadAsync(IQuerySession session, Guid? conferenceId, DateTimeOffset start, DateTimeOffset end,
        CancellationToken cancellation)
    {
        var conference = conferenceId is { } id ? await session.LoadAsync<Conference>(id, cancellation) : null;
        var from = start.AddDays(-1);
        var to = end.AddDays(1);
        var around = await session.Query<Meeting>()
            .Where(m => m.Details.Start < to && m.Details.End > from)
            .ToListAsync(cancellation);
        var ofConference = conferenceId is { } cid
            ? await session.Query<Meeting>().Where(m => m.ConferenceId == cid).ToListAsync(cancellation)
            : [];
        return new SchedulingContext(conference, around.Concat(ofConference).DistinctBy(m => m.Id).ToList());
    }
}
