using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using SpeakersList.Interpretation;

namespace SpeakersList.Server.Publishing.Journal;

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
                            + d.Mode switch { StatementMode.Video => " — video statement", StatementMode.Remote => " — remote", _ => "" };
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
