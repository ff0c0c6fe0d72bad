using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using SpeakersList.Publishing;

namespace SpeakersList.Server.Publishing.Records;

/// <summary>One line of the record, numbered: times in the venue's zone, durations in seconds (written flat).</summary>
public sealed record RecordItemView(int Number, RecordItem Item);

/// <summary>The record of a meeting: who spoke, in the order delivered, for how long against the time allotted.</summary>
public sealed record MeetingRecordView(
    Guid MeetingId,
    string Title,
    string Room,
    string AgendaItem,
    string TimeZone,
    MeetingStatus Status,
    DateTimeOffset ScheduledStart,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? AdjournedAt,
    IReadOnlyList<RecordItemView> Items)
{
    public static MeetingRecordView From(ListOfSpeakers list, IReadOnlyList<RecordItem> items)
    {
        var zone = list.Meeting.Details.Venue();
        DateTimeOffset L(DateTimeOffset at) => zone.LocalTime(at);
        return new MeetingRecordView(list.Id, list.Meeting.Details.Title, list.Meeting.Details.Room, list.Meeting.Details.AgendaItem, list.Meeting.Details.TimeZone, list.Floor.Status,
            L(list.ScheduledStart), list.Floor.OpenedAt is { } opened ? L(opened) : null, list.Floor.AdjournedAt is { } adjourned ? L(adjourned) : null,
            items.Select((x, i) => new RecordItemView(i + 1, x.AtVenue(zone))).ToList());
    }
}

public static class RecordEndpoints
{
    public static async Task<MeetingRecordView?> RecordAsync(IQuerySession session, Guid meetingId, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ListOfSpeakers>(meetingId, cancellation) is not { } list) return null;
        var events = await session.Events.FetchStreamAsync(meetingId, token: cancellation);
        return MeetingRecordView.From(list, MeetingRecord.Of(list, events.Data()));
    }

    private static IResult NotFound(Guid meetingId) => Refusal.NoMeeting(meetingId).ToResult();

    /// <summary>
    /// The record of a meeting, from its events: every statement in the order delivered (speaker, delegation, level,
    /// on behalf of, from and to, time allotted, used, overrun, pauses), with points of order and rights of reply in their place.
    /// </summary>
    [WolverineGet("/api/meetings/{meetingId}/record", OperationId = "GetMeetingRecord")]
    [ProducesResponseType<MeetingRecordView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid meetingId, IQuerySession session, CancellationToken cancellation) =>
        await RecordAsync(session, meetingId, cancellation) is { } record ? Results.Ok(record) : NotFound(meetingId);

    /// <summary>The record as CSV, one line per statement or point of order.</summary>
    [WolverineGet("/api/meetings/{meetingId}/record.csv", OperationId = "GetMeetingRecordCsv")]
    [Produces("text/csv")]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> GetCsv(Guid meetingId, IQuerySession session, CancellationToken cancellation)
    {
        if (await RecordAsync(session, meetingId, cancellation) is not { } record) return NotFound(meetingId);
        var text = Csv.Write(record.Items.Select(RecordCsvLine.Of));
        return Results.File(Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", $"record-{meetingId}.csv");
    }

    /// <summary>The record as an Akoma Ntoso 3.0 debate: debate/debateBody/debateSection/speech (by, as, startTime, endTime), TLC references in meta.</summary>
    [WolverineGet("/api/meetings/{meetingId}/record.akn.xml", OperationId = "GetMeetingRecordAkomaNtoso")]
    [Produces("application/akn+xml")]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> GetAkomaNtoso(Guid meetingId, IQuerySession session, CancellationToken cancellation)
    {
        if (await RecordAsync(session, meetingId, cancellation) is not { } record) return NotFound(meetingId);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), Async = true }))
            await AkomaNtoso.Debate(record).SaveAsync(writer, cancellation);
        return Results.File(buffer.ToArray(), "application/akn+xml; charset=utf-8");
    }

    internal static string Json<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

public sealed record RecordCsvLine(
    int Number, string Kind, string Participant, string Delegation, string? SpeakerName, string? SpeakerTitle, string? Level, string? OnBehalfOf,
    string From, string To, int? AllottedSeconds, double UsedSeconds, double OverrunSeconds, int Pauses, double PausedSeconds,
    string? Language = null, string? InterpretationInto = null, string? Mode = null)
{
    public static RecordCsvLine Of(RecordItemView line)
    {
        var x = line.Item;
        return new(line.Number, RecordEndpoints.Json(x.Kind), x.Participant.Value, x.Delegation, x.SpeakerName, x.SpeakerTitle,
            x.Level is { } level ? RecordEndpoints.Json(level) : null, x.OnBehalfOf,
            x.From.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture), x.To.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            x.AllottedSeconds, x.UsedSeconds, x.OverrunSeconds, x.Pauses.Count, x.PausedSeconds,
            x.Delivery?.Language, x.Delivery?.InterpretationInto, x.Delivery is { } d ? RecordEndpoints.Json(d.Mode) : null);
    }
}

