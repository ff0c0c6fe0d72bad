using System.Globalization;
using SpeakersList.Publishing;
using SpeakersList.Server.Programme;
using SpeakersList.Server.SpeakersLists;

namespace SpeakersList.Server.Publishing.Journal;

/// <summary>What became of a speaker of the published list by the time the Journal is read.</summary>
public enum LaterChange
{
    None,
    Moved,
    Withdrawn,
}

public sealed record JournalSpeaker(
    int Position, Guid InscriptionId, ParticipantCode Participant, string ParticipantName, string SpeakerName, string SpeakerTitle,
    LevelOfRepresentation Level, string? OnBehalfOf, EntryKind Kind, LaterChange LaterChange, int? PositionNow,
    SpeakersList.Interpretation.Delivery? Delivery = null);

/// <summary>A speaker inscribed after the cut-off, shown only when the Journal is read later.</summary>
public sealed record JournalLateSpeaker(int PositionNow, ParticipantCode Participant, string ParticipantName, string SpeakerName, DateTimeOffset InscribedAt);

/// <summary>A meeting of the day as the Journal prints it: as it stood at the cut-off, with what changed since when read live.</summary>
public sealed record JournalMeeting(
    Guid MeetingId,
    string Title,
    MeetingKind Kind,
    string Room,
    DateTimeOffset Start,
    DateTimeOffset End,
    string AgendaItem,
    bool ListClosed,
    IReadOnlyList<JournalSpeaker> Speakers,
    bool ScheduledAfterCutOff,
    IReadOnlyList<string> ChangedSince,
    IReadOnlyList<JournalLateSpeaker> InscribedSince);

/// <summary>The Journal of one day: the meetings and their lists of speakers as they stood at the cut-off (18:30 the evening before).</summary>
public sealed record JournalView(DateOnly Date, string TimeZone, DateTimeOffset AsAt, string AsAtText, bool Live, IReadOnlyList<JournalMeeting> Meetings);

public static class JournalQueries
{
    public static readonly TimeOnly CutOff = new(18, 30);

    public static async Task<JournalView> BuildAsync(IQuerySession session, DateOnly date, DateTimeOffset? asAt, DateTimeOffset now, CancellationToken cancellation)
    {
        var window = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var candidates = await session.Query<Meeting>().Where(m => m.Details.Start > window.AddDays(-2) && m.Details.Start < window.AddDays(2)).ToListAsync(cancellation);
        var meetings = candidates.Where(m => m.Details.LocalDate() == date).OrderBy(m => m.Details.Start).ThenBy(m => m.Details.Room).ToList();
        var zoneId = meetings.FirstOrDefault()?.Details.TimeZone
                     ?? (await ProgrammeQueries.ConferenceAsync(session, null, cancellation))?.TimeZone
                     ?? VenueClock.Headquarters;
        var zone = VenueClock.Zone(zoneId);
        var cutOff = asAt ?? At(date.AddDays(-1), CutOff, zone);
        var live = now > cutOff;

        var result = new List<JournalMeeting>();
        foreach (var meeting in meetings)
        {
            var then = await Replay.ListAsync(session, meeting.Id, cutOff, cancellation);
            var current = live ? await session.LoadAsync<ListOfSpeakers>(meeting.Id, cancellation) : null;
            if (then is null && !live) continue;
            var shown = then ?? current!;
            var venue = shown.Meeting.Details.Venue();
            var nowOrder = current is null ? [] : SpeakersListView.From(current).Entries.Where(e => e.State != EntryState.Withdrawn).ToList();
            var positionNow = nowOrder.ToDictionary(e => e.InscriptionId, e => e.Position);
            var speakers = then is null ? [] : SpeakersListView.From(then).Entries.Where(e => e.State != EntryState.Withdrawn).Select(e =>
            {
                var change = !live ? LaterChange.None
                    : !positionNow.TryGetValue(e.InscriptionId, out var position) ? LaterChange.Withdrawn
                    : position != e.Position ? LaterChange.Moved : LaterChange.None;
                var speaker = e.Speaker;
                return new JournalSpeaker(e.Position, e.InscriptionId, speaker.Participant, speaker.ParticipantName, speaker.SpeakerName,
                    speaker.SpeakerTitle, speaker.Level, speaker.OnBehalfOf, e.Kind, change, live && positionNow.TryGetValue(e.InscriptionId, out var p) ? p : null,
                    e.Delivery);
            }).ToList();
            var published = speakers.Select(s => s.InscriptionId).ToHashSet();
            var late = nowOrder.Where(e => !published.Contains(e.InscriptionId))
                .Select(e => new JournalLateSpeaker(e.Position, e.Speaker.Participant, e.Speaker.ParticipantName, e.Speaker.SpeakerName, e.InscribedAt))
                .ToList();
            var changed = JournalChanges.Since(then, current).Where(x => x is not JournalChange.ScheduledAfterCutOff).Select(x => x.Sentence(venue)).ToList();
            result.Add(new JournalMeeting(meeting.Id, shown.Meeting.Details.Title, shown.Meeting.Details.Kind, shown.Meeting.Details.Room,
                venue.LocalTime(shown.Meeting.Details.Start), venue.LocalTime(shown.Meeting.Details.End), shown.Meeting.Details.AgendaItem,
                then?.Closed ?? false, speakers, then is null, changed, late));
        }
        var local = zone.LocalTime(cutOff);
        // A cut-off still to come has not fixed anything yet: the lists are shown as they stand (issue 21).
        var asAtWords = cutOff > now
            ? $"as it stands now; the Journal is fixed at {local.ToString("HH:mm 'on' d MMMM", CultureInfo.InvariantCulture)}"
            : $"as at {local.ToString("HH:mm, d MMMM", CultureInfo.InvariantCulture)}";
        return new JournalView(date, zone.Id, local, asAtWords, live, result);
    }

