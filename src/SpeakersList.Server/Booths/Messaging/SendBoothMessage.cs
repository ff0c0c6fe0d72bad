using System.Security.Claims;
using SpeakersList.Interpretation;
using SpeakersList.Server.Live;
using Wolverine;

namespace SpeakersList.Server.Booths.Messaging;

/// <summary>The message, routed to the meeting in progress in the booth's room; decided there under that list's lock.</summary>
public sealed record RecordBoothMessage(Guid MeetingId, string Room, SendBoothMessage Message, DateTimeOffset At);

public sealed record BoothMessageView(Guid MessageId, Guid MeetingId, string Room, BoothMessageKind Kind, string? Text, DateTimeOffset SentAt, DateTimeOffset? DismissedAt)
{
    public static BoothMessageView Of(Guid meetingId, BoothMessage m) => new(m.MessageId, meetingId, m.Room, m.Kind, m.Text, m.SentAt, m.DismissedAt);
}

public sealed record BoothMessageOutcome(BoothMessageView? Sent, long Version, Refusal? Refusal);

/// <summary>A room's booth tells the chair "slow down", "no sound" or "help": an event on the meeting in progress, pushed to the officers at once.</summary>
public static class SendBoothMessageEndpoint
{
    public static ProblemDetails Validate(SendBoothMessage command) => Validation.Check(
        (!Enum.IsDefined(command.Kind), "kind must be one of slowDown, noSound, help."),
        (command.Text is { Length: > BoothMessages.MaxTextLength }, $"text is at most {BoothMessages.MaxTextLength} characters."));

    /// <summary>Send a message from the room's booth to the chair of the meeting in progress there.</summary>
    [WolverinePost("/api/booths/{room}/messages", OperationId = "SendBoothMessage")]
    [BoothMayAct]
    [ProducesResponseType<BoothMessageView>(201)]
    [ProducesResponseType<BoothMessageView>(200)]
    public static async Task<IResult> Post(string room, SendBoothMessage command, IQuerySession session, IMessageBus bus, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken cancellation)
    {
        if (BoothAccess.RefuseUnlessFor(user, room) is { } refused) return refused;
        var name = room.Trim();
        var inRoom = await session.Query<ListOfSpeakers>()
            .Where(x => x.Meeting.Details.Room.Equals(name, StringComparison.OrdinalIgnoreCase)).ToListAsync(cancellation);
        if (LiveViews.CurrentMeeting(inRoom) is not { } meeting)
            return Refusal.NotFound($"There is no room '{name}' in the programme.").ToResult();
        var outcome = await bus.InvokeAsync<BoothMessageOutcome>(new RecordBoothMessage(meeting.Id, meeting.Meeting.Details.Room, command, clock.GetUtcNow()), cancellation);
        if (outcome.Refusal is { } refusal) return refusal.ToResult();
        return outcome.Sent is { } sent
            ? Results.Created($"/api/meetings/{meeting.Id}/booth-messages", sent)
            : Results.Ok(meeting.BoothMessages.Where(x => x.MessageId == command.CommandId).Select(x => BoothMessageView.Of(meeting.Id, x)).FirstOrDefault());
    }
}

public static class RecordBoothMessageHandler
{
    public static (BoothMessageOutcome, Events) Handle(RecordBoothMessage command,
        [WriteAggregate(nameof(RecordBoothMessage.MeetingId), LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list)
    {
        var decision = BoothMessages.Send(list, command.Message, command.Room, command.At);
        if (decision.Refusal is { } refusal) return (new BoothMessageOutcome(null, list.Version, refusal), []);
        var after = list.Evolve(decision.Events);
        var sent = decision.Events.Count == 0 ? null
            : after.BoothMessages.Where(x => x.MessageId == command.Message.CommandId).Select(x => BoothMessageView.Of(list.Id, x)).FirstOrDefault();
        return (new BoothMessageOutcome(sent, after.Version, null), [.. decision.Events]);
    }
}
