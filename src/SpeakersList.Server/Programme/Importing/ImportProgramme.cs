using System.Globalization;
using Marten.Exceptions;

namespace SpeakersList.Server.Programme.Importing;

/// <summary>The answer to an import: the conference and the ids given to the file's meetings, by their codes.</summary>
public sealed record ProgrammeImported(Guid ConferenceId, IReadOnlyDictionary<string, Guid> Meetings, ProgrammeView Programme);

/// <summary>Writes an import: the conference's stream and its meetings' streams in one transaction, or nothing.</summary>
public static class ProgrammeImporter
{
    public static async Task<(ProgrammeImported? Imported, Refusal? Refusal, bool AlreadyDone)> ImportAsync(
        IDocumentSession session, ImportProgramme command, DateTimeOffset now, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Conference>(command.CommandId, cancellation) is { } done)
            return (await AnswerAsync(session, done, cancellation), null, true);

        var held = await session.Query<Meeting>().Where(m => m.Status != ProgrammeStatus.Cancelled).ToListAsync(cancellation);
        var participants = (await session.Query<Participant>().ToListAsync(cancellation)).ToDictionary(p => p.Code);
        var (imported, refusal) = ProgrammeImport.Decide(command, held, code => participants.GetValueOrDefault(code), now);
        if (refusal is not null) return (null, refusal, false);

        foreach (var stream in imported!.Streams) session.Events.StartStream(stream.StreamId, [.. stream.Events]);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ExistingStreamIdCollisionException)
        {
            // The same import, committed meanwhile by another request or node.
            return await session.LoadAsync<Conference>(command.CommandId, cancellation) is { } raced
                ? (await AnswerAsync(session, raced, cancellation), null, true)
                : throw new InvalidOperationException("A stream of the import already exists.");
        }

        var conference = Conference.For((ConferenceRegistered)imported.Streams[0].Events[0]);
        var meetings = imported.Streams.Skip(1).Select(s => Meeting.For((MeetingScheduled)s.Events[0])).ToList();
        return (new ProgrammeImported(conference.Id, imported.MeetingIds, ProgrammeView.From(conference, meetings)), null, false);
    }

    private static async Task<ProgrammeImported> AnswerAsync(IQuerySession session, Conference conference, CancellationToken cancellation)
    {
        var meetings = await ProgrammeQueries.MeetingsOfAsync(session, conference.Id, cancellation);
        return new ProgrammeImported(conference.Id,
            meetings.Where(m => m.Code is not null).ToDictionary(m => m.Code!, m => m.Id, StringComparer.OrdinalIgnoreCase),
            ProgrammeView.From(conference, meetings));
    }
}

/// <summary>An officer imports a programme from a file: a conference, its days and rooms, its meetings, the statements arranged in them.</summary>
public static class ImportProgrammeEndpoint
{
    private static readonly string[] FormatHelp = ["yaml", "json"];

    /// <summary>
    /// Import a programme from a YAML or JSON file (the shape of Seed/hld-2013.yaml), sent as the request body
    /// (Content-Type application/yaml or application/json) or as the field "file" of a form (with an optional field "format").
    /// The format can also be given by ?format=yaml|json. Days given as "day: N" count weekdays from conference.firstDay,
    /// or from ?firstDay=yyyy-MM-dd. All or nothing: a malformed file gets 400 naming its line; a file that breaks
    /// a rule of the programme (a room taken, an unknown room or speaker) gets 409/422, and nothing is imported.
    /// commandId becomes the conference's id: a retry answers 200 with the same ids.
    /// </summary>
    [WolverinePost("/api/programme/import", OperationId = "ImportProgramme")]
    [Consumes("application/yaml", "application/json", "text/yaml", "application/x-yaml", "text/plain", "multipart/form-data")]
    [ProducesResponseType<ProgrammeImported>(201)]
    [ProducesResponseType<ProgrammeImported>(200)]
    public static async Task<IResult> Post(
        HttpRequest request,
        [FromQuery] Guid? commandId,
        [FromQuery] string? format,
        [FromQuery] string? firstDay,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        if (commandId is not { } id || id == Guid.Empty)
            return Bad("commandId is required (in the query): an id chosen by the client; it becomes the conference's id, so a retry imports nothing twice.");
        DateOnly? first = null;
        if (firstDay is not null)
        {
            if (!DateOnly.TryParseExact(firstDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                return Bad($"firstDay '{firstDay}' is not a date (yyyy-MM-dd).");
            first = parsed;
        }

        var (text, field, hint) = await ReadAsync(request, cancellation);
        if (string.IsNullOrWhiteSpace(text)) return Bad("The file is empty: send it as the body, or as the field 'file' of a form.");
        var stated = format ?? field;
        if (stated is not null && Recognise(stated) is null) return Bad($"format '{stated}' is not one of {string.Join(", ", FormatHelp)}.");
        var fileFormat = Recognise(stated ?? hint ?? "") ?? (text.TrimStart().StartsWith('{') ? FileFormat.Json : FileFormat.Yaml);

        ProgrammeFile file;
        try
        {
            file = ProgrammeFileReader.Read(text, fileFormat);
        }
        catch (FileProblem problem)
        {
            var details = Refusals.BadRequest($"Line {problem.Line}: {problem.Problem}");
            details.Title = "The programme file is malformed";
            details.Extensions["line"] = problem.Line;
            return Results.Problem(details);
        }

        var (imported, refusal, alreadyDone) = await ProgrammeImporter.ImportAsync(session, new ImportProgramme(id, file, first), clock.GetUtcNow(), cancellation);
        return refusal is not null ? refusal.ToResult()
            : alreadyDone ? Results.Ok(imported)
            : Results.Created("/api/programme?conferenceId=" + id, imported);
    }

    /// <summary>The file's text, the format stated in a form field, and a hint from the content type or the file name.</summary>
    private static async Task<(string Text, string? Field, string? Hint)> ReadAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadClientFormAsync(cancellation);
            var field = form["format"].FirstOrDefault();
            if (form.Files.GetFile("file") is not { } upload) return (form["file"].FirstOrDefault() ?? "", field, null);
            using var reader = new StreamReader(upload.OpenReadStream());
            return (await reader.ReadToEndAsync(cancellation), field, $"{upload.FileName} {upload.ContentType}");
        }
        using var body = new StreamReader(request.Body);
        return (await body.ReadToEndAsync(cancellation), null, request.ContentType);
    }

    private static FileFormat? Recognise(string format) =>
        format.Contains("json", StringComparison.OrdinalIgnoreCase) ? FileFormat.Json
        : format.Contains("yaml", StringComparison.OrdinalIgnoreCase) || format.Contains("yml", StringComparison.OrdinalIgnoreCase) ? FileFormat.Yaml
        : null;

    private static IResult Bad(string detail) => Results.Problem(Refusals.BadRequest(detail));
}
