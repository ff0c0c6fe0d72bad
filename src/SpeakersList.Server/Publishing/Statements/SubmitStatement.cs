using System.Diagnostics;
using System.Security.Claims;
using System.Security.Cryptography;
using Marten.Exceptions;
using SpeakersList.Publishing;
using SpeakersList.Server.SpeakersLists;

namespace SpeakersList.Server.Publishing.Statements;

/// <summary>One version of a statement, as officers, the delegation and (after the speech began) the public see it.</summary>
public sealed record StatementVersionView(int Version, string MediaType, string? FileName, long Length, string Sha256, DateTimeOffset SubmittedAt, string Url);

public sealed record StatementView(Guid MeetingId, Guid InscriptionId, ParticipantCode Participant, bool Public, IReadOnlyList<StatementVersionView> Versions);

/// <summary>
/// A delegation attaches the text of its statement to its own inscription: PDF, DOCX or plain text, at most
/// 10 MB, recognised from the content. Replacing it adds a version; earlier versions stay.
/// </summary>
public static class SubmitStatementEndpoint
{
    /// <summary>
    /// Attach (or replace) the statement of an inscription: the file as the body (raw, or the first file of a
    /// multipart form). Optional: commandId in the query, so that a retry adds no second version.
    /// 415 for a file that is not PDF, DOCX or UTF-8 text; 413 over 10 MB; 400 when empty; 403 for another delegation's inscription.
    /// </summary>
    [WolverinePost("/api/meetings/{meetingId}/inscriptions/{inscriptionId}/statement", OperationId = "SubmitStatement")]
    [RequestSizeLimit(SpeakersList.Publishing.Statements.MaxBytes + 64 * 1024)] // a multipart form's headers beside the file
    [DelegationMayAct]
    [ProducesResponseType<StatementView>(201)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(413)]
    [ProducesResponseType<ProblemDetails>(415)]
    public static async Task<IResult> Post(Guid meetingId, Guid inscriptionId, [FromQuery] Guid? commandId, HttpContext http, IDocumentStore store,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var list = await session.LoadAsync<ListOfSpeakers>(meetingId, cancellation);
        if (list is null) return Refusal.NoMeeting(meetingId).ToResult();
        if (list.Find(inscriptionId) is not { } entry) return Refusal.NotFound($"Inscription {inscriptionId} is not on the list of this meeting.").ToResult();
        if (Actor.Of(user).RefuseUnlessFor(entry.Speaker.Participant) is { } refused) return refused;

        byte[]? content;
        string? name;
        ProblemDetails? problem;
        try
        {
            (content, name, problem) = await ReadFileAsync(http.Request, cancellation);
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            // Past the server's own limit on a body, or a multipart section longer than the form reader allows.
            return Results.Problem(Problem(StatusCodes.Status413PayloadTooLarge, "The file is too large",
                $"A statement is at most {SpeakersList.Publishing.Statements.MaxBytes / (1024 * 1024)} MB."));
        }
        if (problem is not null) return Results.Problem(problem);
        if (StatementContent.Detect(content!) is not { } format)
            return Results.Problem(Problem(StatusCodes.Status415UnsupportedMediaType, "Not a PDF, DOCX or plain-text file",
                "A statement is a PDF, a Word document (DOCX) or plain UTF-8 text; the content of this file is none of these (its name and declared type are not looked at)."));

        var streamId = SpeakersList.Publishing.Statements.StreamId(meetingId, inscriptionId);
        var history = StatementHistory.Of(streamId, (await session.Events.FetchStreamAsync(streamId, token: cancellation)).Data());
        var now = clock.GetUtcNow();
        var file = new StatementFile(Guid.NewGuid(), format, name, content!.Length, Convert.ToHexString(SHA256.HashData(content)));
        var decision = SpeakersList.Publishing.Statements.Decide(list, entry, history, file, commandId ?? Guid.NewGuid(), now);
        if (decision.Refusal is { } refusal) return refusal.ToResult();
        if (decision.Events.Count == 0) return Results.Ok(View(list, entry, history, true));

        session.Store(new StoredStatementFile(file.FileId, content));
        session.LastModifiedBy = user.Identity?.Name;
        session.CorrelationId = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        if (history.Versions.Count == 0) session.Events.StartStream(streamId, decision.Events.ToArray());
        else session.Events.Append(streamId, history.Versions.Count + decision.Events.Count, decision.Events.ToArray());
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception ex) when (ex is ExistingStreamIdCollisionException or JasperFx.Events.EventStreamUnexpectedMaxEventIdException
                                   || ex.GetType().Name.EndsWith("ConcurrencyException", StringComparison.Ordinal))
        {
            return Refusal.Conflict("Another version of this statement was submitted at the same moment: look at it, then submit again.").ToResult();
        }
        var after = history with { Versions = [.. history.Versions, .. decision.Events.OfType<StatementSubmitted>()] };
        return Results.Created(StatementQueries.Path(meetingId, inscriptionId), View(list, entry, after, true));
    }

    public static StatementView View(ListOfSpeakers list, Entry entry, StatementHistory history, bool allVersions) => new(
        list.Id, entry.InscriptionId, entry.Speaker.Participant, SpeakersList.Publishing.Statements.IsPublic(list, entry),
        history.Versions.Where(v => allVersions || v == history.Current).Select(v => new StatementVersionView(
            v.Version, StatementContent.MediaType(v.Format), v.FileName, v.Length, v.Sha256, v.At,
            $"{StatementQueries.Path(list.Id, entry.InscriptionId)}?version={v.Version}")).ToList());

    private static async Task<(byte[]? Content, string? Name, ProblemDetails? Problem)> ReadFileAsync(HttpRequest request, CancellationToken cancellation)
    {
        var tooLarge = Problem(StatusCodes.Status413PayloadTooLarge, "The file is too large",
            $"A statement is at most {SpeakersList.Publishing.Statements.MaxBytes / (1024 * 1024)} MB.");
        // A body far over the limit is refused before it is read (the margin leaves room for a multipart form's headers).
        if (request.ContentLength > SpeakersList.Publishing.Statements.MaxBytes + 64 * 1024) return (null, null, tooLarge);
        Stream body;
        string? name = null;
        if (request.HasFormContentType)
        {
            var form = await request.ReadClientFormAsync(cancellation);
            var upload = form.Files.FirstOrDefault();
            if (upload is null || upload.Length == 0) return (null, null, Empty());
            if (upload.Length > SpeakersList.Publishing.Statements.MaxBytes) return (null, null, tooLarge);
            name = Path.GetFileName(upload.FileName);
            body = upload.OpenReadStream();
        }
        else
        {
            body = request.Body;
            name = request.Headers["X-File-Name"].FirstOrDefault() is { Length: > 0 and <= 200 } header ? Path.GetFileName(header) : null;
        }
        // Read one byte past the limit to know it was passed, without reading an endless body.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellation)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > SpeakersList.Publishing.Statements.MaxBytes) return (null, null, tooLarge);
        }
        return buffer.Length == 0 ? (null, null, Empty()) : (buffer.ToArray(), name is { Length: > 200 } ? name[..200] : name, null);
    }

    private static ProblemDetails Empty() => Refusals.BadRequest("The file is empty: attach the statement as the body, or as a file of a multipart form.");

    public static ProblemDetails Problem(int status, string title, string detail) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = status == 415 ? ProblemTypes.UnsupportedFile : ProblemTypes.FileTooLarge,
    };
}

