namespace SpeakersList.Server.Infrastructure;

/// <summary>Turns a domain refusal into an RFC 7807 answer.</summary>
public static class Refusals
{
    public static ProblemDetails ToProblem(this Refusal refusal)
    {
        var problem = new ProblemDetails
        {
            Status = refusal.Kind switch
            {
                RefusalKind.NotFound => StatusCodes.Status404NotFound,
                RefusalKind.Invalid => StatusCodes.Status422UnprocessableEntity,
                _ => StatusCodes.Status409Conflict,
            },
            Title = refusal.Title,
            Detail = refusal.Detail,
            Type = refusal.Kind switch
            {
                RefusalKind.NotFound => ProblemTypes.NotFound,
                RefusalKind.Invalid => ProblemTypes.RuleBroken,
                RefusalKind.StaleVersion => ProblemTypes.StaleVersion,
                _ => ProblemTypes.Conflict,
            },
        };
        if (refusal.CurrentVersion is { } version) problem.Extensions["currentVersion"] = version;
        if (refusal.Reason is { } reason) problem.Extensions["reason"] = reason;
        return problem;
    }

    public static IResult ToResult(this Refusal refusal) => Results.Problem(refusal.ToProblem());

    /// <summary>A malformed request (400): names the field and what is wrong with it.</summary>
    public static ProblemDetails BadRequest(string detail, int status = StatusCodes.Status400BadRequest) => new()
    {
        Status = status,
        Title = "The request is not valid",
        Detail = detail,
        Type = ProblemTypes.InvalidRequest,
    };

    /// <summary>A body over the endpoint's limit (413), the limit in words.</summary>
    public static ProblemDetails TooLarge(long limit) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "The request is too large",
        Detail = $"The body is larger than this endpoint accepts: at most {(limit >= 1024 * 1024 ? $"{limit / (1024 * 1024)} MB" : $"{limit / 1024} KB")} ({limit} bytes).",
        Type = ProblemTypes.TooLarge,
    };
}
