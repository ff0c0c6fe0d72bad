using System.Globalization;
using CsvHelper;
using System.Security.Cryptography;
using System.Text;

namespace SpeakersList.Server.Forecasting.LoadingHistory;

/// <summary>A speech of an earlier session, read from its record.csv line.</summary>
public sealed record LoadedSpeech(int Line, LevelOfRepresentation? Level, EntryKind Kind, bool OnBehalfOfGroup, int AllottedSeconds, double UsedSeconds, DateTimeOffset? At);

/// <summary>One record.csv loaded as history: its id is the hash of its text, so loading the same file again changes nothing.</summary>
public sealed record LoadedRecord(Guid Id, DateTimeOffset LoadedAt, int Speeches, IReadOnlyList<LoadedSpeech> Lines)
{
    public IEnumerable<SpokenSpeech> Spoken() => Lines.Select(s =>
        new SpokenSpeech(Id, new SpeechCategory(s.Kind, s.OnBehalfOfGroup && s.Kind == EntryKind.Statement, s.Level), s.AllottedSeconds, s.UsedSeconds, s.At));
}

/// <summary>What is loaded, without the lines.</summary>
public sealed record LoadedRecordView(Guid Id, DateTimeOffset LoadedAt, int Speeches);

public sealed record LoadedHistoryView(int Records, int Speeches, IReadOnlyList<LoadedRecordView> Loaded);

/// <summary>Reads a meeting's record in the project's own record.csv format (GET /api/meetings/{id}/record.csv).</summary>
public static class RecordCsv
{
    private static readonly string[] Needed = ["kind", "level", "onBehalfOf", "allottedSeconds", "usedSeconds"];