/// <summary>One of a delegation's slots, with its statement's latest version (0: none yet).</summary>
public sealed record StatementSlotView(Guid MeetingId, string MeetingTitle, DateTimeOffset MeetingStart, Guid InscriptionId, int Position,
    string SpeakerName, EntryState State, int StatementVersion);

public static class StatementQueries
{
    /// <summary>The delegation's slots on every list, each with the version of its statement (the delegation itself or an officer).</summary>
    [WolverineGet("/api/delegations/{code}/statements", OperationId = "GetDelegationStatements")]
    [DelegationMayAct]
    [ProducesResponseType<IReadOnlyList<StatementSlotView>>(200)]
    [ProducesResponseType<ProblemDetails>(403)]
    public static async Task<IResult> Slots(string code, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (Actor.Of(user).RefuseUnlessFor(code) is { } refused) return refused;
        if (!ParticipantCode.TryParse(code, out var participant)) return Results.Ok(Array.Empty<StatementSlotView>());
        var submitted = (await session.Events.QueryRawEventDataOnly<StatementSubmitted>().ToListAsync(cancellation))
            .Where(x => x.Participant == participant)
            .GroupBy(x => x.InscriptionId).ToDictionary(g => g.Key, g => g.Max(x => x.Version));
        var slots = new List<StatementSlotView>();
        foreach (var list in await session.Query<ListOfSpeakers>().ToListAsync(cancellation))
        {
            if (!list.Entries.Any(e => e.Speaker.Represents(participant))) continue;
            var venue = list.Meeting.Details.Venue();
            slots.AddRange(SpeakersListView.From(list).Entries
                .Where(e => e.Speaker.Represents(participant) && e.State is not (EntryState.Withdrawn or EntryState.CarriedOver))
                .Select(e => new StatementSlotView(list.Id, list.Meeting.Details.Title, venue.LocalTime(list.ScheduledStart), e.InscriptionId, e.Position,
                    e.Speaker.SpeakerName, e.State, submitted.GetValueOrDefault(e.InscriptionId))));
        }
        return Results.Ok(slots.OrderBy(s => s.MeetingStart).ThenBy(s => s.Position).ToList());
    }

