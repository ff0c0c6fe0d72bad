using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using SpeakersList.Programme;
using SpeakersList.SpeakersLists;
using Wolverine.Http;

namespace SpeakersList.Server.Access;

/// <summary>One change to a meeting: what, when, by whom, in which request, and why.</summary>
public sealed record HistoryEntry(long Version, long Sequence, string Type, DateTimeOffset Timestamp, string? User, string? CorrelationId, string Description);

/// <summary>
/// The audit trail of a meeting: every event of its stream with the user and the correlation id
/// Marten recorded. For officers: it names the people who made each change.
/// </summary>
public static class HistoryEndpoint
{
    [OfficerOnly]
    [WolverineGet("/api/meetings/{meetingId}/history", OperationId = "GetMeetingHistory")]
    [ProducesResponseType<IReadOnlyList<HistoryEntry>>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid meetingId, IQuerySession session, CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(meetingId, token: cancellation);
        if (events.Count == 0) return Results.Problem(new ProblemDetails { Status = 404, Title = "Not found", Detail = $"There is no meeting {meetingId}." });
        return Results.Ok(events.Select(Entry).ToList());
    }

    public static HistoryEntry Entry(IEvent e) =>
        new(e.Version, e.Sequence, e.EventType.Name, e.Timestamp, e.UserName, e.CorrelationId, Describe(e.Data));

    public static string Describe(object data) => data switch
    {
        MeetingScheduled x => $"Scheduled \"{x.Title}\" in {x.Room}, {x.Start:yyyy-MM-dd HH:mm}–{x.End:HH:mm}.",
        SpeakerInscribed x => $"Inscribed {x.SpeakerName} ({x.SpeakerTitle}) for {x.Participant}{(x.OnBehalfOf is { } group ? $" on behalf of {group}" : "")}.",
        InscriptionWithdrawn x => $"Withdrew inscription {x.InscriptionId}.",
        EntryMoved x => $"Moved inscription {x.InscriptionId} {(x.After is { } after ? $"after {after}" : "to the head of the list")}. Reason: {x.Reason}",
        SpeakersListClosed => "Closed the list of speakers.",
        SpeakersListReopened => "Reopened the list of speakers.",
        TimeLimitsSet => "Set the time limits.",
        SpeakerCapSet x => x.Cap is { } cap ? $"Limited the list to {cap} speakers." : "Removed the limit on the number of speakers.",
        SecondInscriptionAllowed x => $"Allowed {x.Participant} a second inscription.",
        SpeakersListOpeningScheduled x => $"Scheduled the opening of the list at {x.OpensAt:yyyy-MM-dd HH:mm:ss zzz}, window {x.WindowSeconds} s; commitment {x.Commitment}.",
        LotDrawn x => $"Drew the lot of the opening: seed {x.Seed}, {x.Order.Count} inscriptions ordered.",
        _ => Humanize(data.GetType().Name) + ".",
    };

    // "MeetingAdjourned" -> "Meeting adjourned": a readable line for events this file does not know yet.
    private static string Humanize(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
