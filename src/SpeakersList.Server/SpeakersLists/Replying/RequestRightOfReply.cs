using System.Security.Claims;
using Wolverine;

namespace SpeakersList.Server.SpeakersLists.Replying;

/// <summary>Where the reply was scheduled: the day's last meeting on the item, its place and number (first or second).</summary>
public sealed record RightOfReplyScheduled(Guid InscriptionId, Guid MeetingId, string MeetingTitle, int ReplyNumber, int AllottedSeconds, long Version);

/// <summary>The request, routed to the meeting where it will be heard; decided there under that list's lock.</summary>
public sealed record ScheduleRightOfReply(Guid MeetingId, RequestRightOfReply Request, Participant Participant, DateTimeOffset ReceivedAt);

public sealed record RightOfReplyOutcome(RightOfReplyScheduled? Scheduled, Refusal? Refusal);

/// <summary>A delegation asks, during a meeting, for the right of reply; it is heard at the end of the day's last meeting on the item.</summary>
public static class RequestRightOfReplyEndpoint
{
    public static ProblemDetails Validate(RequestRightOfReply command) => Validation.Check(
        (command.Participant.IsNone, "participant is required: the code of the delegation that replies."),
        (!Enum.IsDefined(command.Level), "level must be one of headOfState, vicePresident, headOfGovernment, deputyPrimeMinister, minister, viceMinister, chairOfDelegation, other."),
        (Validation.Missing(command.SpeakerName), "speakerName is required (at most 200 characters)."),
        (Validation.Missing(command.SpeakerTitle), "speakerTitle is required (at most 200 characters)."));

    /// <summary>A delegation asks a right of reply for itself only (403 otherwise); an officer for anyone.</summary>
    public static ProblemDetails Before(RequestRightOfReply command, ClaimsPrincipal user) => Actor.Of(user).ProblemUnlessFor(command.Participant);

    /// <summary>Request a right of reply on the item of this meeting.</summary>
    [WolverinePost("/api/meetings/{meetingId}/rights-of-reply", OperationId = "RequestRightOfReply")]
    [DelegationMayAct]
    [ProducesResponseType<RightOfReplyScheduled>(201)]
    public static async Task<IResult> Post(Guid meetingId, RequestRightOfReply command, IQuerySession session, IMessageBus bus,
        HttpContext context, CancellationToken cancellation)
    {
        var requestedAt = await session.LoadAsync<ListOfSpeakers>(meetingId, cancellation);
        if (requestedAt is null) return Refusal.NoMeeting(meetingId).ToResult();
        var participant = await session.LoadParticipantAsync(command.Participant, cancellation);
        if (participant is null)
            return Refusal.UnknownParticipant(command.Participant.Value).ToResult();

        var onItem = await session.Query<ListOfSpeakers>().Where(x => x.Meeting.Details.AgendaItem == requestedAt.Meeting.Details.AgendaItem).ToListAsync(cancellation);
        var dayEnd = RightsOfReply.DayEndMeeting(requestedAt, onItem) ?? requestedAt;

        var outcome = await bus.InvokeAsync<RightOfReplyOutcome>(
            new ScheduleRightOfReply(dayEnd.Id, command, participant, context.ArrivedAt()), cancellation);
        return outcome.Refusal is { } refusal
            ? refusal.ToResult()
            : Results.Created($"/api/meetings/{dayEnd.Id}/speakers-list/{outcome.Scheduled!.InscriptionId}/explanation", outcome.Scheduled);
    }
}

public static class ScheduleRightOfReplyHandler
{
    public static (RightOfReplyOutcome, Events) Handle(ScheduleRightOfReply command,
        [WriteAggregate(nameof(ScheduleRightOfReply.MeetingId), LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers dayEnd)
    {
        var decision = RightsOfReply.Decide(dayEnd, command.Request, command.Participant, command.ReceivedAt);
        if (decision.Refusal is { } refusal) return (new RightOfReplyOutcome(null, refusal), []);
        var after = dayEnd.Evolve(decision.Events);
        var entry = after.Find(command.Request.CommandId)!;
        return (new RightOfReplyOutcome(new RightOfReplyScheduled(entry.InscriptionId, dayEnd.Id, dayEnd.Meeting.Details.Title,
            entry.ReplyNumber ?? 1, after.Limits.For(entry), after.Version), null), [.. decision.Events]);
    }
}