/// <summary>
/// The record as an Akoma Ntoso (OASIS LegalDocML, version 3.0) debate document. Speakers and their levels are TLC
/// references in meta; each speech points to them with by and as.
/// </summary>
public static class AkomaNtoso
{
    public static readonly XNamespace Ns = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    public static XDocument Debate(MeetingRecordView record)
    {
        var date = record.ScheduledStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var work = $"/akn/un/debate/{date}/{record.MeetingId:N}";
        var people = new Dictionary<string, (string Id, string ShowAs)>();
        string Person(RecordItem x)
        {
            var key = $"{x.Participant}|{x.SpeakerName}";
            if (!people.TryGetValue(key, out var person))
                people[key] = person = ($"person_{people.Count + 1}",
                    x.SpeakerName is { } name ? $"{name}, {x.SpeakerTitle} ({x.Delegation})" : x.Delegation);
            return person.Id;
        }
        var roles = new SortedSet<LevelOfRepresentation>();
        XElement Frbr(string name, string suffix, params XElement[] rest) => new(Ns + name,
            new XElement(Ns + "FRBRthis", new XAttribute("value", $"{work}{suffix}/!main")),
            new XElement(Ns + "FRBRuri", new XAttribute("value", $"{work}{suffix}")),
            new XElement(Ns + "FRBRdate", new XAttribute("date", date), new XAttribute("name", "meeting")),
            new XElement(Ns + "FRBRauthor", new XAttribute("href", "#secretariat")),
            rest);
        string Time(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        static string Clock(double seconds) => $"{(int)seconds / 60}:{(int)seconds % 60:00}";

        var body = new List<XElement> { new(Ns + "heading", record.AgendaItem) };
        foreach (var (number, x) in record.Items)
        {
            var speech = new XElement(Ns + "speech",
                new XAttribute("eId", $"speech_{number}"),
                new XAttribute("by", $"#{Person(x)}"),
                new XAttribute("startTime", Time(x.From)),
                new XAttribute("endTime", Time(x.To)),
                new XElement(Ns + "from", x.SpeakerName is { } name ? $"{name} ({x.Delegation})" : x.Delegation));
            if (x.Level is { } level)
            {
                roles.Add(level);
                speech.Add(new XAttribute("as", $"#{RecordEndpoints.Json(level)}"));
            }
            if (x.Kind == RecordItemKind.PointOfOrder)
            {
                speech.Add(new XElement(Ns + "p", $"{x.Delegation} rose to a point of order (rule 71)."));
                body.Add(new XElement(Ns + "pointOfOrder", new XAttribute("eId", $"pointOfOrder_{number}"), speech));
                continue;
            }
            var what = (x.Kind, x.Delivery?.Mode) switch
            {
                (RecordItemKind.RightOfReply, _) => "Right of reply",
                (_, Interpretation.StatementMode.Video) => $"Video statement, introduced by {x.Delivery!.IntroducedBy}",
                (_, Interpretation.StatementMode.Remote) => "Remote statement",
                _ => "Statement",
            };
            // The language it was delivered in (xml:lang); with the delegation's interpretation into an official one (rule 53).
            if (x.Delivery is { } delivery)
            {
                speech.Add(new XAttribute(XNamespace.Xml + "lang", delivery.Language));
                if (delivery.InterpretationInto is { } into) what += $" (interpreted by the delegation into {into}, rule 53)";
            }
            var onBehalf = x.OnBehalfOf is { } group ? $" on behalf of {group}" : "";
            speech.Add(new XElement(Ns + "p",
                $"{what}{onBehalf}: allotted {Clock(x.AllottedSeconds ?? 0)}, used {Clock(x.UsedSeconds)}" +
                (x.OverrunSeconds > 0 ? $", over by {Clock(x.OverrunSeconds)}" : "") +
                (x.Pauses.Count > 0 ? $"; interrupted {x.Pauses.Count} time{(x.Pauses.Count == 1 ? "" : "s")}." : ".")));
            body.Add(speech);
        }

        var references = new XElement(Ns + "references", new XAttribute("source", "#secretariat"),
            new XElement(Ns + "TLCOrganization", new XAttribute("eId", "secretariat"), new XAttribute("href", "/ontology/organization/un/secretariat"),
                new XAttribute("showAs", "Secretariat of the United Nations")),
            people.Values.Select(p => new XElement(Ns + "TLCPerson", new XAttribute("eId", p.Id), new XAttribute("href", $"/ontology/person/un/{p.Id}"),
                new XAttribute("showAs", p.ShowAs))),
            roles.Select(r => new XElement(Ns + "TLCRole", new XAttribute("eId", RecordEndpoints.Json(r)), new XAttribute("href", $"/ontology/role/un/{RecordEndpoints.Json(r)}"),
                new XAttribute("showAs", r.Describe()))));

        return new XDocument(new XElement(Ns + "akomaNtoso",
            new XElement(Ns + "debate", new XAttribute("name", "record"),
                new XElement(Ns + "meta",
                    new XElement(Ns + "identification", new XAttribute("source", "#secretariat"),
                        Frbr("FRBRWork", "", new XElement(Ns + "FRBRcountry", new XAttribute("value", "un"))),
                        Frbr("FRBRExpression", "/eng@", new XElement(Ns + "FRBRlanguage", new XAttribute("language", "eng"))),
                        Frbr("FRBRManifestation", "/eng@/main.xml")),
                    references),
                new XElement(Ns + "preface", new XElement(Ns + "p", $"{record.Title}, {record.Room}, {date}")),
                new XElement(Ns + "debateBody",
                    new XElement(Ns + "debateSection", new XAttribute("name", "debate"), new XAttribute("eId", "dbsect_1"), body)))));
    }
}
