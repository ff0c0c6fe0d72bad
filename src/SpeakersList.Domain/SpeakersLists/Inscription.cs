using SpeakersList.Interpretation;
using SpeakersList.Programme;
using SpeakersList.Participants;

namespace SpeakersList.SpeakersLists;

/// <summary>A delegation, or an officer on its behalf, asks to be put on a meeting's list.</summary>
/// <param name="CommandId">Chosen by the client: a retry with the same id takes effect once.</param>
/// <param name="ExpectedVersion">Optional: the list version the client saw; a stale one is refused with 409.</param>
public sealed record Inscribe(
    Guid CommandId,
    ParticipantCode Participant,
    LevelOfRepresentation Level,
    string SpeakerName,
    string SpeakerTitle,
    string? OnBehalfOf = null,
    long? ExpectedVersion = null) : DeliveryRequest, IMeetingCommand;

public sealed record Withdraw(Guid CommandId, Guid InscriptionId, long? ExpectedVersion = null) : IMeetingCommand;

/// <summary>The rules of inscription and withdrawal (rules 68 and 73, para 53 of A/67/254).</summary>
public static class Inscription
{
    /// <summary>The inscription's id is the command's id, so a retry answers with the same inscription.</summary>
    public static Decision Decide(ListOfSpeakers list, Inscribe command, Participant participant, DateTimeOffset receivedAt)
    {
        if (list.Guard(command) is { } guarded) return guarded;
        if (list.Meeting.Cancelled)
            return Refusal.Conflict($"{list.Meeting.Details.Title} has been cancelled; inscribe on another meeting of the programme.").Because("meeting-cancelled");
        if (list.Closed)
            return Refusal.Conflict("The list of speakers is closed (rule 73). Only rights of reply may still be requested.").Because("list-closed");
        if (list.Opening is { } opening && receivedAt < opening.OpensAt)
            return Refusal.Invalid($"The list of speakers opens at {list.Meeting.Details.Venue().LocalTime(opening.OpensAt):yyyy-MM-dd HH:mm:ss} "
                + $"({opening.OpensAt.UtcDateTime:HH:mm:ss} UTC); inscriptions received in the {opening.WindowSeconds} seconds after it are ordered by lot.").Because("list-not-open-yet");
        var already = list.StatementsBy(participant.Code);
        if (already >= 2 || (already == 1 && !list.SecondInscriptionsAllowed.Contains(participant.Code)))
            return Refusal.Conflict($"{participant.Name} is already inscribed on this list. A second inscription needs an officer's permission.").Because("already-inscribed");
        if (list.Cap is { } cap && list.Active.Count(x => x.Kind == EntryKind.Statement) >= cap)
            return Refusal.Conflict($"The list is full: the number of speakers for this meeting is limited to {cap}.").Because("list-full");

        var speaker = Speaker.Of(participant, command.Level, command.SpeakerName, command.SpeakerTitle, command.OnBehalfOf);
        var (delivery, refusal) = command.Checked(participant.StatementLanguageOrDefault, list.Limits.LimitFor(EntryKind.Statement, speaker));
        if (refusal is not null) return refusal;

        return Decision.Accept(new SpeakerInscribed(list.Id, command.CommandId, command.CommandId, speaker, EntryKind.Statement, receivedAt, Delivery: delivery));
    }

    public static Decision Decide(ListOfSpeakers list, Withdraw command, DateTimeOffset now)
    {
        if (list.Guard(command) is { } guarded) return guarded;
        var entry = list.Find(command.InscriptionId);
        if (entry is null) return Refusal.NotFound($"There is no inscription {command.InscriptionId} on this list.");
        return entry.State switch
        {
            EntryState.Waiting => Decision.Accept(new InscriptionWithdrawn(list.Id, entry.InscriptionId, command.CommandId, now)),
            EntryState.Withdrawn => Decision.AlreadyDone,
            _ => Refusal.Conflict($"{entry.Speaker.ParticipantName} has already been called ({entry.State}); the inscription can no longer be withdrawn.").Because("already-called"),
        };
    }
}
