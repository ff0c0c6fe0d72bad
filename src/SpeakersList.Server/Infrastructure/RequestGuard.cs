using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// Exceptions as answers, for whatever runs after it: PostgreSQL unreachable is a 503 with Retry-After; a client's
/// mistake (a body that cannot be read, a value the database cannot store) is a 4xx logged at Information without a
/// stack trace; only the service's own faults reach the exception handler (500, logged as errors).
/// </summary>
public sealed class RequestGuard(RequestDelegate next, IOptionsMonitor<RequestLimits> limits, ILogger<RequestGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && Classify(ex, context) is { } problem)
        {
            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
                logger.LogWarning("PostgreSQL is unreachable; answered {Method} {Path} with 503 ({Error}: {Message})",
                    context.Request.Method, context.Request.Path, Innermost(ex).GetType().Name, Innermost(ex).Message);
            else
                logger.LogInformation("Refused {Method} {Path}: {Status} {Detail}", context.Request.Method, context.Request.Path, problem.Status, problem.Detail);
            context.Response.Clear();
            if (problem.Status == StatusCodes.Status503ServiceUnavailable)
                context.Response.Headers.RetryAfter = limits.CurrentValue.RetryAfterSeconds.ToString();
            await Results.Problem(problem).ExecuteAsync(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: nobody to answer, nothing to log as an error.
            logger.LogDebug("{Method} {Path} was abandoned by the client", context.Request.Method, context.Request.Path);
        }
    }

    /// <summary>A client error or the database away, as its answer; null for a fault of the service (a 500).</summary>
    private static ProblemDetails? Classify(Exception ex, HttpContext context)
    {
        if (DatabaseAway(ex))
            return new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is unavailable",
                Detail = "The service cannot reach its database just now; nothing was changed. Try again in a few seconds.",
                Type = ProblemTypes.Unavailable,
            };
        // A value PostgreSQL cannot store or index (a NUL, an untranslatable character, a key too long): the client's, not the service's.
        if (ex.GetBaseException() is PostgresException { SqlState: "22021" or "22P05" or "54000" or "22001" })
            return Refusals.BadRequest("The request holds a value the database cannot store (a NUL or invalid character, or a value too long).");
        if (ex is BadHttpRequestException bad)
            return bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? Refusals.TooLarge(context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0)
                : Refusals.BadRequest($"The request could not be read: {bad.Message}", bad.StatusCode);
        if (ex is JsonException json) return Refusals.BadRequest(CommandJson.FieldProblem(json));
        if (ex is InvalidDataException or DecoderFallbackException) return Refusals.BadRequest("The request body is not correctly encoded.");
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
}
