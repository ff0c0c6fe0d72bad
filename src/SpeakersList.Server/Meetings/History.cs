namespace SpeakersList.Server.Meetings;

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
    public static async Task<IResult> Get(Guid meetingId, IQuerySession session, CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(meetingId, token: cancellation);
        if (events.Count == 0) return Refusal.NoMeeting(meetingId).ToResult();
        // Folded along, so that each line names the speakers as the list knew them, not by their inscription ids.
        ListOfSpeakers? list = null;
        var history = new List<HistoryEntry>(events.Count);
        foreach (var e in events)
        {
            if (e.Data is IMeetingEvent change) list = StreamFold.Next(list, change);
            history.Add(new(e.Version, e.Sequence, e.EventType.Name, e.Timestamp, e.UserName, e.CorrelationId, Describe(e.Data, list)));
        }
        return Results.Ok(history);
    }

    /// <summary>One line an officer reads as it is: who, what, and why, with the speakers named.</summary>
    public static string Describe(object data, ListOfSpeakers? list)
    {
        string Name(Guid? inscriptionId) => inscriptionId is { } id && list?.Find(id) is { } entry
            ? $"{entry.Speaker.ParticipantName} ({entry.Speaker.SpeakerName})"
            : "a speaker no longer on the list";
        return data switch
        {
            MeetingScheduled x => $"Scheduled \"{x.Details.Title}\" in {x.Details.Room}, {x.Details.Start:yyyy-MM-dd HH:mm}–{x.Details.End:HH:mm}.",
            SpeakerInscribed x => $"Inscribed {x.Speaker.SpeakerName} ({x.Speaker.SpeakerTitle}) for {x.Speaker.ParticipantName}{(x.Speaker.OnBehalfOf is { } group ? $" on behalf of {group}" : "")}.",
            InscriptionWithdrawn x => $"Withdrew {Name(x.InscriptionId)}.",
            EntryMoved x => $"Moved {Name(x.InscriptionId)} {(x.After is { } after ? $"after {Name(after)}" : "to the head of the list")}. Reason: {x.Reason}",
            SpeakersListClosed => "Closed the list of speakers.",
            SpeakersListReopened => "Reopened the list of speakers.",
            TimeLimitsSet => "Set the time limits.",
            SpeakerCapSet x => x.Cap is { } cap ? $"Limited the list to {cap} speakers." : "Removed the limit on the number of speakers.",
            SecondInscriptionAllowed x => $"Allowed {x.Participant} a second inscription.",
            SwapProposed x => $"{Name(x.InscriptionId)} proposed to swap slots with {Name(x.WithInscriptionId)}.",
            SwapWithdrawn x => list?.FindSwap(x.SwapId) is { } swap
                ? $"{Name(swap.InscriptionId)} withdrew its proposal to swap slots with {Name(swap.WithInscriptionId)}."
                : "Withdrew a proposal to swap slots.",
            SwapApproved x => $"Approved the swap of {Name(x.First.InscriptionId)} and {Name(x.Second.InscriptionId)}.",
            SpeakerCalled x => $"Gave the floor to {Name(x.InscriptionId)}{(x.Chosen ? ", out of turn" : "")}.",
            SpeechEnded x => $"{Name(x.InscriptionId)} spoke {x.Spoken:m\\:ss} of {TimeSpan.FromSeconds(x.AllottedSeconds):m\\:ss}.",
            SpeakerMarkedAbsent x => $"Marked {Name(x.InscriptionId)} absent when called.",
            PointOfOrderRaised x => $"{x.ParticipantName} rose to a point of order.",
            SpeakersListOpeningScheduled x => $"Scheduled the opening of the list at {x.OpensAt:yyyy-MM-dd HH:mm:ss zzz}, window {x.WindowSeconds} s; commitment {x.Commitment}.",
            LotDrawn x => $"Drew the lot of the opening: seed {x.Seed}, {x.Order.Count} inscriptions ordered.",
            _ => Humanize(data.GetType().Name) + ".",
        };
    }

    // "MeetingAdjourned" -> "Meeting adjourned": a readable line for events this file does not know yet.
    private static string Humanize(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
