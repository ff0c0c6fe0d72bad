using SpeakersList.Floor;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Interpretation;

/// <summary>What a booth's console tells the chair.</summary>
public enum BoothMessageKind
{
    SlowDown,
    NoSound,
    Help,
}

/// <summary>A booth tells the chair of the meeting in progress in its room.</summary>
public sealed record SendBoothMessage(Guid CommandId, BoothMessageKind Kind, string? Text = null) : IIdempotentCommand;

public sealed record DismissBoothMessage(Guid CommandId) : IIdempotentCommand;

/// <summary>A booth's message to the chair, on the meeting's stream.</summary>
public sealed record BoothMessageSent(Guid MeetingId, Guid MessageId, string Room, BoothMessageKind Kind, string? Text, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

/// <summary>An officer has seen the message and dismissed it from the console.</summary>
public sealed record BoothMessageDismissed(Guid MeetingId, Guid MessageId, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

public sealed record BoothMessage(Guid MessageId, string Room, BoothMessageKind Kind, string? Text, DateTimeOffset SentAt, DateTimeOffset? DismissedAt = null);

/// <summary>The booths' line to the chair: "speak slower", "no sound", "help", while the meeting is under way.</summary>
public static class BoothMessages
{
    public const int MaxTextLength = 500;

    /// <summary>The message's id is the command's id, so a retry answers with the same message.</summary>
    public static Decision Send(ListOfSpeakers list, SendBoothMessage command, string room, DateTimeOffset now)
    {
        if (list.Guard(command) is { } guarded) return guarded;
        if (list.Floor.Status is not (MeetingStatus.InProgress or MeetingStatus.Suspended))
            return Refusal.Conflict($"{list.Meeting.Details.Title} is not in progress: a booth's message goes to the chair of the meeting under way.");
        var text = string.IsNullOrWhiteSpace(command.Text) ? null : command.Text.Trim();
        if (text is { Length: > MaxTextLength })
            return Refusal.Invalid($"A booth's message is at most {MaxTextLength} characters.");
        return Decision.Accept(new BoothMessageSent(list.Id, command.CommandId, room, command.Kind, text, command.CommandId, now));
    }

    public static Decision Dismiss(ListOfSpeakers list, Guid messageId, DismissBoothMessage command, DateTimeOffset now)
    {
        if (list.Guard(command) is { } guarded) return guarded;
        var message = list.BoothMessages.FirstOrDefault(x => x.MessageId == messageId);
        if (message is null) return Refusal.NotFound($"There is no booth message {messageId} on this meeting.");
        return message.DismissedAt is null
            ? Decision.Accept(new BoothMessageDismissed(list.Id, messageId, command.CommandId, now))
            : Decision.AlreadyDone;
    }
}
