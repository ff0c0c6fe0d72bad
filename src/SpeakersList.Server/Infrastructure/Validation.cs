namespace SpeakersList.Server.Infrastructure;

/// <summary>Shape checks shared by the commands' Validate methods: the first problem found, said plainly.</summary>
public static class Validation
{
    public const string CommandIdRequired = "commandId is required: an id chosen by the client, so that a retried request takes effect once.";

    public static ProblemDetails Check(params (bool Broken, string Detail)[] rules)
    {
        foreach (var (broken, detail) in rules)
            if (broken) return Refusals.BadRequest(detail);
        return WolverineContinue.NoProblems;
    }

    public static bool Missing(string? value, int max = 200) => string.IsNullOrWhiteSpace(value) || value.Length > max;
}
