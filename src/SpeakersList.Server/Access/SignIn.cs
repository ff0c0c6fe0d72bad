using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace SpeakersList.Server.Access;

public sealed record OfficerCredentials(string Name, string Password);

public sealed record AccessCodeCredentials(string Code);

/// <summary>Who is looking: what the pages need to know about the signed-in user.</summary>
public sealed record SignedInUser(bool Authenticated, string? Name, string? Role, string? Delegation, string? Room);

public sealed record AntiforgeryToken(string Token, string HeaderName);

/// <summary>
/// Sign-in for each role. <c>?useCookies=true</c> answers with a session cookie (the pages);
/// otherwise with a bearer token (API clients, screens, tests). A refusal never says whether the
/// name or the code exists.
/// </summary>
public static class SignInEndpoints
{
    /// <summary>An officer signs in with a name and a password.</summary>
    [AllowAnonymous, EnableRateLimiting(RateLimits.SignInPolicy)]
    [WolverinePost("/api/auth/officer/sign-in", OperationId = "OfficerSignIn")]
    [ProducesResponseType<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(200)]
    [ProducesResponseType<ProblemDetails>(401)]
    public static async Task<IResult> Officer(OfficerCredentials credentials, [FromQuery] bool? useCookies,
        IQuerySession session, IDocumentStore store, SignInThrottle throttle, ILogger<OfficerCredentials> logger, HttpContext context, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(credentials?.Name) || string.IsNullOrEmpty(credentials.Password) || credentials.Name.Length > 100 || credentials.Password.Length > 1000)
            return Refused(logger, context, "officer");
        var key = SignInThrottle.OfficerKey(credentials.Name);
        if (throttle.LockedFor(key) is { } locked) return LockedOut(logger, context, "officer", locked);
        var officer = await session.LoadAsync<Officer>(Officers.IdFor(credentials.Name), cancellation);
        var check = Secrets.CheckPassword(credentials.Password, officer?.PasswordHash ?? Secrets.DecoyHash);
        if (officer is null || check == PasswordCheck.Wrong)
        {
            throttle.Failed(key);
            return Refused(logger, context, "officer");
        }
        throttle.Succeeded(key);
        if (check == PasswordCheck.RightButRehash)
        {
            // An older format or fewer iterations: stored again in the current one, now that the password is known to be right.
            officer = officer with { PasswordHash = Secrets.HashPassword(credentials.Password) };
            await using var write = store.LightweightSession();
            write.Store(officer);
            await write.SaveChangesAsync(cancellation);
            logger.LogInformation("The password hash of officer {Officer} was upgraded", officer.Name);
        }
        logger.LogInformation("Officer {Officer} signed in", officer.Name);
        return SignIn(OfficerSessions.Stamped(Roles.Principal(Roles.Officer, $"officer:{officer.Name}"), officer), useCookies);
    }

    /// <summary>A delegation signs in with the access code an officer issued to it.</summary>
    [AllowAnonymous, EnableRateLimiting(RateLimits.SignInPolicy)]
    [WolverinePost("/api/auth/delegation/sign-in", OperationId = "DelegationSignIn")]
    [ProducesResponseType<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(200)]
    [ProducesResponseType<ProblemDetails>(401)]
    public static Task<IResult> Delegation(AccessCodeCredentials credentials, [FromQuery] bool? useCookies,
        IQuerySession session, TimeProvider clock, SignInThrottle throttle, ILogger<AccessCodeCredentials> logger, HttpContext context, CancellationToken cancellation) =>
        WithCode(CredentialKind.Delegation, credentials, useCookies, session, clock, throttle, logger, context, cancellation, code =>
        {
            logger.LogInformation("Delegation {Delegation} signed in with access code {AccessCodeId}", code.Subject, code.Id);
            return Roles.Principal(Roles.Delegation, $"delegation:{code.Subject}", delegation: code.Subject, credential: code.Id);
        });

    /// <summary>A hall display signs in with its room's read-only token.</summary>
    [AllowAnonymous, EnableRateLimiting(RateLimits.SignInPolicy)]
    [WolverinePost("/api/auth/display/sign-in", OperationId = "DisplaySignIn")]
    [ProducesResponseType<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(200)]
    [ProducesResponseType<ProblemDetails>(401)]
    public static Task<IResult> Display(AccessCodeCredentials credentials, [FromQuery] bool? useCookies,
        IQuerySession session, TimeProvider clock, SignInThrottle throttle, ILogger<AccessCodeCredentials> logger, HttpContext context, CancellationToken cancellation) =>
        WithCode(CredentialKind.Display, credentials, useCookies, session, clock, throttle, logger, context, cancellation, token =>
        {
            logger.LogInformation("A display of {Room} signed in with token {AccessCodeId}", token.Subject, token.Id);
            return Roles.Principal(Roles.Display, $"display:{token.Subject}", room: token.Subject, credential: token.Id);
        });

    /// <summary>A room's interpretation booth signs in with its room's booth token.</summary>
    [AllowAnonymous, EnableRateLimiting(RateLimits.SignInPolicy)]
    [WolverinePost("/api/auth/booth/sign-in", OperationId = "BoothSignIn")]
    [ProducesResponseType<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>(200)]
    [ProducesResponseType<ProblemDetails>(401)]
    public static Task<IResult> Booth(AccessCodeCredentials credentials, [FromQuery] bool? useCookies,
        IQuerySession session, TimeProvider clock, SignInThrottle throttle, ILogger<AccessCodeCredentials> logger, HttpContext context, CancellationToken cancellation) =>
        WithCode(CredentialKind.Booth, credentials, useCookies, session, clock, throttle, logger, context, cancellation, token =>
        {
            logger.LogInformation("A booth of {Room} signed in with token {AccessCodeId}", token.Subject, token.Id);
            return Roles.Principal(Roles.Booth, $"booth:{token.Subject}", room: token.Subject, credential: token.Id);
        });

    /// <summary>Ends the cookie session. A bearer token ends when it expires or when its code is revoked.</summary>
    [AllowAnonymous]
    [WolverinePost("/api/auth/sign-out", OperationId = "SignOut")]
    public static async Task<IResult> SignOut(HttpContext context)
    {
        await context.SignOutAsync(AccessSetup.CookieScheme);
        return Results.NoContent();
    }

    /// <summary>The signed-in user, or <c>authenticated: false</c>.</summary>
    [WolverineGet("/api/auth/me", OperationId = "Me")]
    public static SignedInUser Me(ClaimsPrincipal user)
    {
        var actor = Actor.Of(user);
        return new SignedInUser(actor.IsAuthenticated, actor.Name, actor.Role, actor.Delegation, user.FindFirst(SessionClaims.Room)?.Value);
    }

    /// <summary>
    /// The antiforgery token a page signed in with a cookie sends in the X-CSRF-TOKEN header of every
    /// POST, PUT, PATCH and DELETE. Ask for it after signing in: it is bound to the user.
    /// </summary>
    [WolverineGet("/api/auth/antiforgery", OperationId = "GetAntiforgeryToken")]
    public static AntiforgeryToken Antiforgery(IAntiforgery antiforgery, HttpContext context)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        context.Response.Headers.CacheControl = "no-store";
        return new AntiforgeryToken(tokens.RequestToken!, tokens.HeaderName!);
    }

    // A delegation's access code or a display's token: the same throttle, lookup and refusal; the caller names who signed in.
    private static async Task<IResult> WithCode(CredentialKind kind, AccessCodeCredentials credentials, bool? useCookies, IQuerySession session,
        TimeProvider clock, SignInThrottle throttle, ILogger logger, HttpContext context, CancellationToken cancellation, Func<AccessCode, ClaimsPrincipal> principal)
    {
        var role = kind.ToString().ToLowerInvariant();
        if (Locked(credentials, throttle) is { } locked) return LockedOut(logger, context, role, locked);
        var code = await FindAsync(credentials, kind, session, clock, throttle, cancellation);
        return code is null ? Refused(logger, context, role) : SignIn(principal(code), useCookies);
    }

    private static async Task<AccessCode?> FindAsync(AccessCodeCredentials? credentials, CredentialKind kind, IQuerySession session,
        TimeProvider clock, SignInThrottle throttle, CancellationToken cancellation)
    {
        if (string.IsNullOrWhiteSpace(credentials?.Code) || credentials.Code.Length > 100) return null;
        var hash = Secrets.HashCode(credentials.Code);
        var code = await session.Query<AccessCode>().Where(x => x.SecretHash == hash).FirstOrDefaultAsync(cancellation);
        var valid = code is not null && code.Kind == kind && code.IsValidAt(clock.GetUtcNow());
        if (valid) throttle.Succeeded(SignInThrottle.CodeKey(credentials.Code));
        else throttle.Failed(SignInThrottle.CodeKey(credentials.Code));
        return valid ? code : null;
    }

    private static TimeSpan? Locked(AccessCodeCredentials? credentials, SignInThrottle throttle) =>
        string.IsNullOrWhiteSpace(credentials?.Code) || credentials.Code.Length > 100 ? null : throttle.LockedFor(SignInThrottle.CodeKey(credentials.Code));

    // Too many failures for this account or code: 429 with Retry-After, the same for a name that exists and one that does not.
    private static IResult LockedOut(ILogger logger, HttpContext context, string role, TimeSpan locked)
    {
        logger.LogWarning("Refused a {Role} sign-in from {RemoteAddress}: locked after repeated failures", role, context.Connection.RemoteIpAddress);
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(locked.TotalSeconds)).ToString();
        return Results.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many failed sign-ins",
            Detail = "Too many failed sign-ins with these credentials; wait and try again.",
            Type = ProblemTypes.RateLimited,
        });
    }

    // The cookie is a browser-session cookie (no Expires attribute); the ticket inside it expires after SpeakersList:SessionHours.
    private static IResult SignIn(ClaimsPrincipal principal, bool? useCookies) =>
        Results.SignIn(principal, new AuthenticationProperties { IsPersistent = false },
            useCookies == true ? AccessSetup.CookieScheme : AccessSetup.BearerScheme);

    // The same words and the same status whatever was wrong; the log says neither the secret nor which part failed.
    private static IResult Refused(ILogger logger, HttpContext context, string role)
    {
        logger.LogWarning("Refused a {Role} sign-in from {RemoteAddress}", role, context.Connection.RemoteIpAddress);
        return Results.Problem(Actor.Refusal(false, "These credentials are not valid, or no longer valid."));
    }
}
