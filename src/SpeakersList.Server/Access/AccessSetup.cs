using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace SpeakersList.Server.Access;

/// <summary>Limits on sign-in (per address, and failures per account or code) and inscription (per delegation; officers are not limited). SpeakersList:RateLimits.</summary>
public sealed class RateLimits
{
    /// <summary>The policy of the sign-in endpoints (per client address).</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>The policy of inscriptions (per delegation).</summary>
    public const string InscriptionPolicy = "inscription";

    /// <summary>Per client address: high, because a conference network may put every delegation behind one address.</summary>
    public int SignInsPerMinute { get; set; } = 600;

    /// <summary>Failed sign-ins in a row on one account or code before it is locked (30 s, doubling, at most 15 min).</summary>
    public int FailuresBeforeLockout { get; set; } = 5;

    public int InscriptionsPerMinute { get; set; } = 20;
}

/// <summary>
/// The wiring of sign-in and authorization: a session cookie for the pages, a bearer token for API
/// clients, an optional external OpenID Connect provider (Authentication:Oidc), the secure-by-default
/// policies, rate limits, antiforgery and persistent data-protection keys.
/// </summary>
public static class AccessSetup
{
    public const string Scheme = "SpeakersList";
    public const string CookieScheme = "SpeakersList.Cookie";
    public const string BearerScheme = "SpeakersList.Bearer";
    public const string OidcScheme = "Oidc";
    public const string AntiforgeryHeader = "X-CSRF-TOKEN";