    private static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var wall = date.ToDateTime(time);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    private static bool TryRead(string date, string? asAt, out DateOnly day, out DateTimeOffset? moment, out IResult? problem)
    {
        moment = null;
        problem = null;
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            problem = Results.Problem(Refusals.BadRequest($"The date is written yyyy-MM-dd, such as 2013-09-24; '{date}' is not."));
            return false;
        }
        if (!Replay.TryReadMoment(asAt, out moment))
        {
            problem = Results.Problem(Refusals.BadRequest($"asAt must be an ISO 8601 time, such as 2013-09-23T18:30:00-04:00; '{asAt}' is not."));
            return false;
        }
        return true;
    }

    /// <summary>
    /// The Journal of a day: its meetings (room, time, agenda item) and each list of speakers as it stood at the cut-off,
    /// by default 18:30 at the venue on the previous day (asAt: another moment, ISO 8601), rebuilt from the events.
    /// Read after the cut-off, it also says what has changed since.
    /// </summary>
    [WolverineGet("/api/journal/{date}", OperationId = "GetJournal")]
    [ProducesResponseType<JournalView>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public static async Task<IResult> Get(string date, string? asAt, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        TryRead(date, asAt, out var day, out var moment, out var problem)
            ? Results.Ok(await BuildAsync(session, day, moment, clock.GetUtcNow(), cancellation))
            : problem!;

    /// <summary>Today's Journal: today at the venue of the latest conference (or at Headquarters).</summary>
    [WolverineGet("/journal", OperationId = "GetTodaysJournalPage")]
    [ProducesResponseType(302)]
    public static async Task<IResult> Today(IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var zone = VenueClock.Zone((await ProgrammeQueries.ConferenceAsync(session, null, cancellation))?.TimeZone ?? VenueClock.Headquarters);
        var today = zone.DateOf(clock.GetUtcNow());
        // A day without meetings points to the next day that has some (issue 21).
        var from = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1);
        var next = (await session.Query<Meeting>().Where(m => m.Details.Start > from).OrderBy(m => m.Details.Start).Take(200).ToListAsync(cancellation))
            .Where(m => m.Status != ProgrammeStatus.Cancelled).Select(m => m.Details.LocalDate()).Where(d => d >= today).DefaultIfEmpty(today).Min();
        return Results.Redirect($"/journal/{next:yyyy-MM-dd}");
    }

    /// <summary>The Journal of a day as a printable page (A4).</summary>
    [WolverineGet("/journal/{date}", OperationId = "GetJournalPage")]
    [Produces("text/html")]
    [ProducesResponseType<ProblemDetails>(400)]
    public static async Task<IResult> Page(string date, string? asAt, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        TryRead(date, asAt, out var day, out var moment, out var problem)
            ? Results.Content(JournalPage.Render(await BuildAsync(session, day, moment, clock.GetUtcNow(), cancellation)), "text/html; charset=utf-8")
            : problem!;
}
