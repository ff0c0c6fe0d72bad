using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace SpeakersList.Server.Publishing.Calendars;

/// <summary>
/// A secret address at which a calendar application reads a delegation's calendar (it cannot send a
/// bearer token). Only the SHA-256 of the secret is kept; revoking the link makes the address answer 404.
/// </summary>
public sealed record CalendarLink(Guid Id, string Participant, string TokenHash, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt = null);

/// <summary>The link as it is answered once, with its secret address.</summary>
public sealed record CalendarLinkCreated(Guid Id, string Participant, string Url, DateTimeOffset CreatedAt);

/// <summary>A link as it is listed later: never its secret.</summary>
public sealed record CalendarLinkSummary(Guid Id, string Participant, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

public static class CalendarLinkEndpoints
{
    public const string FeedRoute = "/api/calendars/{token}/calendar.ics";

    /// <summary>
    /// Create a secret calendar address for the delegation (the delegation itself or an officer). Subscribe to the
    /// answered url in a calendar application; the address is shown in this answer only.
    /// </summary>
    [WolverinePost("/api/delegations/{code}/calendar-links", OperationId = "CreateCalendarLink")]
    [DelegationMayAct]
    [ProducesResponseType<CalendarLinkCreated>(201)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<(IResult, IMartenOp)> Create(string code, IQuerySession session, ClaimsPrincipal user, HttpContext http,
        TimeProvider clock, CancellationToken cancellation)
    {
        if (Actor.Of(user).RefuseUnlessFor(code) is { } refused) return (refused, MartenOps.Nothing());
        var participant = await session.LoadParticipantAsync(code, cancellation);
        if (participant is null)
            return (Refusal.UnknownParticipant(code, namedByAddress: true).ToResult(), MartenOps.Nothing());
        var token = Base64Url(RandomNumberGenerator.GetBytes(24));
        var link = new CalendarLink(Guid.NewGuid(), participant.Code.Value, Hash(token), clock.GetUtcNow(), user.Identity?.Name ?? "unknown");
        var url = $"{http.Request.Scheme}://{http.Request.Host}{FeedRoute.Replace("{token}", token)}";
        return (Results.Created($"/api/delegations/{participant.Code}/calendar-links/{link.Id}",
            new CalendarLinkCreated(link.Id, participant.Code.Value, url, link.CreatedAt)), MartenOps.Store(link));
    }

    /// <summary>The delegation's calendar links (never their secret addresses).</summary>
    [WolverineGet("/api/delegations/{code}/calendar-links", OperationId = "GetCalendarLinks")]
    [DelegationMayAct]
    [ProducesResponseType<IReadOnlyList<CalendarLinkSummary>>(200)]
    public static async Task<IResult> List(string code, IQuerySession session, ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (Actor.Of(user).RefuseUnlessFor(code) is { } refused) return refused;
        if (!ParticipantCode.TryParse(code, out var delegation)) return Results.Ok(Array.Empty<CalendarLinkSummary>());
        var subject = delegation.Value;
        var links = await session.Query<CalendarLink>().Where(x => x.Participant == subject).OrderBy(x => x.CreatedAt).ToListAsync(cancellation);
        return Results.Ok(links.Select(x => new CalendarLinkSummary(x.Id, x.Participant, x.CreatedAt, x.CreatedBy, x.RevokedAt)).ToList());
    }

    /// <summary>Revoke a calendar link: its address answers 404 from now on. Repeating it changes nothing.</summary>
    [WolverineDelete("/api/delegations/{code}/calendar-links/{id}", OperationId = "RevokeCalendarLink")]
    [DelegationMayAct]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(403)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<(IResult, IMartenOp)> Revoke(string code, Guid id, IQuerySession session, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        if (Actor.Of(user).RefuseUnlessFor(code) is { } refused) return (refused, MartenOps.Nothing());
        var link = await session.LoadAsync<CalendarLink>(id, cancellation);
        if (link is null || !string.Equals(link.Participant, code.Trim(), StringComparison.OrdinalIgnoreCase))
            return (Refusal.NotFound($"There is no calendar link {id} for {code}.").ToResult(), MartenOps.Nothing());
        return link.RevokedAt is not null
            ? (Results.NoContent(), MartenOps.Nothing())
            : (Results.NoContent(), MartenOps.Store(link with { RevokedAt = clock.GetUtcNow() }));
    }

    /// <summary>A delegation's calendar, read by a calendar application at its secret address (text/calendar).</summary>
    [WolverineGet(FeedRoute, OperationId = "GetDelegationCalendar")]
    [Produces("text/calendar")]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Feed(string token, IQuerySession session, CancellationToken cancellation)
    {
        var hash = Hash(token);
        var link = await session.Query<CalendarLink>().FirstOrDefaultAsync(x => x.TokenHash == hash, cancellation);
        if (link is null || link.RevokedAt is not null)
            return Refusal.NotFound("There is no calendar at this address: the link is unknown or has been revoked.").ToResult();
        var text = await DelegationCalendar.BuildAsync(session, ParticipantCode.Parse(link.Participant), cancellation);
        return Results.Text(text, "text/calendar; charset=utf-8");
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
