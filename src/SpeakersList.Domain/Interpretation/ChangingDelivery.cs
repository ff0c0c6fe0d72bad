using SpeakersList.SpeakersLists;

namespace SpeakersList.Interpretation;

/// <summary>A delegation (or an officer) changes the language or the mode of a statement not yet called.</summary>
public sealed record ChangeDelivery(Guid CommandId, long? ExpectedVersion = null) : DeliveryRequest, IMeetingCommand;

public sealed record DeliveryChanged(Guid MeetingId, Guid InscriptionId, Delivery Delivery, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

public static class DeliveryChanges
{
    /// <summary>Until the speaker is called the booths can still be told; after, the statement is as it was delivered.</summary>
    public static Decision Decide(ListOfSpeakers list, Guid inscriptionId, ChangeDelivery command, DateTimeOffset now)
    {
        if (list.Guard(command) is { } guarded) return guarded;
        var entry = list.Find(inscriptionId);
        if (entry is null || !entry.IsActive) return Refusal.NotFound($"There is no inscription {inscriptionId} on this list.");
        if (!entry.IsWaiting)
            return Refusal.Conflict($"{entry.Speaker.ParticipantName} has already been called ({entry.State}); the language and mode of the statement can no longer change.").Because("already-called");
        var (delivery, refusal) = command.Checked(entry.Delivery.Language, list.Limits.LimitFor(entry));
        if (refusal is not null) return refusal;
        return Decision.Accept(new DeliveryChanged(list.Id, inscriptionId, delivery!, command.CommandId, now));
    }
}
