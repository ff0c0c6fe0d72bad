using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SpeakersList.Server.Infrastructure;

/// <summary>How large a request body may be, per endpoint family (SpeakersList:RequestLimits).</summary>
public sealed class RequestLimits
{
    /// <summary>A command: a few fields, never more than a few kilobytes.</summary>
    public long CommandBytes { get; set; } = 64 * 1024;

    /// <summary>A programme file (POST /api/programme/import).</summary>
    public long ImportBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How deeply a JSON body may nest.</summary>
    public int MaxJsonDepth { get; set; } = 16;

    /// <summary>The Retry-After (seconds) of a 503 while PostgreSQL is away.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}

/// <summary>
/// One place for what no endpoint should have to think about:
/// a body over its family's size limit is a 413; a JSON body that is empty, null, not an object,
/// malformed, too deep, wrongly typed or wrongly encoded is a 400 naming the field, before any
/// endpoint runs (so a command's Validate never sees a null command); PostgreSQL unreachable is a
/// 503 with Retry-After; a client's mistake is logged at Information without a stack trace, and only
/// the service's own faults reach the exception handler (500, logged as errors).
/// </summary>
public sealed class RequestGuard(RequestDelegate next, IOptionsMonitor<RequestLimits> limits, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<RequestGuard> logger)
{
    public const string ImportRoute = "/api/programme/import";
    private readonly Lazy<JsonSerializerOptions> _strict = new(() => new JsonSerializerOptions(json.Value.SerializerOptions)
    {
        RespectNullableAnnotations = true,
        MaxDepth = limits.CurrentValue.MaxJsonDepth,
    });

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && Classify(ex, context) is { } problem)
        {
            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            {
                logger.LogWarning("PostgreSQL is unreachable; answered {Method} {Path} with 503 ({Error}: {Message})",
                    context.Request.Method, context.Request.Path, Innermost(ex).GetType().Name, Innermost(ex).Message);
                context.Response.Headers.RetryAfter = limits.CurrentValue.RetryAfterSeconds.ToString();
            }
            else
            {
                logger.LogInformation("Refused {Method} {Path}: {Status} {Detail}", context.Request.Method, context.Request.Path, problem.Status, problem.Detail);
            }
            await Write(context, problem);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody to answer, nothing to log as an error.
            logger.LogDebug("{Method} {Path} was abandoned by the client", context.Request.Method, context.Request.Path);
        }
    }

    /// <summary>After authorization (a caller who may not call the endpoint hears 401/403 first), before the endpoint reads the body.</summary>
    public async Task CheckBody(HttpContext context, RequestDelegate endpoint)
    {
        if (await RefusedBody(context) is { } problem)
        {
            logger.LogInformation("Refused {Method} {Path}: {Status} {Detail}", context.Request.Method, context.Request.Path, problem.Status, problem.Detail);
            await Write(context, problem);
            return;
        }
        await endpoint(context);
    }

    private async Task<ProblemDetails?> RefusedBody(HttpContext context)
    {
        var request = context.Request;
        // The empty id names nothing (and the event store refuses it as a stream id): 404 before anything loads it.
        foreach (var (name, value) in request.RouteValues)
            if (value is string text && Guid.TryParse(text, out var id) && id == Guid.Empty)
                return new ProblemDetails
                {
                    Status = StatusCodes.Status404NotFound,
                    Title = "Not found",
                    Detail = $"{name} {text} names nothing: the empty id is never given to anything.",
                    Type = "https://speakerslist.example/problems/not-found",
                };
        // PostgreSQL stores no NUL character: refused here rather than failing in the database.
        foreach (var (name, value) in request.RouteValues)
            if (value is string text && text.Contains('\0')) return Bad($"{name} contains a NUL character.");
        foreach (var (name, values) in request.Query)
            if (name.Contains('\0') || values.Any(x => x?.Contains('\0') == true)) return Bad($"The query value {name.Replace("\0", "")} contains a NUL character.");
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)) return null;
        var endpoint = context.GetEndpoint();
        var isImport = request.Path.StartsWithSegments(ImportRoute);
        // An endpoint that takes files says how large they may be ([RequestSizeLimit]); others are commands or the import.
        var limit = endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? (isImport ? limits.CurrentValue.ImportBytes : limits.CurrentValue.CommandBytes);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        if (request.ContentLength > limit) return TooLarge(limit);

        // Only Wolverine endpoints that read a JSON command from the body are checked here.
        if (endpoint?.Metadata.GetMetadata<HttpChain>() is not { HasRequestType: true, IsFormData: false, RequestType: { } type }
            || type == typeof(void)) return null;
        if (!IsJson(request.ContentType)) return null; // Wolverine answers 415

        request.EnableBuffering(bufferThreshold: 32 * 1024, bufferLimit: limit);
        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            bytes = buffer.ToArray();
        }
        catch (Exception ex) when (TooLargeRead(ex))
        {
            return TooLarge(limit);
        }
        finally
        {
            request.Body.Position = 0;
        }

        if (bytes.Length == 0) return Bad("The body is empty: send the command as a JSON object.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = limits.CurrentValue.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            var where = $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}";
            return Bad(ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) && !ex.Message.Contains("zero", StringComparison.Ordinal)
                ? $"The body nests deeper than {limits.CurrentValue.MaxJsonDepth} levels ({where})."
                : $"The body is not valid JSON in UTF-8 ({where}).");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Bad($"The body must be a JSON object (the command), not {Describe(document.RootElement.ValueKind)}.");
            try
            {
                if (WithNul(document.RootElement, "") is { } field) return Bad($"{field} contains a NUL character, which cannot be stored.");
            }
            catch (InvalidOperationException)
            {
                return Bad("The body is not valid JSON in UTF-8: a string holds bytes that are not UTF-8.");
            }
        }

        object? command;
        try
        {
            command = JsonSerializer.Deserialize(bytes, type, _strict.Value);
        }
        catch (JsonException ex)
        {
            return Bad(FieldProblem(ex));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return Bad($"The body does not fit a {type.Name}: {ex.Message}");
        }
        return command is null ? Bad("The body must be a JSON object (the command), not null.") : MissingMember(command);
    }

    private static string? WithNul(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return element.GetString()!.Contains('\0') ? (path.Length == 0 ? "A value" : path) : null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var inner = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (property.Name.Contains('\0')) return "A field name";
                    if (WithNul(property.Value, inner) is { } found) return found;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    if (WithNul(item, $"{path}[{index++}]") is { } found) return found;
                return null;
            default:
                return null;
        }
    }

    /// <summary>A list or an object the command needs, left out of the body (strings are the commands' own Validate's business).</summary>
    private static ProblemDetails? MissingMember(object command)
    {
        foreach (var (property, name) in Required.GetOrAdd(command.GetType(), RequiredMembers))
            if (property.GetValue(command) is null) return Bad($"{name} is required.");
        return null;
    }

    // What a command type requires is read from its nullability once per type, not at each request.
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Required = new();

    private static (PropertyInfo, string)[] RequiredMembers(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => !property.PropertyType.IsValueType && property.PropertyType != typeof(string) && property.GetIndexParameters().Length == 0
                && nullability.Create(property).ReadState == NullabilityState.NotNull)
            .Select(property => (property, JsonNamingPolicy.CamelCase.ConvertName(property.Name)))
            .ToArray();
    }

    private static string FieldProblem(JsonException ex)
    {
        var path = ex.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') : null;
        var why = ex.Message.Contains("null", StringComparison.Ordinal)
            ? "must not be null"
            : ex.InnerException is FormatException or InvalidOperationException || ex.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? "has the wrong type or format"
                : "is not valid";
        return path is null
            ? $"The body does not fit the command: {Trimmed(ex.Message)}"
            : $"{path} {why} (line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}).";
    }

    private static string Trimmed(string message) => message.Length > 300 ? message[..300] : message;

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    private static bool IsJson(string? contentType) =>
        string.IsNullOrEmpty(contentType) || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("text/json", StringComparison.OrdinalIgnoreCase) || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);

    private static bool TooLargeRead(Exception ex) =>
        ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || ex is IOException && ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);

    /// <summary>A client error or the database away, as its answer; null for a fault of the service (a 500).</summary>
    private static ProblemDetails? Classify(Exception ex, HttpContext context)
    {
        if (DatabaseAway(ex))
            return new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable",
                Detail = "The service cannot reach its database just now; nothing was changed. Try again in a few seconds.",
                Type = "https://speakerslist.example/problems/unavailable",
            };
        // A value PostgreSQL cannot store or index (a NUL, an untranslatable character, a key too long): the client's, not the service's.
        if (ex.GetBaseException() is PostgresException { SqlState: "22021" or "22P05" or "54000" or "22001" })
            return Bad("The request holds a value the database cannot store (a NUL or invalid character, or a value too long).");
        if (ex is BadHttpRequestException bad)
            return bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? TooLarge(context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0)
                : Bad($"The request could not be read: {bad.Message}", bad.StatusCode);
        if (ex is JsonException json) return Bad(FieldProblem(json));
        if (ex is InvalidDataException or DecoderFallbackException) return Bad("The request body is not correctly encoded.");
        return null;
    }

    /// <summary>PostgreSQL unreachable or going away: a connection refused or reset, a timeout, a server shutting down.</summary>
    public static bool DatabaseAway(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    if (postgres.IsTransient || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState == "3D000"
                        // read-only transaction: a primary draining for a switchover, or a standby being promoted
                        || postgres.SqlState == "25006") return true;
                    break;
                case NpgsqlException:
                case SocketException:
                case TimeoutException:
                    return true;
                case AggregateException aggregate:
                    if (aggregate.InnerExceptions.Any(DatabaseAway)) return true;
                    break;
            }
        }
        return false;
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null) ex = ex.InnerException;
        return ex;
    }

    private static ProblemDetails Bad(string detail, int status = StatusCodes.Status400BadRequest)
    {
        var problem = Refusals.BadRequest(detail);
        problem.Status = status;
        return problem;
    }

    private static ProblemDetails TooLarge(long limit) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "The request is too large",
        Detail = $"The body is larger than this endpoint accepts: at most {(limit >= 1024 * 1024 ? $"{limit / (1024 * 1024)} MB" : $"{limit / 1024} KB")} ({limit} bytes).",
        Type = "https://speakerslist.example/problems/too-large",
    };

    private static Task Write(HttpContext context, ProblemDetails problem)
    {
        context.Response.Clear();
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            context.Response.Headers.RetryAfter = context.RequestServices.GetRequiredService<IOptionsMonitor<RequestLimits>>().CurrentValue.RetryAfterSeconds.ToString();
        return Results.Problem(problem).ExecuteAsync(context);
    }
}

public static class RequestGuardSetup
{
    public static IServiceCollection AddRequestGuard(this IServiceCollection services)
    {
        services.AddOptions<RequestLimits>().BindConfiguration("SpeakersList:RequestLimits");
        return services;
    }

    /// <summary>Early in the pipeline: the database away becomes a 503, a client's error a 4xx, whatever runs after it.</summary>
    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app) => app.UseMiddleware<RequestGuard>();

    /// <summary>After authorization: bodies too large, empty, null, malformed or mistyped are refused before the endpoint runs.</summary>
    public static IApplicationBuilder UseCommandBodies(this IApplicationBuilder app)
    {
        return app.Use(next =>
        {
            var guard = ActivatorUtilities.CreateInstance<RequestGuard>(app.ApplicationServices, next);
            return context => guard.CheckBody(context, next);
        });
    }
}