    public static string Path(Guid meetingId, Guid inscriptionId) => $"/api/meetings/{meetingId}/inscriptions/{inscriptionId}/statement";

    /// <summary>
    /// The statement of an inscription (the latest version, or ?version=N): officers and the delegation at once,
    /// everyone else only once the speech has started (404 before).
    /// </summary>
    [WolverineGet("/api/meetings/{meetingId}/inscriptions/{inscriptionId}/statement", OperationId = "GetStatement")]
    [ProducesResponseType(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid meetingId, Guid inscriptionId, [FromQuery] int? version, IQuerySession session, ClaimsPrincipal user,
        HttpContext http, CancellationToken cancellation)
    {
        if (await VisibleAsync(session, meetingId, inscriptionId, user, cancellation) is not { } found) return NotYet();
        var chosen = version is { } v ? found.History.Versions.FirstOrDefault(x => x.Version == v) : found.History.Current;
        if (chosen is null) return Refusal.NotFound($"There is no version {version} of this statement.").ToResult();
        if (await session.LoadAsync<StoredStatementFile>(chosen.FileId, cancellation) is not { } file)
            return Refusal.NotFound("The file of this statement is missing.").ToResult();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var name = $"statement-{chosen.Participant.Value.ToLowerInvariant()}-v{chosen.Version}.{StatementContent.Extension(chosen.Format)}";
        return Results.File(file.Content, StatementContent.MediaType(chosen.Format), name);
    }

    /// <summary>The versions of a statement (who may see the statement sees its history).</summary>
    [WolverineGet("/api/meetings/{meetingId}/inscriptions/{inscriptionId}/statement/versions", OperationId = "GetStatementVersions")]
    [ProducesResponseType<StatementView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Versions(Guid meetingId, Guid inscriptionId, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellation) =>
        await VisibleAsync(session, meetingId, inscriptionId, user, cancellation) is { } found
            ? Results.Ok(SubmitStatementEndpoint.View(found.List, found.Entry, found.History, true))
            : NotYet();

    private static IResult NotYet() => Refusal.NotFound(
        "There is no statement to show: none was attached, or it is published only once the speech has started.").ToResult();

    private static async Task<(ListOfSpeakers List, Entry Entry, StatementHistory History)?> VisibleAsync(IQuerySession session, Guid meetingId,
        Guid inscriptionId, ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ListOfSpeakers>(meetingId, cancellation) is not { } list || list.Find(inscriptionId) is not { } entry) return null;
        var streamId = SpeakersList.Publishing.Statements.StreamId(meetingId, inscriptionId);
        var history = StatementHistory.Of(streamId, (await session.Events.FetchStreamAsync(streamId, token: cancellation)).Data());
        if (history.Current is null) return null;
        // The room's booths read it ahead, to interpret against delivery.
        var mayAlwaysSee = Actor.Of(user).MayActFor(entry.Speaker.Participant) || Booths.BoothAccess.IsBoothOf(user, list.Meeting.Details.Room);
        return mayAlwaysSee || SpeakersList.Publishing.Statements.IsPublic(list, entry) ? (list, entry, history) : null;
    }
}
