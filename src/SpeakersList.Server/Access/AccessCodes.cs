using System.Security.Claims;

namespace SpeakersList.Server.Access;

/// <summary>An issued code or token, shown once: only its hash is kept.</summary>
public sealed record IssuedCredential(Guid Id, string Subject, string Secret, DateTimeOffset ExpiresAt);

/// <summary>What officers see of an issued code: never the secret.</summary>
public sealed record CredentialSummary(Guid Id, string Subject, DateTimeOffset IssuedAt, string IssuedBy, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>Officers issue and revoke the delegations' access codes and the displays' read-only tokens (officers only: no attribute opens them).</summary>
public static class AccessCodeEndpoints
{
    private const int DefaultDays = 14;

    /// <summary>Issue an access code to a delegation. The code is in this answer only. Optional: validForHours (default 14 days, at most 90 days).</summary>
    [WolverinePost("/api/delegations/{code}/access-codes", OperationId = "IssueAccessCode")]
    [ProducesResponseType<IssuedCredential>(201)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<(IResult, IMartenOp)> IssueToDelegation(string code, [FromQuery] int? validForHours, IQuerySession session,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
    {
        var participant = await session.LoadParticipantAsync(code, cancellation);
        if (participant is null)
            return (Refusal.UnknownParticipant(code, namedByAddress: true).ToResult(), MartenOps.Nothing());
        return Issue(CredentialKind.Delegation, participant.Code.Value, validForHours, user, clock, $"/api/delegations/{participant.Code}/access-codes");
    }

    /// <summary>Revoke a delegation's access code: its sessions end within seconds. Repeating it changes nothing.</summary>
    [WolverineDelete("/api/delegations/{code}/access-codes/{id}", OperationId = "RevokeAccessCode")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static Task<(IResult, IMartenOp)> RevokeForDelegation(string code, Guid id, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        ParticipantCode.TryParse(code, out var delegation)
            ? Revoke(CredentialKind.Delegation, delegation.Value, id, session, clock, cancellation)
            : Task.FromResult<(IResult, IMartenOp)>((Refusal.NotFound($"No such access code for {code}.").ToResult(), MartenOps.Nothing()));

    /// <summary>The access codes issued to a delegation (never the codes themselves).</summary>
    [OfficerOnly]
    [WolverineGet("/api/delegations/{code}/access-codes", OperationId = "GetAccessCodes")]
    public static Task<IReadOnlyList<CredentialSummary>> ListForDelegation(string code, IQuerySession session, CancellationToken cancellation) =>
        ParticipantCode.TryParse(code, out var delegation)
            ? List(CredentialKind.Delegation, delegation.Value, session, cancellation)
            : Task.FromResult<IReadOnlyList<CredentialSummary>>([]);

    /// <summary>Issue a read-only token for a room's hall display. Optional: validForHours.</summary>
    [WolverinePost("/api/displays/{room}/tokens", OperationId = "IssueDisplayToken")]
    [ProducesResponseType<IssuedCredential>(201)]
    [ProducesResponseType<ProblemDetails>(400)]
    public static (IResult, IMartenOp) IssueToDisplay(string room, [FromQuery] int? validForHours, ClaimsPrincipal user, TimeProvider clock)
    {
        if (Validation.Missing(room, 100))
            return (Results.Problem(Refusals.BadRequest("room is required (at most 100 characters).")), MartenOps.Nothing());
        return Issue(CredentialKind.Display, room.Trim(), validForHours, user, clock, $"/api/displays/{Uri.EscapeDataString(room.Trim())}/tokens");
    }

    /// <summary>Revoke a display token.</summary>
    [WolverineDelete("/api/displays/{room}/tokens/{id}", OperationId = "RevokeDisplayToken")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static Task<(IResult, IMartenOp)> RevokeForDisplay(string room, Guid id, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        Revoke(CredentialKind.Display, room.Trim(), id, session, clock, cancellation);

    [OfficerOnly]
    [WolverineGet("/api/displays/{room}/tokens", OperationId = "GetDisplayTokens")]
    public static Task<IReadOnlyList<CredentialSummary>> ListForDisplay(string room, IQuerySession session, CancellationToken cancellation) =>
        List(CredentialKind.Display, room.Trim(), session, cancellation);

    /// <summary>Issue a token for a room's interpretation booths (they read the room's list and statements ahead, and message the chair). Optional: validForHours.</summary>
    [WolverinePost("/api/booths/{room}/tokens", OperationId = "IssueBoothToken")]
    [ProducesResponseType<IssuedCredential>(201)]
    [ProducesResponseType<ProblemDetails>(400)]
    public static (IResult, IMartenOp) IssueToBooth(string room, [FromQuery] int? validForHours, ClaimsPrincipal user, TimeProvider clock)
    {
        if (Validation.Missing(room, 100))
            return (Results.Problem(Refusals.BadRequest("room is required (at most 100 characters).")), MartenOps.Nothing());
        return Issue(CredentialKind.Booth, room.Trim(), validForHours, user, clock, $"/api/booths/{Uri.EscapeDataString(room.Trim())}/tokens");
    }

    /// <summary>Revoke a booth token.</summary>
    [WolverineDelete("/api/booths/{room}/tokens/{id}", OperationId = "RevokeBoothToken")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static Task<(IResult, IMartenOp)> RevokeForBooth(string room, Guid id, IQuerySession session, TimeProvider clock, CancellationToken cancellation) =>
        Revoke(CredentialKind.Booth, room.Trim(), id, session, clock, cancellation);

    [OfficerOnly]
    [WolverineGet("/api/booths/{room}/tokens", OperationId = "GetBoothTokens")]
    public static Task<IReadOnlyList<CredentialSummary>> ListForBooth(string room, IQuerySession session, CancellationToken cancellation) =>
        List(CredentialKind.Booth, room.Trim(), session, cancellation);

    private static (IResult, IMartenOp) Issue(CredentialKind kind, string subject, int? validForHours, ClaimsPrincipal user, TimeProvider clock, string location)
    {
        if (validForHours is < 1 or > 90 * 24)
            return (Results.Problem(Refusals.BadRequest("validForHours is between 1 and 2160 (90 days).")), MartenOps.Nothing());
        var now = clock.GetUtcNow();
        var secret = Secrets.NewCode();
        var issued = new AccessCode(Guid.NewGuid(), kind, subject, Secrets.HashCode(secret), now, user.Identity?.Name ?? "unknown",
            now + (validForHours is { } hours ? TimeSpan.FromHours(hours) : TimeSpan.FromDays(DefaultDays)));
        return (Results.Created($"{location}/{issued.Id}", new IssuedCredential(issued.Id, subject, secret, issued.ExpiresAt)), MartenOps.Store(issued));
    }

    private static async Task<(IResult, IMartenOp)> Revoke(CredentialKind kind, string subject, Guid id, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        var code = await session.LoadAsync<AccessCode>(id, cancellation);
        if (code is null || code.Kind != kind || !string.Equals(code.Subject, subject, StringComparison.OrdinalIgnoreCase))
            return (Refusal.NotFound($"No such {(kind switch { CredentialKind.Delegation => "access code", CredentialKind.Booth => "booth token", _ => "display token" })} for {subject}.").ToResult(), MartenOps.Nothing());
        if (code.RevokedAt is not null) return (Results.NoContent(), MartenOps.Nothing());
        return (Results.NoContent(), MartenOps.Store(code with { RevokedAt = clock.GetUtcNow() }));
    }

    private static async Task<IReadOnlyList<CredentialSummary>> List(CredentialKind kind, string subject, IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<AccessCode>().Where(x => x.Kind == kind && x.Subject == subject).OrderBy(x => x.IssuedAt).ToListAsync(cancellation))
            .Select(x => new CredentialSummary(x.Id, x.Subject, x.IssuedAt, x.IssuedBy, x.ExpiresAt, x.RevokedAt)).ToList();
}
