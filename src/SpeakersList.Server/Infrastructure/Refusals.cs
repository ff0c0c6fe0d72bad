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
                RefusalKind.NotFound => "https://speakerslist.example/problems/not-found",
                RefusalKind.Invalid => "https://speakerslist.example/problems/rule-broken",
                RefusalKind.StaleVersion => "https://speakerslist.example/problems/stale-version",
                _ => "https://speakerslist.example/problems/conflict",
            },
        };
        if (refusal.CurrentVersion is { } version) problem.Extensions["currentVersion"] = version;
        return problem;
    }

    public static IResult ToResult(this Refusal refusal) => Results.Problem(refusal.ToProblem());

    /// <summary>A malformed request (400): names the field and what is wrong with it.</summary>
    public static ProblemDetails BadRequest(string detail) => new()
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is not valid",
        Detail = detail,
        Type = "https://speakerslist.example/problems/invalid-request",
    };
}
