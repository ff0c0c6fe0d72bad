using System.Security.Claims;
using SpeakersList.Interpretation;

namespace SpeakersList.Server.SpeakersLists.ChangingDelivery;

/// <summary>A delegation (for its own inscription) or an officer changes the language or mode of a statement until the speaker is called.</summary>
public static class ChangeDeliveryEndpoint
{
    public static ProblemDetails Validate(ChangeDelivery command) => Validation.Check(
        (command.Mode is { } mode && !Enum.IsDefined(mode), "mode must be one of inPerson, video, remote."),
        (command.Language is { Length: > 35 }, "language is a BCP 47 tag of at most 35 characters."),
        (command.InterpretationInto is { Length: > 35 }, "interpretationInto is one of ar, zh, en, fr, ru, es."),
        (command.IntroducedBy is { Length: > 200 }, "introducedBy is at most 200 characters."));

    /// <summary>
    /// Set the statement's language (BCP 47; with interpretationInto when not one of the six, rule 53) and mode (inPerson, video with
    /// durationSeconds and introducedBy, remote). Omitted, the language stays as it was and the mode becomes inPerson.
    /// </summary>
    [WolverinePost("/api/meetings/{meetingId}/inscriptions/{inscriptionId}/delivery", OperationId = "ChangeDelivery")]
    [DelegationMayAct]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events) Post(Guid inscriptionId, ChangeDelivery command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, TimeProvider clock, ClaimsPrincipal user)
    {
        if (list.Find(inscriptionId) is { } entry && Actor.Of(user).RefuseUnlessFor(entry.Speaker.Participant) is { } refused) return (refused, []);
        return DeliveryChanges.Decide(list, inscriptionId, command, clock.GetUtcNow()).Respond(list);
    }
}
