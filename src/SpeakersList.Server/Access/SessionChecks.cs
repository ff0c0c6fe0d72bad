using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Caching.Memory;

namespace SpeakersList.Server.Access;

/// <summary>
/// Between authentication and authorization:
/// a session opened with an access code or display token ends when the code is revoked or expires;
/// a write authenticated by the session cookie must carry the antiforgery token (X-CSRF-TOKEN);
/// a display never writes, whatever an endpoint's attribute says.
/// </summary>
public sealed class SessionChecks(RequestDelegate next, IMemoryCache cache, TimeProvider clock, ILogger<SessionChecks> logger)
{
    private static readonly TimeSpan Remember = TimeSpan.FromSeconds(5);

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.FindFirst(SessionClaims.Credential)?.Value is { } credential && !await StillValid(context, credential))
            context.User = new ClaimsPrincipal(new ClaimsIdentity());
        if (context.User.FindFirst(SessionClaims.Officer)?.Value is { } officer
            && !await OfficerStillValid(context, officer, context.User.FindFirst(SessionClaims.Stamp)?.Value ?? ""))
            context.User = new ClaimsPrincipal(new ClaimsIdentity());

        var write = !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method));
        var open = context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        if (write && !open && context.User.Identity?.IsAuthenticated == true)
        {
            if (context.User.IsInRole(Roles.Display) && !context.User.IsInRole(Roles.Officer))
            {
                await Results.Problem(Actor.Refusal(true, "A display is read-only.")).ExecuteAsync(context);
                return;
            }
            if (AccessSetup.BearerTokenOf(context) is null && !await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
            {
                logger.LogWarning("Refused a {Method} {Path} signed in by cookie without a valid antiforgery token", context.Request.Method, context.Request.Path);
                await Results.Problem(Actor.Refusal(true,
                    $"A change made with the session cookie must carry the antiforgery token in the {AccessSetup.AntiforgeryHeader} header (GET /api/auth/antiforgery)."))
                    .ExecuteAsync(context);
                return;
            }
        }
        await next(context);
    }

    // An officer's session ends when the officer's session stamp changes (sign out everywhere) or the officer is removed.
    private async Task<bool> OfficerStillValid(HttpContext context, string id, string stamp)
    {
        var key = $"officer-session:{id}";
        if (!cache.TryGetValue(key, out Officer? officer))
        {
            // When the remembered officer expires in the middle of a rush, its requests share one read (issue 25: 193 reads
            // at once took as many pooled connections and stalled the round).
            var load = _loading.GetOrAdd(key, _ => new Lazy<Task<Officer?>>(() => LoadOfficer(context.RequestServices, id)));
            try
            {
                officer = await load.Value;
            }
            finally
            {
                _loading.TryRemove(new KeyValuePair<string, Lazy<Task<Officer?>>>(key, load));
            }
            // Only an officer found is remembered: a miss (an officer removed, or not yet stored again) is asked again next time.
            if (officer is not null) cache.Set(key, officer, Remember);
        }
        return OfficerSessions.StillValid(officer, stamp);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<Officer?>>> _loading = new();

    private static async Task<Officer?> LoadOfficer(IServiceProvider services, string id)
    {
        await using var session = services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.LoadAsync<Officer>(id); // shared by several requests: none's abort ends it
    }

    private async Task<bool> StillValid(HttpContext context, string credential)
    {
        if (!Guid.TryParse(credential, out var id)) return false;
        // Remembered by the service's clock (the cache's own expiry only bounds its memory), so that a test's clock moves it too.
        var now = clock.GetUtcNow();
        if (!cache.TryGetValue(id, out Remembered? remembered) || remembered!.Until <= now)
        {
            await using var session = context.RequestServices.GetRequiredService<IDocumentStore>().QuerySession();
            remembered = new Remembered(await session.LoadAsync<AccessCode>(id, context.RequestAborted), now + Remember);
            cache.Set(id, remembered, Remember);
        }
        return remembered.Code?.IsValidAt(now) == true;
    }

    private sealed record Remembered(AccessCode? Code, DateTimeOffset Until);
}
