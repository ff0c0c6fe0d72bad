using SpeakersList.Participants;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Floor;

/// <summary>A command on the floor that needs nothing but its id (and, optionally, the version the officer saw).</summary>
/// <param name="CommandId">Chosen by the client: a retry with the same id takes effect once.</param>
/// <param name="ExpectedVersion">Optional: the version the officer saw; a stale one is refused with 409.</param>
public sealed record FloorCommand(Guid CommandId, long? ExpectedVersion = null) : IMeetingCommand;

/// <summary>Give the floor to the next speaker on the list, or to the one chosen (<paramref name="InscriptionId"/>).</summary>
public sealed record CallSpeaker(Guid CommandId, Guid? InscriptionId = null, long? ExpectedVersion = null) : IMeetingCommand;

/// <summary>The speaker called is not in the room. Without a policy, the list's policy applies.</summary>
public sealed record MarkAbsent(Guid CommandId, AbsentPolicy? Policy = null, long? ExpectedVersion = null) : IMeetingCommand;

public sealed record ExtendSpeech(Guid CommandId, int Seconds, long? ExpectedVersion = null) : IMeetingCommand;

/// <summary>A delegation rises to a point of order (rule 71).</summary>
public sealed record RaisePointOfOrder(Guid CommandId, ParticipantCode Participant, long? ExpectedVersion = null) : IMeetingCommand;


/// <summary>
/// What the President (through the conference officers) does on the floor: open the meeting,
/// call speakers in the order of the list (rule 68), run their clock (rule 72), hear points of
/// order (rule 71), suspend, resume and adjourn. Every decision is pure: the time comes in.
/// </summary>
public static class FloorControl
{
    public const int MaxExtensionSeconds = 3600;

    public static Decision Open(ListOfSpeakers list, FloorCommand command, DateTimeOffset now) =>
        list.Guard(command)
        ?? list.Floor.Status switch
        {
            MeetingStatus.Scheduled => Decision.Accept(new MeetingOpened(list.Id, command.CommandId, now)),
            MeetingStatus.Adjourned => Refusal.Conflict("The meeting has been adjourned; it cannot be opened again."),
            _ => Refusal.Conflict("The meeting is already open."),
        };

    public static Decision Call(ListOfSpeakers list, CallSpeaker command, DateTimeOffset now)
    {
        if ((list.Guard(command) ?? InProgress(list) ?? NoPointOfOrder(list)) is { } refused) return refused;
        if (list.FloorHolder() is { } holder)
            return Refusal.Conflict($"{holder.Speaker.ParticipantName} has the floor: end the speech, or mark the speaker absent, before calling another speaker.");

        Entry? entry;
        if (command.InscriptionId is { } chosen)
        {
            entry = list.Find(chosen);
            if (entry is null || !entry.IsActive) return Refusal.NotFound($"There is no inscription {chosen} on this list.");
            if (!entry.IsWaiting) return Refusal.Conflict($"{entry.Speaker.ParticipantName} is not waiting to speak ({Describe(entry.State)}).");
        }
        else
        {
            entry = list.SpeakingOrder().Select(x => x.Entry).FirstOrDefault(x => x.IsWaiting);
            if (entry is null) return Refusal.Conflict("No speaker is waiting on the list.");
        }
        return Decision.Accept(new SpeakerCalled(list.Id, command.CommandId, now, entry.InscriptionId, list.Limits.For(entry), command.InscriptionId is not null));
    }

    public static Decision Start(ListOfSpeakers list, FloorCommand command, DateTimeOffset now)
    {
        if ((list.Guard(command) ?? InProgress(list) ?? NoPointOfOrder(list)) is { } refused) return refused;
        return list.Floor.Current switch
        {
            null => Refusal.Conflict("Nobody has been called: call a speaker before starting the clock."),
            { Started: true } => Refusal.Conflict($"{Name(list)} is already speaking; the clock has been started."),
            var current => Decision.Accept(new SpeechStarted(list.Id, command.CommandId, now, current.InscriptionId)),
        };
    }

    public static Decision Pause(ListOfSpeakers list, FloorCommand command, DateTimeOffset now)
    {
        if ((list.Guard(command) ?? InProgress(list) ?? NoPointOfOrder(list)) is { } refused) return refused;
        return list.Floor.Current switch
        {
            null => Refusal.Conflict("Nobody has the floor: there is no clock to pause."),
            { Started: false } => Refusal.Conflict($"{Name(list)} has not started speaking: there is no clock to pause."),
            { Paused: true } => Refusal.Conflict($"The clock of {Name(list)} is already paused."),
            var current => Decision.Accept(new SpeechPaused(list.Id, command.CommandId, now, current.InscriptionId)),
        };
    }

    /// <summary>The floor returns to the speaker: after a point of order (the President has ruled), or after a pause.</summary>
    public static Decision Resume(ListOfSpeakers list, FloorCommand command, DateTimeOffset now)
    {
        if ((list.Guard(command) ?? InProgress(list)) is { } refused) return refused;
        var current = list.Floor.Current;
        if (list.Floor.PointOfOrder is { } pointOfOrder)
        {
            var concluded = new PointOfOrderConcluded(list.Id, command.CommandId, now);
            return pointOfOrder.InterruptedSpeech && current is { Paused: true }
                ? Decision.Accept(concluded, new SpeechResumed(list.Id, command.CommandId, now, current.InscriptionId))
                : Decision.Accept(concluded);
        }
        return current switch
        {
            null => Refusal.Conflict("Nobody has the floor: there is nothing to resume."),
            { Started: false } => Refusal.Conflict($"{Name(list)} has not started speaking: start the speech instead."),
            { Paused: false } => Refusal.Conflict($"{Name(list)} is speaking; the clock is not paused."),
            _ => Decision.Accept(new SpeechResumed(list.Id, command.CommandId, now, current.InscriptionId)),
        };
    }