    /// <summary>
    /// Reads the key ring (the keys' files, and the certificate that protects them) on the start's thread while the event
    /// store is built beside it: the data protection's own start would read it later, on the start's path. A failure is
    /// left for that start to report, as before.
    /// </summary>
    public static WebApplication ReadKeyRing(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("SpeakersList.Start").Protect([]);
        }
        catch (Exception ex)
        {
            app.Logger.LogDebug("The key ring was not read before the start ({Error})", ex.GetBaseException().Message);
        }
        return app;
    }

    public static WebApplicationBuilder AddAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        var dataProtection = services.AddDataProtection().SetApplicationName("SpeakersList");
        // Keys encrypted at rest with a certificate when one is configured (SpeakersList:KeysCertificate:Path and :Password, a PFX file).
        if (KeysCertificate(builder.Configuration) is { } certificate) dataProtection.ProtectKeysWithCertificate(certificate);
        services.AddOptions<KeyManagementOptions>().Configure<IConfiguration, IHostEnvironment, ILoggerFactory>((options, configuration, environment, logs) =>
            options.XmlRepository = new FileSystemXmlRepository(
                new DirectoryInfo(configuration["SpeakersList:KeysPath"] ?? Path.Combine(environment.ContentRootPath, ".data", "keys")), logs));

        var authentication = services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or bearer token", options => options.ForwardDefaultSelector = context =>
                BearerTokenOf(context) is not { } token ? CookieScheme
                : token.Count(c => c == '.') == 2 && OidcConfigured(context.RequestServices.GetRequiredService<IConfiguration>()) ? OidcScheme
                : BearerScheme)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "SpeakersList.Session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(BearerScheme, options =>
            {
                options.Events.OnMessageReceived = context =>
                {
                    if (BearerTokenOf(context.HttpContext) is { } token) context.Token = token;
                    return Task.CompletedTask;
                };
            });
        // How long a session lasts (SpeakersList:SessionHours, default 12), read when the options are built so a test host can set it.
        services.AddOptions<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(BearerScheme).Configure<IConfiguration>((options, configuration) =>
            options.BearerTokenExpiration = TimeSpan.FromHours(configuration.GetValue("SpeakersList:SessionHours", 12.0)));
        services.PostConfigure<Microsoft.AspNetCore.Authentication.BearerToken.BearerTokenOptions>(BearerScheme, options =>
            options.BearerTokenProtector = new RememberedTickets(options.BearerTokenProtector));
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(CookieScheme).Configure<IConfiguration>((options, configuration) =>
            options.ExpireTimeSpan = TimeSpan.FromHours(configuration.GetValue("SpeakersList:SessionHours", 12.0)));
        // An external provider's JWTs, used only when Authentication:Oidc:Authority is set.
        authentication.AddJwtBearer(OidcScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(OidcScheme).Configure<IConfiguration>((options, configuration) =>
        {
            if (OidcConfigured(configuration)) ConfigureOidc(options, configuration.GetSection("Authentication:Oidc"));
        });

        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthorization(AccessPolicies.Configure);
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = "SpeakersList.Antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddMemoryCache();
        services.AddOptions<RateLimits>().BindConfiguration("SpeakersList:RateLimits");
        services.AddRateLimiter(ConfigureRateLimits);
        services.AddSingleton<SignInThrottle>();
        services.AddHostedService<FirstOfficer>();
        services.Configure<HubOptions>(hub => hub.AddFilter<AccessHubFilter>());
        return builder;
    }

    /// <summary>The certificate that encrypts the data-protection keys at rest, or null when none is configured.</summary>
    public static System.Security.Cryptography.X509Certificates.X509Certificate2? KeysCertificate(IConfiguration configuration)
    {
        var path = configuration["SpeakersList:KeysCertificate:Path"];
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (!File.Exists(path)) throw new InvalidOperationException($"SpeakersList:KeysCertificate:Path: no certificate file at '{path}'.");
        var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
            path, configuration["SpeakersList:KeysCertificate:Password"],
            System.Security.Cryptography.X509Certificates.X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException("SpeakersList:KeysCertificate:Path: the certificate has no private key; the keys could not be read back.");
    }

    /// <summary>After routing, before the endpoints: who is calling, is the session still valid, may it write, then the policies.</summary>
    public static WebApplication UseAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<SessionChecks>();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>A bearer token from the Authorization header, or, for the hub (browsers cannot set headers on WebSockets), from access_token.</summary>
    public static string? BearerTokenOf(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        return context.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"].ToString() is { Length: > 0 } query
            ? query
            : null;
    }

    public static bool OidcConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Authentication:Oidc:Authority"]);

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static void ConfigureRateLimits(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = async (context, cancellation) =>
        {
            if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
            await Results.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = "Too many attempts in a short time; wait a moment and try again.",
                Type = ProblemTypes.RateLimited,
            }).ExecuteAsync(context.HttpContext);
        };
        options.AddPolicy(RateLimits.SignInPolicy, context =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptionsSnapshot<RateLimits>>().Value.SignInsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter($"{context.Connection.RemoteIpAddress?.ToString() ?? "local"}|{limit}",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        });
        options.AddPolicy(RateLimits.InscriptionPolicy, context =>
        {
            var actor = Actor.Of(context.User);
            if (actor.IsOfficer) return RateLimitPartition.GetNoLimiter("officers");
            var limit = context.RequestServices.GetRequiredService<IOptionsSnapshot<RateLimits>>().Value.InscriptionsPerMinute;
            return RateLimitPartition.GetTokenBucketLimiter($"{actor.Delegation ?? context.Connection.RemoteIpAddress?.ToString() ?? "local"}|{limit}",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limit,
                    TokensPerPeriod = Math.Max(1, limit),
                    ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
        });
    }

    /// <summary>
    /// An external OpenID Connect provider's access tokens (JWT): issuer and audience checked, the
    /// configured role claim mapped to officer/delegation/display and the delegation claim to the participant code.
    /// </summary>
    private static void ConfigureOidc(JwtBearerOptions options, IConfigurationSection oidc)
    {
        var roleClaim = oidc["RoleClaim"] ?? "roles";
        var delegationClaim = oidc["DelegationClaim"] ?? "delegation";
        var nameClaim = oidc["NameClaim"] ?? "preferred_username";
        options.Authority = oidc["Authority"];
        options.Audience = oidc["Audience"];
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = oidc.GetValue("RequireHttpsMetadata", true);
        options.TokenValidationParameters.ValidateAudience = true;
        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = context =>
            {
                if (BearerTokenOf(context.HttpContext) is { } token) context.Token = token;
                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                var user = context.Principal!;
                var roles = user.FindAll(roleClaim).Select(x => x.Value.Trim().ToLowerInvariant()).ToHashSet();
                var delegation = ParticipantCode.TryParse(user.FindFirst(delegationClaim)?.Value, out var claimed) ? claimed.Value : null;
                var name = $"oidc:{user.FindFirst(nameClaim)?.Value ?? user.FindFirst("sub")?.Value ?? "unknown"}";
                ClaimsPrincipal? mapped =
                    roles.Contains(Roles.Officer) ? Roles.Principal(Roles.Officer, name)
                    : roles.Contains(Roles.Delegation) && delegation is not null ? Roles.Principal(Roles.Delegation, name, delegation: delegation)
                    : roles.Contains(Roles.Display) ? Roles.Principal(Roles.Display, name, room: user.FindFirst("room")?.Value)
                    : null;
                if (mapped is null) context.Fail("The token carries no SpeakersList role.");
                else context.Principal = mapped;
                return Task.CompletedTask;
            },
        };
    }
}
