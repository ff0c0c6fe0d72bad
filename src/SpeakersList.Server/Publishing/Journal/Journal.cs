using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
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
            var changed = new List<string>();
            if (then is not null && current is not null)
            {
                if (current.Meeting.Details.Start != then.Meeting.Details.Start || current.Meeting.Details.End != then.Meeting.Details.End)
                    changed.Add($"Now {Clock(current.Meeting.Details.Start, venue)}–{Clock(current.Meeting.Details.End, venue)}.");
                if (current.Meeting.Details.Room != then.Meeting.Details.Room) changed.Add($"Now in {current.Meeting.Details.Room}.");
                if (current.Meeting.Cancelled && !then.Meeting.Cancelled) changed.Add("Cancelled.");
                if (current.Closed != then.Closed) changed.Add(current.Closed ? "The list has since been closed." : "The list has since been reopened.");
            }
            result.Add(new JournalMeeting(meeting.Id, shown.Meeting.Details.Title, shown.Meeting.Details.Kind, shown.Meeting.Details.Room,
                venue.LocalTime(shown.Meeting.Details.Start), venue.LocalTime(shown.Meeting.Details.End), shown.Meeting.Details.AgendaItem,
                then?.Closed ?? false, speakers, then is null, changed, late));
        }
        var local = zone.LocalTime(cutOff);
        return new JournalView(date, zone.Id, local, $"as at {local.ToString("HH:mm, d MMMM", CultureInfo.InvariantCulture)}", live, result);
    }

    private static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var wall = date.ToDateTime(time);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }

    private static string Clock(DateTimeOffset at, TimeZoneInfo zone) => zone.LocalTime(at).ToString("HH:mm", CultureInfo.InvariantCulture);

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
        return Results.Redirect($"/journal/{zone.LocalTime(clock.GetUtcNow()):yyyy-MM-dd}");
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

/// <summary>The Journal as HTML: no script and no style attribute (the stylesheet carries the print layout).</summary>
public static class JournalPage
{
    public static string Render(JournalView journal)
    {
        var h = HtmlEncoder.Default;
        string E(string? text) => h.Encode(text ?? "");
        var title = $"Journal, {journal.Date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}";
        var html = new StringBuilder(Pages.Head(title, ["base", "journal"], []));
        html.Append($"""
            <body class="journal">
              <header class="journal-head">
                <p class="masthead">Journal</p>
                <h1>{E(journal.Date.ToString("dddd, d MMMM yyyy", CultureInfo.InvariantCulture))}</h1>
                <p class="as-at" id="as-at">Lists of speakers {E(journal.AsAtText)}</p>
                <nav class="no-print" aria-label="Pages"><a href="/programme">Programme</a> <a href="/journal/{journal.Date.AddDays(-1):yyyy-MM-dd}">Previous day</a> <a href="/journal/{journal.Date.AddDays(1):yyyy-MM-dd}">Next day</a> <a href="/api/journal/{journal.Date:yyyy-MM-dd}">JSON</a></nav>
            """);
        if (journal.Live)
            html.Append("    <p class=\"live-note\">Changes made after the cut-off are marked <span class=\"later\">later</span>; the printed lists stand as published.</p>\n");
        html.Append("  </header>\n  <main>\n");
        if (journal.Meetings.Count == 0) html.Append("    <p class=\"empty\">No meetings are scheduled for this day.</p>\n");
        foreach (var m in journal.Meetings)
        {
            html.Append($"""
                    <section class="meeting" data-meeting-id="{m.MeetingId}">
                      <h2><span class="time">{m.Start:HH:mm}–{m.End:HH:mm}</span> {E(m.Title)}</h2>
                      <p class="where">{E(m.Room)}</p>
                      <p class="agenda">{E(m.AgendaItem)}</p>

                """);
            if (m.ScheduledAfterCutOff) html.Append("      <p class=\"later\">Scheduled after the cut-off.</p>\n");
            foreach (var change in m.ChangedSince) html.Append($"      <p class=\"later\">{E(change)}</p>\n");
            html.Append($"      <h3>List of speakers{(m.ListClosed ? " (closed)" : "")}</h3>\n");
            if (m.Speakers.Count == 0) html.Append("      <p class=\"empty\">No speaker inscribed.</p>\n");
            else
            {
                html.Append("      <ol class=\"speakers\">\n");
                foreach (var s in m.Speakers)
                {
                    var mark = s.LaterChange switch
                    {
                        LaterChange.Withdrawn => " <span class=\"later\">withdrawn since</span>",
                        LaterChange.Moved => $" <span class=\"later\">now number {s.PositionNow}</span>",
                        _ => "",
                    };
                    var behalf = s.OnBehalfOf is { } group ? $" (on behalf of {E(group)})" : "";
                    var kind = s.Kind == EntryKind.RightOfReply ? " — right of reply" : "";
                    // The interpreters read the Journal too: the language (and the delegation's interpretation, rule 53) and the mode.
                    if (s.Delivery is { } d)
                        kind += $" <span class=\"language\" lang=\"{E(d.Language)}\">[{E(d.Language)}{(d.InterpretationInto is { } into ? $" → {E(into)}" : "")}]</span>"
                            + d.Mode switch { SpeakersList.Interpretation.StatementMode.Video => " — video statement", SpeakersList.Interpretation.StatementMode.Remote => " — remote", _ => "" };
                    html.Append($"        <li data-participant=\"{E(s.Participant.Value)}\" data-change=\"{s.LaterChange.ToString().ToLowerInvariant()}\"><span class=\"delegation\">{E(s.ParticipantName)}</span>{behalf}{kind}: {E(s.SpeakerName)}, {E(s.SpeakerTitle)}{mark}</li>\n");
                }
                html.Append("      </ol>\n");
            }
            if (m.InscribedSince.Count > 0)
            {
                html.Append("      <p class=\"later\">Inscribed after the cut-off:</p>\n      <ul class=\"later-speakers\">\n");
                foreach (var s in m.InscribedSince)
                    html.Append($"        <li data-participant=\"{E(s.Participant.Value)}\" class=\"later\">{E(s.ParticipantName)}: {E(s.SpeakerName)} (now number {s.PositionNow})</li>\n");
                html.Append("      </ul>\n");
            }
            html.Append($"      <p class=\"no-print links\"><a href=\"/api/meetings/{m.MeetingId}/record\">Record</a> <a href=\"/api/meetings/{m.MeetingId}/record.csv\">CSV</a> <a href=\"/api/meetings/{m.MeetingId}/record.akn.xml\">Akoma Ntoso</a></p>\n");
            html.Append("    </section>\n");
        }
        html.Append("  </main>\n</body>\n</html>\n");
        return html.ToString();
    }
}
