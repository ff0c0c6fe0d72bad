using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// What every response carries, and what is trusted from the network:
/// security headers (a Content-Security-Policy the pages meet without 'unsafe-inline', no framing,
/// nosniff, no referrer across origins); forwarded headers (X-Forwarded-For/-Proto) believed only
/// from the proxies listed in SpeakersList:KnownProxies; HTTPS redirection and HSTS when SpeakersList:Https is true.
/// </summary>
public static class WebSecurity
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The API page (Scalar, /openapi) starts itself with an inline module script and styles it inline; it shows only the
    /// OpenAPI document, never users' content, so it alone is allowed inline code.
    /// </summary>
    public const string ApiPagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Nothing is trusted by default (ASP.NET would trust loopback): only the configured proxies.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in KnownProxies(configuration)) options.KnownProxies.Add(proxy);
            options.ForwardLimit = 1;
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(configuration.GetValue("SpeakersList:HstsDays", 365));
            options.IncludeSubDomains = false;
        });
        return services;
    }

    /// <summary>SpeakersList:KnownProxies: addresses separated by commas or semicolons (e.g. "127.0.0.1" for an nginx on the same machine).</summary>
    public static IReadOnlyList<IPAddress> KnownProxies(IConfiguration configuration) =>
        (configuration["SpeakersList:KnownProxies"] ?? "")
        .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(x => IPAddress.TryParse(x, out var address) ? address
            : throw new InvalidOperationException($"SpeakersList:KnownProxies: '{x}' is not an IP address."))
        .ToList();

    /// <summary>First in the pipeline: forwarded headers (when proxies are configured), HTTPS, then the headers of every response.</summary>
    public static WebApplication UseWebSecurity(this WebApplication app)
    {
        if (KnownProxies(app.Configuration).Count > 0) app.UseForwardedHeaders();
        if (app.Configuration.GetValue("SpeakersList:Https", false))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use((context, next) =>
        {
            // Set when the response starts, so that an error page written later keeps them too.
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                var headers = response.Headers;
                var path = response.HttpContext.Request.Path;
                headers.ContentSecurityPolicy = path.StartsWithSegments("/openapi") && !path.Value!.EndsWith(".json", StringComparison.Ordinal)
                    ? ApiPagePolicy : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app;
    }
}
