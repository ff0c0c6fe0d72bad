using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace SpeakersList.Server.Access;

/// <summary>
/// Officers' sessions can be ended: every cookie and bearer token of an officer carries the officer's
/// session stamp (<see cref="SessionClaims.Stamp"/>), and <see cref="SessionChecks"/> refuses one whose stamp is no longer the officer's
/// (within 5 seconds on every node). Changing the stamp ends them all.
/// </summary>
public static class OfficerSessions
{
    public static ClaimsPrincipal Stamped(ClaimsPrincipal principal, Officer officer)
    {
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(SessionClaims.Officer, officer.Id));
        identity.AddClaim(new Claim(SessionClaims.Stamp, officer.SessionStamp ?? ""));
        return principal;
    }

    public static bool StillValid(Officer? officer, string stamp) => officer is not null && (officer.SessionStamp ?? "") == stamp;

    /// <summary>Sign out everywhere: every session of the signed-in officer ends, this one included.</summary>
    [WolverinePost("/api/auth/sign-out-everywhere", OperationId = "SignOutEverywhere")]
    [ProducesResponseType(204)]
    public static async Task<(IResult, IMartenOp)> SignOutEverywhere(ClaimsPrincipal user, IQuerySession session, ILogger<Officer> logger,
        HttpContext context, CancellationToken cancellation)
    {
        var officer = user.FindFirst(SessionClaims.Officer)?.Value is { } id ? await session.LoadAsync<Officer>(id, cancellation) : null;
        if (officer is null)
            return (Results.Problem(Actor.Refusal(true, "Only an officer signed in with this service's own sign-in has sessions to end here.")), MartenOps.Nothing());
        await context.SignOutAsync(AccessSetup.CookieScheme);
        logger.LogInformation("Officer {Officer} ended all of their sessions", officer.Name);
        return (Results.NoContent(), MartenOps.Store(officer with { SessionStamp = Guid.NewGuid().ToString("N") }));
    }

    /// <summary>End every session of an officer (a lost laptop, someone leaving the secretariat). Officers only.</summary>
    [WolverineDelete("/api/officers/{name}/sessions", OperationId = "EndOfficerSessions")]
    [ProducesResponseType(204)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<(IResult, IMartenOp)> EndSessions(string name, ClaimsPrincipal user, IQuerySession session, ILogger<Officer> logger,
        CancellationToken cancellation)
    {
        var officer = name.Length <= 100 ? await session.LoadAsync<Officer>(Officers.IdFor(name), cancellation) : null;
        if (officer is null) return (Refusal.NotFound($"There is no officer named '{name}'.").ToResult(), MartenOps.Nothing());
        logger.LogInformation("{User} ended all sessions of officer {Officer}", user.Identity?.Name, officer.Name);
        return (Results.NoContent(), MartenOps.Store(officer with { SessionStamp = Guid.NewGuid().ToString("N") }));
    }
}
