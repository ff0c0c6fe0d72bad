using SpeakersList.Floor;
using SpeakersList.Participants;

namespace SpeakersList.SpeakersLists;

public sealed record MoveEntry(Guid CommandId, Guid InscriptionId, Guid? After, string Reason, long? ExpectedVersion = null) : IMeetingCommand;
public sealed record CloseList(Guid CommandId, long? ExpectedVersion = null) : IMeetingCommand;
public sealed record ReopenList(Guid CommandId, long? ExpectedVersion = null) : IMeetingCommand;
public sealed record SetTimeLimits(Guid CommandId, TimeLimits Limits, long? ExpectedVersion = null) : IMeetingCommand;
public sealed record SetSpeakerCap(Guid CommandId, int? Cap, long? ExpectedVersion = null) : IMeetingCommand;
public sealed record SetOrderingPolicy(Guid CommandId, OrderingPolicy Policy, long? ExpectedVersion = null) : IMeetingCommand;
public sealed record SetCarryOverPolicy(Guid CommandId, CarryOverPolicy Policy, long? ExpectedVersion = null) : IMeetingCommand;
public sealed record SetAbsentPolicy(Guid CommandId, AbsentPolicy Policy, long? ExpectedVersion = null) : IMeetingCommand;
public sealed record AllowSecondInscription(Guid CommandId, ParticipantCode Participant, long? ExpectedVersion = null) : IMeetingCommand;

/// <summary>What officers do to a list: move entries, close and reopen it (rule 73), set limits (rule 72) and its policies (ordering, carry-over, absent speakers).</summary>
public static class ListManagement
{
    public static Decision Decide(ListOfSpeakers list, MoveEntry command, DateTimeOffset now) =>
        list.Guard(command) ?? Move(list, command, now);

    public static Decision Decide(ListOfSpeakers list, CloseList command, DateTimeOffset now) =>
        list.Guard(command)
        ?? (list.Closed ? Decision.AlreadyDone : Decision.Accept(new SpeakersListClosed(list.Id, command.CommandId, now)));

    public static Decision Decide(ListOfSpeakers list, ReopenList command, DateTimeOffset now) =>
        list.Guard(command)
        ?? (list.Closed ? Decision.Accept(new SpeakersListReopened(list.Id, command.CommandId, now)) : Decision.AlreadyDone);

    public static Decision Decide(ListOfSpeakers list, SetTimeLimits command, DateTimeOffset now) =>
        list.Guard(command)
        ?? (command.Limits.Problem() is { } problem
            ? Refusal.Invalid(problem)
            : Decision.Accept(new TimeLimitsSet(list.Id, command.Limits, command.CommandId, now)));

    public static Decision Decide(ListOfSpeakers list, SetSpeakerCap command, DateTimeOffset now)
    {
        if (list.Guard(command) is { } guarded) return guarded;
        var inscribed = list.Active.Count(x => x.Kind == EntryKind.Statement);
        return command.Cap switch
        {
            < 1 => Refusal.Invalid("The number of speakers must be at least 1."),
            { } cap when cap < inscribed =>
                Refusal.Conflict($"{inscribed} speakers are already inscribed; withdraw some before lowering the limit to {cap}."),
            _ => Decision.Accept(new SpeakerCapSet(list.Id, command.Cap, command.CommandId, now)),
        };
    }

    public static Decision Decide(ListOfSpeakers list, AllowSecondInscription command, DateTimeOffset now) =>
        list.Guard(command)
        ?? Decision.Accept(new SecondInscriptionAllowed(list.Id, command.Participant, command.CommandId, now));

    public static Decision Decide(ListOfSpeakers list, SetOrderingPolicy command, DateTimeOffset now) =>
        list.Guard(command)
        ?? (list.Policy == command.Policy ? Decision.AlreadyDone : Decision.Accept(new OrderingPolicySet(list.Id, command.Policy, command.CommandId, now)));

    public static Decision Decide(ListOfSpeakers list, SetCarryOverPolicy command, DateTimeOffset now) =>
        list.Guard(command)
        ?? (list.CarryOverPolicy == command.Policy ? Decision.AlreadyDone : Decision.Accept(new CarryOverPolicySet(list.Id, command.Policy, command.CommandId, now)));

    public static Decision Decide(ListOfSpeakers list, SetAbsentPolicy command, DateTimeOffset now) =>
        list.Guard(command)
        ?? (list.AbsentPolicy == command.Policy ? Decision.AlreadyDone : Decision.Accept(new AbsentPolicySet(list.Id, command.CommandId, now, command.Policy)));

    /// <summary>The one check of an absent policy a command gives (the list's, or one speaker's when marked absent), and its sentence.</summary>
    public static bool IsAbsentPolicy(AbsentPolicy? policy) => policy is not { } given || Enum.IsDefined(given);

    public const string AbsentPolicies = "policy must be endOfList or nextMeeting.";

    private static Decision Move(ListOfSpeakers list, MoveEntry command, DateTimeOffset now)
    {
        var entry = list.Find(command.InscriptionId);
        if (entry is null || !entry.IsActive) return Refusal.NotFound($"There is no inscription {command.InscriptionId} on this list.");
        if (!entry.IsWaiting) return Refusal.Conflict($"{entry.Speaker.ParticipantName} has already been called; only waiting speakers can be moved.");
        if (string.IsNullOrWhiteSpace(command.Reason)) return Refusal.Invalid("A move needs a reason; it is recorded in the list's history.");
        if (command.After is { } after)
        {
            if (after == entry.InscriptionId) return Refusal.Invalid("An entry cannot be placed after itself.");
            var anchor = list.Find(after);
            if (anchor is null || !anchor.IsWaiting) return Refusal.Conflict("The entry to place it after is not waiting on this list.");
        }
        return Decision.Accept(new EntryMoved(list.Id, entry.InscriptionId, command.After, command.Reason.Trim(), command.CommandId, now));
    }
}
