using Marten;
using SpeakersList.Participants;
using SpeakersList.Programme;
using SpeakersList.SpeakersLists;
using Microsoft.AspNetCore.Mvc;
using SpeakersList.Server.Infrastructure;
using Wolverine.Http;

namespace SpeakersList.Server.SpeakersLists;

/// <summary>One line of the list as delegations, officers and screens see it.</summary>
public sealed record SpeakersListEntryView(
    int Position,
    Guid InscriptionId,
    string Participant,
    string ParticipantName,
    SpeakingBlock Block,
    LevelOfRepresentation Level,
    string SpeakerName,
    string SpeakerTitle,
    string? OnBehalfOf,
    EntryKind Kind,
    EntryState State,
    DateTimeOffset InscribedAt,
    int AllottedSeconds,
    DateTimeOffset? EstimatedStart,
    bool ReachedBeforeEnd,
    string Explanation);

/// <summary>A proposed exchange of slots, as the two delegations and the officers follow it.</summary>
public sealed record SwapView(
    Guid SwapId, SwapStatus Status, Guid InscriptionId, string ProposedBy, string ProposedByName,
    Guid WithInscriptionId, string ProposedTo, string ProposedToName, DateTimeOffset ProposedAt)
{
    public static SwapView From(Swap swap, ListOfSpeakers list) => new(
        swap.SwapId, swap.Status, swap.InscriptionId, swap.ProposedBy, list.Find(swap.InscriptionId)?.ParticipantName ?? swap.ProposedBy,
        swap.WithInscriptionId, swap.ProposedTo, list.Find(swap.WithInscriptionId)?.ParticipantName ?? swap.ProposedTo, swap.ProposedAt);
}

/// <summary>The list of speakers of a meeting, in speaking order, with its forecast.</summary>
public sealed record SpeakersListView(
    Guid MeetingId,
    long Version,
    string MeetingTitle,
    MeetingKind MeetingKind,
    string Room,
    DateTimeOffset ScheduledStart,
    DateTimeOffset ScheduledEnd,
    string TimeZone,
    OrderingPolicy Policy,
    bool Closed,
    int? Cap,
    TimeLimits Limits,
    int NotReached,
    string? NotReachedNotice,
    IReadOnlyList<SpeakersListEntryView> Entries,
    CarryOverPolicy CarryOverPolicy,
    IReadOnlyList<SwapView> Swaps)
{
    /// <summary>
    /// A pure function of the inline snapshot: the same events always give the same view,
    /// so a rebuild reproduces it and every screen computes nothing.
    /// </summary>
    public static SpeakersListView From(ListOfSpeakers list) =>
        // Before the meeting opens the forecast starts at the scheduled start; once it runs, from the floor (times in the events only).
        From(list, Forecast.Of(list, Forecast.NextFree(list)));

    /// <summary>The view from a forecast already computed (a push builds the list's and the floor's views from one).</summary>
    public static SpeakersListView From(ListOfSpeakers list, ListForecast forecast)
    {
        var venue = list.Meeting.Venue;
        return new SpeakersListView(
            list.Id, list.Version, list.Meeting.Title, list.Meeting.Kind, list.Meeting.Room,
            Local(list.ScheduledStart, venue), Local(list.ScheduledEnd, venue), list.Meeting.TimeZone,
            list.Policy, list.Closed, list.Cap, list.Limits, forecast.NotReached, forecast.NotReachedNotice(venue),
            forecast.Entries.Select(f =>
            {
                var e = f.Ordered.Entry;
                return new SpeakersListEntryView(
                    f.Ordered.Position, e.InscriptionId, e.Participant, e.ParticipantName, e.Block, e.Level,
                    e.SpeakerName, e.SpeakerTitle, e.OnBehalfOf, e.Kind, e.State, e.ReceivedAt, f.AllottedSeconds,
                    f.EstimatedStart is { } at ? Local(at, venue) : null, f.ReachedBeforeEnd, f.Ordered.Explanation);
            }).ToList(),
            list.CarryOverPolicy,
            list.Swaps.Select(swap => SwapView.From(swap, list)).ToList());
    }

    // Times are shown with the venue's offset (UN Headquarters: America/New_York).
    private static DateTimeOffset Local(DateTimeOffset at, TimeZoneInfo venue) => TimeZoneInfo.ConvertTime(at, venue);
}

public static class SpeakersListQueries
{
    /// <summary>
    /// The list of speakers of a meeting, in speaking order, with estimated start times. With <c>at</c> (ISO 8601),
    /// the list as it stood at that moment, rebuilt from the events (the UN Journal's list "as at 18:30").
    /// </summary>
    [WolverineGet("/api/meetings/{meetingId}/speakers-list", OperationId = "GetSpeakersList")]
    [ProducesResponseType<SpeakersListView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    [ProducesResponseType<ProblemDetails>(400)]
    public static async Task<IResult> Get(Guid meetingId, string? at, IQuerySession session, CancellationToken cancellation)
    {
        if (!Floor.Replay.TryReadMoment(at, out var moment)) return Floor.Replay.NotAMoment(at);
        return await Floor.Replay.ListAsync(session, meetingId, moment, cancellation) is { } list
            ? Results.Ok(SpeakersListView.From(list))
            : Refusal.NotFound(moment is null ? $"There is no meeting {meetingId}." : $"There was no meeting {meetingId} at {moment:O}.").ToResult();
    }

    /// <summary>Why an entry stands where it does: the entries just before and after it, and the rule that orders them.</summary>
    [WolverineGet("/api/meetings/{meetingId}/speakers-list/{inscriptionId}/explanation", OperationId = "ExplainPosition")]
    [ProducesResponseType<PositionExplanation>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Explain(Guid meetingId, Guid inscriptionId, IQuerySession session, CancellationToken cancellation)
    {
        var list = await session.LoadAsync<ListOfSpeakers>(meetingId, cancellation);
        if (list is null) return Refusal.NotFound($"There is no meeting {meetingId}.").ToResult();
        var ordered = list.SpeakingOrder().FirstOrDefault(x => x.Entry.InscriptionId == inscriptionId);
        return ordered is null
            ? Refusal.NotFound($"Inscription {inscriptionId} is not on the list of this meeting.").ToResult()
            : Results.Ok(new PositionExplanation(inscriptionId, ordered.Entry.Participant, ordered.Position, list.Policy,
                ordered.AfterReason, ordered.BeforeReason, ordered.Explanation));
    }
}

public sealed record PositionExplanation(
    Guid InscriptionId, string Participant, int Position, OrderingPolicy Policy, string? After, string? Before, string Summary);
