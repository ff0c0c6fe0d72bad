using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// A request's addresses and a command's body, checked after authorization (a caller who may not call the endpoint
/// hears 401/403 first) and before the endpoint runs: the empty id is a 404; a NUL in a route or query value, or a body
/// that <see cref="CommandJson"/> refuses, a 400 naming the field; a body over its family's size limit a 413; a body
/// that is not JSON a 415. The command read here is the one the endpoint receives (<see cref="CommandBodyParameter"/>):
/// a body is deserialised once.
/// </summary>
public sealed class CommandBodies(IOptionsMonitor<RequestLimits> limits, IOptions<HttpJsonOptions> json, ILogger<CommandBodies> logger)
{
    public const string ImportRoute = "/api/programme/import";
    private readonly Lazy<CommandJson> _json = new(() => new CommandJson(json.Value.SerializerOptions, limits.CurrentValue.MaxJsonDepth));

    public async Task CheckAsync(HttpContext context, RequestDelegate endpoint)
    {
        if (await RefusedAsync(context) is { } problem)
        {
            logger.LogInformation("Refused {Method} {Path}: {Status} {Detail}", context.Request.Method, context.Request.Path, problem.Status, problem.Detail);
            context.Response.Clear();
            await Results.Problem(problem).ExecuteAsync(context);
            return;
        }
        await endpoint(context);
    }

    private async Task<ProblemDetails?> RefusedAsync(HttpContext context)
    {
        var request = context.Request;
        foreach (var (name, value) in request.RouteValues)
        {
            // The empty id names nothing (and the event store refuses it as a stream id): 404 before anything loads it.
            if (value is string text && Guid.TryParse(text, out var id) && id == Guid.Empty)
                return new ProblemDetails
                {
                    Status = StatusCodes.Status404NotFound,
                    Title = "Not found",
                    Detail = $"{name} {text} names nothing: the empty id is never given to anything.",
                    Type = ProblemTypes.NotFound,
                };
            // PostgreSQL stores no NUL character: refused here rather than failing in the database.
            if (value is string withNul && withNul.Contains('\0')) return Refusals.BadRequest($"{name} contains a NUL character.");
        }
        foreach (var (name, values) in request.Query)
            if (name.Contains('\0') || values.Any(x => x?.Contains('\0') == true))
                return Refusals.BadRequest($"The query value {name.Replace("\0", "")} contains a NUL character.");
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)) return null;

        var endpoint = context.GetEndpoint();
        // An endpoint that takes files says how large they may be ([RequestSizeLimit]); others are commands or the import.
        var limit = endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? (request.Path.StartsWithSegments(ImportRoute) ? limits.CurrentValue.ImportBytes : limits.CurrentValue.CommandBytes);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (request.ContentLength > limit) return Refusals.TooLarge(limit);

        // Only Wolverine endpoints that take a JSON command from the body are read here.
        if (endpoint?.Metadata.GetMetadata<HttpChain>() is not { HasRequestType: true, IsFormData: false, RequestType: { } type }
            || type == typeof(void)) return null;
        if (!IsJson(request.ContentType))
            return Refusals.BadRequest($"The body must be JSON (Content-Type: application/json), not {request.ContentType}.", StatusCodes.Status415UnsupportedMediaType);

        byte[]? body;
        try
        {
            body = await ReadAtMostAsync(request.Body, limit, context.RequestAborted);
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
            || ex is IOException && ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            body = null;
        }
        if (body is null) return Refusals.TooLarge(limit);

        var (command, problem) = _json.Value.Read(body, type);
        if (problem is not null) return Refusals.BadRequest(problem);
        context.Features.Set(new CommandBodyParameter.Read(command!));
        return null;
    }

    /// <summary>The whole body, or null when it is longer than the limit (a body sent without a length is counted as it comes).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long limit, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool IsJson(string? contentType) =>
        string.IsNullOrEmpty(contentType) || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);
}

public static class CommandBodiesSetup
{
    /// <summary>After authorization: bodies too large, empty, null, malformed or mistyped are refused before the endpoint runs, and a command is read once.</summary>
    public static IApplicationBuilder UseCommandBodies(this IApplicationBuilder app)
    {
        var bodies = ActivatorUtilities.CreateInstance<CommandBodies>(app.ApplicationServices);
        return app.Use(next => context => bodies.CheckAsync(context, next));
    }
}
