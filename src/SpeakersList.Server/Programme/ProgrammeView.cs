namespace SpeakersList.Server.Programme;

/// <summary>A meeting in the grid; times carry the venue's offset.</summary>
public sealed record ProgrammeMeetingView(
    Guid Id,
    string? Code,
    MeetingDetails Details,
    ProgrammeStatus Status,
    IReadOnlyList<MeetingSegment> Segments,
    string? CancellationReason)
{
    public static ProgrammeMeetingView From(Meeting m)
    {
        var venue = m.Details.Venue();
        return new ProgrammeMeetingView(m.Id, m.Code, m.Details.AtVenue(), m.Status,
            m.Segments.Select(s => s with { Start = venue.LocalTime(s.Start), End = venue.LocalTime(s.End) }).ToList(), m.CancellationReason);
    }
}

public sealed record ProgrammeDayView(DateOnly Date, string Title, IReadOnlyList<ProgrammeMeetingView> Meetings);

public sealed record ConferenceSummary(Guid Id, string Name, string Venue, string TimeZone);

/// <summary>The programme grid: the conference's days, and on each day its meetings by start and room, each with its live status.</summary>
public sealed record ProgrammeView(ConferenceSummary Conference, IReadOnlyList<string> Rooms, IReadOnlyList<ProgrammeDayView> Days)
{
    /// <summary>A pure function of the conference and its meetings' snapshots.</summary>
    public static ProgrammeView From(Conference conference, IEnumerable<Meeting> meetings)
    {
        var byDate = meetings.GroupBy(m => m.Details.LocalDate()).ToDictionary(g => g.Key, g => g.ToList());
        var dates = conference.Days.Select(d => d.Date).Union(byDate.Keys).Order();
        return new ProgrammeView(
            new ConferenceSummary(conference.Id, conference.Name, conference.Venue, conference.TimeZone),
            conference.Rooms,
            dates.Select(date => new ProgrammeDayView(
                date,
                conference.Days.FirstOrDefault(d => d.Date == date)?.Title ?? "",
                byDate.GetValueOrDefault(date, [])
                    .OrderBy(m => m.Details.Start).ThenBy(m => RoomOrder(conference, m.Details.Room)).ThenBy(m => m.Details.Room)
                    .Select(ProgrammeMeetingView.From).ToList()))
            .ToList());
    }

    private static int RoomOrder(Conference conference, string room)
    {
        var index = conference.Rooms.FindIndex(r => Timetable.SameRoom(r, room));
        return index < 0 ? int.MaxValue : index;
    }
}

public static class ProgrammeQueries
{
    /// <summary>The conference to show: the one asked for, else the latest registered.</summary>
    public static async Task<Conference?> ConferenceAsync(IQuerySession session, Guid? conferenceId, CancellationToken cancellation) =>
        conferenceId is { } id
            ? await session.LoadAsync<Conference>(id, cancellation)
            : (await session.Query<Conference>().ToListAsync(cancellation)).OrderByDescending(c => c.RegisteredAt).FirstOrDefault();

    public static async Task<IReadOnlyList<Meeting>> MeetingsOfAsync(IQuerySession session, Guid conferenceId, CancellationToken cancellation) =>
        await session.Query<Meeting>().Where(m => m.ConferenceId == conferenceId).ToListAsync(cancellation);

    /// <summary>
    /// The meetings a delegation may be expected at: the conference's (none without one) and every meeting scheduled outside
    /// any programme (<c>POST /api/meetings</c>), which the pages list beside the programme (issue 21).
    /// </summary>
    public static async Task<IReadOnlyList<Meeting>> ExpectedAtAsync(IQuerySession session, Guid? conferenceId, CancellationToken cancellation) =>
        await session.Query<Meeting>().Where(m => m.ConferenceId == conferenceId || m.ConferenceId == null).ToListAsync(cancellation);

    public static async Task<ProgrammeView?> ViewAsync(IQuerySession session, Guid? conferenceId, CancellationToken cancellation) =>
        await ConferenceAsync(session, conferenceId, cancellation) is { } conference
            ? ProgrammeView.From(conference, await MeetingsOfAsync(session, conference.Id, cancellation))
            : null;

    /// <summary>The programme: the conference, its days, and their meetings with their live status. Without conferenceId, the latest conference.</summary>
    [WolverineGet("/api/programme", OperationId = "GetProgramme")]
    [ProducesResponseType<ProgrammeView>(200)]
    public static async Task<IResult> Get([FromQuery] Guid? conferenceId, IQuerySession session, CancellationToken cancellation) =>
        await ViewAsync(session, conferenceId, cancellation) is { } view
            ? Results.Ok(view)
            : NoConference(conferenceId);

    /// <summary>The 404 of a query for a conference's programme: the one asked for does not exist, or none is imported yet.</summary>
    public static IResult NoConference(Guid? conferenceId) =>
        Refusal.NotFound(conferenceId is null
            ? "No programme yet: import one with POST /api/programme/import."
            : $"There is no conference {conferenceId}.").ToResult();

    /// <summary>One meeting as the programme shows it.</summary>
    [WolverineGet("/api/meetings/{meetingId}", OperationId = "GetMeeting")]
    [ProducesResponseType<ProgrammeMeetingView>(200)]
    public static async Task<IResult> GetMeeting(Guid meetingId, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<Meeting>(meetingId, cancellation) is { } meeting
            ? Results.Ok(ProgrammeMeetingView.From(meeting))
            : Refusal.NoMeeting(meetingId).ToResult();
}
