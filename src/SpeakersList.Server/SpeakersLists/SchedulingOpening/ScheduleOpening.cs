using System.Security.Cryptography;
using Wolverine;

namespace SpeakersList.Server.SpeakersLists.SchedulingOpening;

/// <summary>
/// The secret seed of a scheduled opening. It lives in this document only, never in an event or a view,
/// until <see cref="LotDrawn"/> reveals it: a replay, the history and every read model see the commitment alone.
/// </summary>
public sealed record OpeningSeed(Guid Id, string Seed, string Commitment);

/// <summary>The durable, scheduled message that draws the lot when the opening window closes.</summary>
public sealed record DrawOpeningLot(Guid MeetingId, string Commitment);

/// <summary>An officer sets when the list opens and the length of its opening window; the server commits to a secret seed.</summary>
public static class ScheduleOpeningEndpoint
{
    /// <summary>A second after the window closes, so an inscription received in its last instant is decided before the draw.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    public static ProblemDetails Validate(ScheduleOpening command) => Validation.Check(
        (command.OpensAt == default, "opensAt is required: when the list opens, such as 2013-09-24T09:00:00-04:00."),
        (command.WindowSeconds is < 1 or > Opening.MaximumWindowSeconds,
            $"windowSeconds must be between 1 and {Opening.MaximumWindowSeconds} (default {Opening.DefaultWindowSeconds})."));

    /// <summary>
    /// Schedule the opening of the list. Inscriptions before opensAt are refused (422); those received in the
    /// window are held and ordered by lot when it closes. Answers with the commitment: SHA-256 of the secret seed.
    /// </summary>
    [WolverinePut("/api/meetings/{meetingId}/speakers-list/opening", OperationId = "ScheduleOpening")]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, Events, OutgoingMessages) Put(ScheduleOpening command,
        [WriteAggregate("meetingId", LoadStyle = ConcurrencyStyle.Exclusive)] ListOfSpeakers list, IDocumentSession session, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var seed = RandomNumberGenerator.GetBytes(32);
        var decision = Opening.Decide(list, command, seed, now);
        var (result, events) = decision.Respond(list);
        var outgoing = new OutgoingMessages();
        if (decision.Events.OfType<SpeakersListOpeningScheduled>().SingleOrDefault() is { } scheduled)
        {
            session.Store(new OpeningSeed(list.Id, Convert.ToHexStringLower(seed), scheduled.Commitment));
            outgoing.Delay(new DrawOpeningLot(list.Id, scheduled.Commitment), DrawOpeningLotHandler.Until(scheduled.OpensAt.AddSeconds(scheduled.WindowSeconds) + Grace, now));
        }
        return (result, events, outgoing);
    }
}

/// <summary>
/// Draws the lot when the window closes. The message is durable (Wolverine's inbox in PostgreSQL), so it survives a
/// restart and runs on one node; the draw itself is idempotent under the meeting's row lock.
/// </summary>
public static class DrawOpeningLotHandler
{
    /// <summary>How long to wait, by the service's clock, with a floor so a clock that lags real time is polled, not spun on.</summary>
    public static TimeSpan Until(DateTimeOffset at, DateTimeOffset now) => at - now is var left && left > TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1);

    public static async Task<OutgoingMessages> Handle(DrawOpeningLot message, IDocumentSession session, TimeProvider clock,
        ILogger<DrawOpeningLot> logger, CancellationToken cancellation)
    {
        var outgoing = new OutgoingMessages();
        var stream = await session.Events.FetchForExclusiveWriting<ListOfSpeakers>(message.MeetingId, cancellation);
        // A later schedule replaced this one, or the lot is already drawn: nothing to do.
        if (stream.Aggregate is not { Opening: { } opening } list || opening.Commitment != message.Commitment || opening.Drawn) return outgoing;
        var now = clock.GetUtcNow();
        var due = opening.WindowEnd + ScheduleOpeningEndpoint.Grace;
        if (now < due)
        {
            outgoing.Delay(message, Until(due, now));
            return outgoing;
        }
        var secret = await session.LoadAsync<OpeningSeed>(message.MeetingId, cancellation);
        if (secret is null || secret.Commitment != opening.Commitment)
        {
            logger.LogError("The seed of the opening of meeting {MeetingId} is missing; the lot cannot be drawn", message.MeetingId);
            return outgoing;
        }
        var decision = Opening.Draw(list, Convert.FromHexString(secret.Seed), now);
        if (decision.Refusal is { } refusal)
        {
            logger.LogError("The lot of meeting {MeetingId} was not drawn: {Detail}", message.MeetingId, refusal.Detail);
            return outgoing;
        }
        stream.AppendMany(decision.Events);
        await session.SaveChangesAsync(cancellation);
        return outgoing;
    }
}