    /// <summary>The statements of the record (points of order are not speeches of the list), or the first bad line, numbered.</summary>
    public static (IReadOnlyList<LoadedSpeech>? Speeches, string? Problem) Read(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, "line 1: the body is empty; send a record.csv (a header line: number,kind,participant,...,allottedSeconds,usedSeconds,...).");
        CsvMalformedRecord? malformed = null;
        var options = CsvReaderOptions.Default with
        {
            Separator = ',', TrackLineNumbers = true, TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Recover, FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = record => malformed ??= record,
        };
        using var csv = CsvReader.FromText(text, options);
        var header = csv.Headers;
        if (malformed is { } inHeader) return (null, Malformed(inHeader));
        if (Needed.FirstOrDefault(n => !header.Contains(n, StringComparer.Ordinal)) is { } missing)
            return (null, $"line 1: the header has no column {missing}; a record.csv has {string.Join(",", Needed)} among its columns.");
        var speeches = new List<LoadedSpeech>();
        while (csv.Read())
        {
            if (malformed is { } inLine) return (null, Malformed(inLine));
            var line = (int)csv.LineNumber;
            if (csv.FieldCount != header.Count) return (null, $"line {line}: {csv.FieldCount} fields where the header has {header.Count}.");
            // A leading quote is how this service's own record.csv writes a cell that would read as a formula.
            string Field(string name) => csv.GetString(csv.GetFieldIndex(name)).Trim().TrimStart('\'');
            var kind = Field("kind");
            if (kind == "pointOfOrder") continue;
            EntryKind? entryKind = kind switch { "statement" => EntryKind.Statement, "preArranged" => EntryKind.PreArranged, "rightOfReply" => EntryKind.RightOfReply, _ => null };
            if (entryKind is null) return (null, $"line {line}: kind '{kind}' is none of statement, preArranged, rightOfReply, pointOfOrder.");
            LevelOfRepresentation? level = null;
            if (Field("level") is { Length: > 0 } levelText)
            {
                if (char.IsDigit(levelText[0]) || !Enum.TryParse<LevelOfRepresentation>(levelText, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                    return (null, $"line {line}: level '{levelText}' is not a level of representation (headOfState, ..., minister, ..., other).");
                level = parsed;
            }
            if (!int.TryParse(Field("allottedSeconds"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var allotted) || allotted is < 1 or > 86400)
                return (null, $"line {line}: allottedSeconds '{Field("allottedSeconds")}' is not a whole number of seconds between 1 and 86400.");
            if (!double.TryParse(Field("usedSeconds"), NumberStyles.Float, CultureInfo.InvariantCulture, out var used) || used is < 0 or > 86400 || double.IsNaN(used))
                return (null, $"line {line}: usedSeconds '{Field("usedSeconds")}' is not a number of seconds between 0 and 86400.");
            DateTimeOffset? at = null;
            if (header.Contains("to") && Field("to") is { Length: > 0 } to)
            {
                if (!DateTimeOffset.TryParse(to, CultureInfo.InvariantCulture, DateTimeStyles.None, out var ended))
                    return (null, $"line {line}: to '{to}' is not a time such as 2026-09-22T10:05:00-04:00.");
                at = ended;
            }
            speeches.Add(new LoadedSpeech(line, level, entryKind.Value, Field("onBehalfOf").Length > 0, allotted, used, at));
        }
        return malformed is { } last ? (null, Malformed(last)) : (speeches, null);
    }

    private static string Malformed(CsvMalformedRecord record) => $"line {record.LineNumber}: " + record.Reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field (a field with quotes must be quoted whole, its quotes doubled).",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field.",
        CsvMalformedReason.UnterminatedQuote => "a quoted field is never closed.",
        var reason => $"the line is not valid CSV ({reason}).",
    };

    public static Guid IdOf(string text) => new(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}

/// <summary>
/// A prior for day one: officers load the records of earlier sessions (record.csv) as the forecast's history. Without
/// any, the conference's own meetings, once adjourned, are the history.
/// </summary>
public static class LoadHistoryEndpoints
{
    public const int MaxBytes = 8 * 1024 * 1024;

    /// <summary>Load one meeting's record.csv as history (loading the same file twice keeps it once). A bad line: 400 naming it.</summary>
    [WolverinePost("/api/forecasts/history", OperationId = "LoadForecastHistory"), RequestSizeLimit(MaxBytes)]
    [Consumes("text/csv")]
    [ProducesResponseType<LoadedHistoryView>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(413)]
    public static async Task<IResult> Post(HttpRequest request, IDocumentSession session, SpeakingHistory history, TimeProvider clock, CancellationToken cancellation)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellation);
        var (speeches, problem) = RecordCsv.Read(text);
        if (problem is not null) return Results.Problem(Refusals.BadRequest(problem));
        if (speeches!.Count == 0) return Results.Problem(Refusals.BadRequest("line 2: the record holds no statement to learn from."));
        var id = RecordCsv.IdOf(text);
        if (await session.LoadAsync<LoadedRecord>(id, cancellation) is null)
        {
            session.Store(new LoadedRecord(id, clock.GetUtcNow(), speeches.Count, speeches));
            await session.SaveChangesAsync(cancellation);
            history.Changed();
        }
        return Results.Ok(await ViewAsync(session, cancellation));
    }

    /// <summary>The records loaded as history.</summary>
    [WolverineGet("/api/forecasts/history", OperationId = "GetForecastHistory"), OfficerOnly]
    [ProducesResponseType<LoadedHistoryView>(200)]
    public static Task<LoadedHistoryView> Get(IQuerySession session, CancellationToken cancellation) => ViewAsync(session, cancellation);

    /// <summary>Clear the loaded history: the conference's own meetings are the history again.</summary>
    [WolverineDelete("/api/forecasts/history", OperationId = "ClearForecastHistory")]
    [ProducesResponseType<LoadedHistoryView>(200)]
    public static async Task<LoadedHistoryView> Delete(IDocumentSession session, SpeakingHistory history, CancellationToken cancellation)
    {
        session.DeleteWhere<LoadedRecord>(x => true);
        await session.SaveChangesAsync(cancellation);
        history.Changed();
        return new LoadedHistoryView(0, 0, []);
    }

    private static async Task<LoadedHistoryView> ViewAsync(IQuerySession session, CancellationToken cancellation)
    {
        var loaded = await session.Query<LoadedRecord>().OrderBy(x => x.LoadedAt)
            .Select(x => new LoadedRecordView(x.Id, x.LoadedAt, x.Speeches)).ToListAsync(cancellation);
        return new LoadedHistoryView(loaded.Count, loaded.Sum(x => x.Speeches), loaded);
    }
}
