using System.Security.Claims;
using Microsoft.AspNetCore.RateLimiting;

namespace SpeakersList.Server.SpeakersLists.Inscribing;

/// <summary>The answer to an accepted inscription: where it stands and when the speaker is expected.</summary>
public sealed record InscriptionAccepted(Guid InscriptionId, long Version, int Position, DateTimeOffset? EstimatedStart, string Explanation);

/// <summary>A delegation (or an officer on its behalf) inscribes a speaker on a meeting's list.</summary>
public static class InscribeEndpoint
{
    public static ProblemDetails Validate(Inscribe command) => Validation.Check(
        (command.Participant.IsNone, "participant is required: the participant's code, such as GHA or EU."),
        (!Enum.IsDefined(command.Level),
            "level must be one of headOfState, vicePresident, headOfGovernment, deputyPrimeMinister, minister, viceMinister, chairOfDelegation, other."),
        (Validation.Missing(command.SpeakerName), "speakerName is required (at most 200 characters)."),
        (Validation.Missing(command.SpeakerTitle), "speakerTitle is required (at most 200 characters)."),
        (command.OnBehalfOf is { Length: > 200 }, "onBehalfOf is at most 200 characters."));

    /// <summary>A delegation inscribes only itself (403 otherwise); an officer inscribes anyone.</summary>
    public static ProblemDetails Before(Inscribe command, ClaimsPrincipal user) => Actor.Of(user).ProblemUnlessFor(command.Participant);

    /// <summary>
    /// Inscribe a speaker. Inscriptions on one meeting are queued and decided in batches, in the order
    /// they arrived, one transaction per batch: a rush of inscriptions never gets a 409.
    /// </summary>
    [WolverinePost("/api/meetings/{meetingId}/inscriptions", OperationId = "Inscribe")]
    [DelegationMayAct, EnableRateLimiting(RateLimits.InscriptionPolicy)]
    [ProducesResponseType<InscriptionAccepted>(201)]
    [ProducesResponseType<InscriptionAccepted>(200)]
    public static async Task<IResult> Post(Guid meetingId, Inscribe command, InscriptionDesk desk, HttpContext context)
    {
        // The participant is read by the desk, with the rest of its batch: a rush costs one read of the registry, not one per request.
        var requester = new Requester(context.User.Identity?.Name, context.TraceIdentifier);
        var outcome = await desk.Submit(meetingId, command, context.ArrivedAt(), requester);
        if (outcome.Refusal is { } refusal) return refusal.ToResult();

        var id = command.CommandId; // the inscription's id
        var entry = outcome.Entry;
        var accepted = new InscriptionAccepted(id, outcome.Version, entry?.Position ?? 0, entry?.EstimatedStart, entry?.Explanation ?? "");
        return outcome.AlreadyDone
            ? Results.Ok(accepted)
            : Results.Created($"/api/meetings/{meetingId}/speakers-list/{id}/explanation", accepted);
    }
}