    public static Decision End(ListOfSpeakers list, FloorCommand command, DateTimeOffset now)
    {
        if ((list.Guard(command) ?? InProgress(list) ?? NoPointOfOrder(list)) is { } refused) return refused;
        return list.Floor.Current switch
        {
            null => Refusal.Conflict("Nobody has the floor: there is no speech to end."),
            { Started: false } => Refusal.Conflict($"{Name(list)} has not started speaking: start the speech, or mark the speaker absent."),
            var current => Decision.Accept(new SpeechEnded(list.Id, command.CommandId, now, current.InscriptionId,
                current.Clock.Spoken(now), current.Clock.AllottedSeconds)),
        };
    }

    public static Decision MarkAbsent(ListOfSpeakers list, MarkAbsent command, DateTimeOffset now)
    {
        if ((list.Guard(command) ?? InProgress(list) ?? NoPointOfOrder(list)) is { } refused) return refused;
        return list.Floor.Current switch
        {
            null => Refusal.Conflict("Nobody has been called: only a speaker called can be marked absent."),
            { Started: true } => Refusal.Conflict($"{Name(list)} has already spoken on this call and cannot be marked absent; end the speech instead."),
            var current => Decision.Accept(new SpeakerMarkedAbsent(list.Id, command.CommandId, now, current.InscriptionId,
                command.Policy ?? list.AbsentPolicy,
                list.SpeakingOrder().Select(x => x.Entry).LastOrDefault(x => x.IsWaiting)?.InscriptionId)),
        };
    }

    public static Decision Extend(ListOfSpeakers list, ExtendSpeech command, DateTimeOffset now)
    {
        if (list.Guard(command) is { } refused) return refused;
        if (command.Seconds is < 1 or > MaxExtensionSeconds) return Refusal.Invalid($"An extension is between 1 and {MaxExtensionSeconds} seconds.");
        return list.Floor.Current is { } current
            ? Decision.Accept(new SpeechExtended(list.Id, command.CommandId, now, current.InscriptionId, command.Seconds))
            : Refusal.Conflict("Nobody has the floor: there is no speaking time to extend.");
    }

    public static Decision PointOfOrder(ListOfSpeakers list, RaisePointOfOrder command, Participant participant, DateTimeOffset now)
    {
        if ((list.Guard(command) ?? InProgress(list)) is { } refused) return refused;
        return list.Floor.PointOfOrder is { } raised
            ? Refusal.Conflict($"A point of order by {raised.ParticipantName} is already before the President; resume the debate first.")
            : Decision.Accept(new PointOfOrderRaised(list.Id, command.CommandId, now, participant.Code, participant.Name));
    }

    public static Decision Suspend(ListOfSpeakers list, FloorCommand command, DateTimeOffset now) =>
        list.Guard(command)
        ?? InProgress(list)
        ?? Decision.Accept(new MeetingSuspended(list.Id, command.CommandId, now));

    public static Decision ResumeMeeting(ListOfSpeakers list, FloorCommand command, DateTimeOffset now) =>
        list.Guard(command)
        ?? (list.Floor.Status == MeetingStatus.Suspended
            ? Decision.Accept(new MeetingResumed(list.Id, command.CommandId, now))
            : Refusal.Conflict(list.Floor.Status switch
            {
                MeetingStatus.Scheduled => "The meeting has not been opened; open it instead.",
                MeetingStatus.Adjourned => "The meeting has been adjourned.",
                _ => "The meeting is not suspended.",
            }));

    public static Decision Adjourn(ListOfSpeakers list, FloorCommand command, DateTimeOffset now)
    {
        if (list.Guard(command) is { } refused) return refused;
        return list.Floor switch
        {
            { Status: MeetingStatus.Adjourned } => Refusal.Conflict("The meeting has already been adjourned."),
            { Status: MeetingStatus.Scheduled } => Refusal.Conflict("The meeting has not been opened."),
            { PointOfOrder: { } raised } => Refusal.Conflict($"A point of order by {raised.ParticipantName} is before the President; rule on it before adjourning."),
            { Current: not null } => Refusal.Conflict($"{Name(list)} has the floor: end the speech, or mark the speaker absent, before adjourning."),
            _ => Decision.Accept(new MeetingAdjourned(list.Id, command.CommandId, now)),
        };
    }

    private static Decision? InProgress(ListOfSpeakers list) => list.Floor.Status switch
    {
        MeetingStatus.InProgress => null,
        MeetingStatus.Scheduled => Decision.Refuse(Refusal.Conflict("The meeting has not been opened yet.")),
        MeetingStatus.Suspended => Decision.Refuse(Refusal.Conflict("The meeting is suspended: resume the meeting first.")),
        _ => Decision.Refuse(Refusal.Conflict("The meeting has been adjourned.")),
    };

    private static Decision? NoPointOfOrder(ListOfSpeakers list) =>
        list.Floor.PointOfOrder is { } raised
            ? Decision.Refuse(Refusal.Conflict($"A point of order by {raised.ParticipantName} is before the President (rule 71): resume the debate first."))
            : null;

    private static string Name(ListOfSpeakers list) => list.FloorHolder()?.Speaker.ParticipantName ?? "The speaker";

    private static string Describe(EntryState state) => state switch
    {
        EntryState.Speaking => "already called",
        EntryState.Heard => "already heard",
        EntryState.Absent => "marked absent",
        _ => state.ToString().ToLowerInvariant(),
    };
}
