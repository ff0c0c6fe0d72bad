using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SpeakersList.Participants;
using SpeakersList.Server.Access;
using SpeakersList.Server.Infrastructure;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.SpeakersLists.Inscribing;

/// <summary>The answer to an accepted inscription: where it stands and when the speaker is expected.</summary>
public sealed record InscriptionAccepted(Guid InscriptionId, long Version, int Position, DateTimeOffset? EstimatedStart, string Explanation);

/// <summary>A delegation (or an officer on its behalf) inscribes a speaker on a meeting's list.</summary>
public static class InscribeEndpoint
{
    public static ProblemDetails Validate(Inscribe command) => Validation.Check(
        (command.CommandId == Guid.Empty, "commandId is required: an id chosen by the client, so that a retried request takes effect once."),
        (Validation.Missing(command.Participant, 20), "participant is required: the participant's code, such as GHA or EU."),
        (!Enum.IsDefined(command.Level),
            "level must be one of headOfState, vicePresident, headOfGovernment, deputyPrimeMinister, minister, viceMinister, chairOfDelegation, other."),
        (Validation.Missing(command.SpeakerName), "speakerName is required (at most 200 characters)."),
        (Validation.Missing(command.SpeakerTitle), "speakerTitle is required (at most 200 characters)."),
        (command.OnBehalfOf is { Length: > 200 }, "onBehalfOf is at most 200 characters."));

    public static Task<Participant?> LoadAsync(Inscribe command, IQuerySession session, CancellationToken cancellation) =>
        session.LoadAsync<Participant>(command.Participant.Trim().ToUpperInvariant(), cancellation);

    /// <summary>Inscribe a speaker. Writes on one meeting are serialised by a row lock, so a rush of inscriptions never gets a 409.</summary>
    [WolverinePost("/api/meetings/{meetingId}/inscriptions", OperationId = "Inscribe")]
    [DelegationMayAct, EnableRateLimiting(AccessSetup.InscriptionLimit)]
    [ProducesResponseType<InscriptionAccepted>(201)]
    [ProducesResponseType<InscriptionAccepted>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(409)]
    [ProducesResponseType<ProblemDetails>(422)]
    public static (IResult, Events) Post(
        Inscribe command,
        Participant? participant,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list,
        HttpContext context,
        ClaimsPrincipal user)
    {
        if (Actor.Of(user).RefuseUnlessFor(command.Participant) is { } refused) return (refused, []);
        if (participant is null)
            return (Refusal.Invalid($"Unknown participant '{command.Participant}'. Use a code from GET /api/participants.").ToResult(), []);

        var decision = Inscription.Decide(list, command, participant, context.ArrivedAt());
        if (decision.Refusal is { } refusal) return (refusal.ToResult(), []);

        var after = list.Evolve(decision.Events);
        var id = Inscription.IdFor(command.CommandId);
        var view = SpeakersListView.From(after).Entries.FirstOrDefault(x => x.InscriptionId == id);
        var accepted = new InscriptionAccepted(id, after.Version, view?.Position ?? 0, view?.EstimatedStart, view?.Explanation ?? "");
        var location = $"/api/meetings/{list.Id}/speakers-list/{id}/explanation";
        return (decision.Events.Count == 0 ? Results.Ok(accepted) : Results.Created(location, accepted), [.. decision.Events]);
    }
}
