namespace SpeakersList.Server.SpeakersLists;

/// <summary>One line of the list as delegations, officers and screens see it.</summary>
public sealed record SpeakersListEntryView(
    int Position,
    Guid InscriptionId,
    Speaker Speaker,
    EntryKind Kind,
    EntryState State,
    DateTimeOffset InscribedAt,
    int AllottedSeconds,
    DateTimeOffset? EstimatedStart,
    bool ReachedBeforeEnd,
    string Explanation,
    Interpretation.Delivery Delivery,
    DateTimeOffset? LatestLikelyStart = null,
    double? ReachProbability = null);

/// <summary>A proposed exchange of slots, as the two delegations and the officers follow it.</summary>
public sealed record SwapView(
    Guid SwapId, SwapStatus Status, Guid InscriptionId, ParticipantCode ProposedBy, string ProposedByName,
    Guid WithInscriptionId, ParticipantCode ProposedTo, string ProposedToName, DateTimeOffset ProposedAt)
{
    public static SwapView From(Swap swap, ListOfSpeakers list) => new(
        swap.SwapId, swap.Status, swap.InscriptionId, swap.ProposedBy, list.Find(swap.InscriptionId)?.Speaker.ParticipantName ?? swap.ProposedBy.Value,
        swap.WithInscriptionId, swap.ProposedTo, list.Find(swap.WithInscriptionId)?.Speaker.ParticipantName ?? swap.ProposedTo.Value, swap.ProposedAt);
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
    IReadOnlyList<SwapView> Swaps,
    OpeningView? Opening = null)
{
    /// <summary>
    /// A pure function of the inline snapshot: the same events always give the same view,
    /// so a rebuild reproduces it and every screen computes nothing.
    /// </summary>
    public static SpeakersListView From(ListOfSpeakers list) =>
        // Before the meeting opens the forecast starts at the scheduled start; once it runs, from the floor (times in the events only).
        From(list, Forecast.Of(list, Forecast.NextFree(list)));

    /// <summary>The view with speaking times learned from the conference's history (<see cref="SpeakingTimeModel"/>).</summary>
    public static SpeakersListView From(ListOfSpeakers list, SpeakingTimeModel model) => From(list, Forecast.Of(list, Forecast.NextFree(list), model));

    /// <summary>The view from a forecast already computed (a push builds the list's and the floor's views from one).</summary>
    public static SpeakersListView From(ListOfSpeakers list, ListForecast forecast)
    {
        var venue = list.Meeting.Details.Venue();
        return new SpeakersListView(
            list.Id, list.Version, list.Meeting.Details.Title, list.Meeting.Details.Kind, list.Meeting.Details.Room,
            venue.LocalTime(list.ScheduledStart), venue.LocalTime(list.ScheduledEnd), list.Meeting.Details.TimeZone,
            list.Policy, list.Closed, list.Cap, list.Limits, forecast.NotReached, forecast.NotReachedNotice(venue),
            forecast.Entries.Select(f =>
            {
                var e = f.Ordered.Entry;
                return new SpeakersListEntryView(
                    f.Ordered.Position, e.InscriptionId, e.Speaker, e.Kind, e.State, e.ReceivedAt, f.AllottedSeconds,
                    f.EstimatedStart is { } at ? venue.LocalTime(at) : null, f.ReachedBeforeEnd, f.Ordered.Explanation, e.Delivery,
                    f.LatestLikelyStart is { } late ? venue.LocalTime(late) : null, f.ReachProbability);
            }).ToList(),
            list.CarryOverPolicy,
            list.Swaps.Select(swap => SwapView.From(swap, list)).ToList(),
            OpeningView.From(list));
    }

    /// <summary>The same view with the participants named in one of the six official languages (null: as registered).</summary>
    public SpeakersListView NamedIn(string? language) => language is null ? this : this with
    {
        Entries = Entries.Select(e => e with
        {
            Speaker = e.Speaker with { ParticipantName = ParticipantNames.In(language, e.Speaker.Participant, e.Speaker.ParticipantName) },
        }).ToList(),
        Swaps = Swaps.Select(s => s with
        {
            ProposedByName = ParticipantNames.In(language, s.ProposedBy, s.ProposedByName),
            ProposedToName = ParticipantNames.In(language, s.ProposedTo, s.ProposedToName),
        }).ToList(),
    };
}

/// <summary>
/// A scheduled opening as everyone sees it: before the draw the commitment only; after it the seed, so anyone can
/// check SHA-256(seed) against the commitment and recompute the order (ops/verify-draw).
/// </summary>
public sealed record OpeningView(
    DateTimeOffset OpensAt,
    int WindowSeconds,
    DateTimeOffset WindowEnd,
    string Commitment,
    string? Seed,
    DateTimeOffset? DrawnAt,
    IReadOnlyList<DrawnInscriptionView> Drawn,
    string Algorithm)
{
    public const string Description =
        "commitment = hex(SHA-256(seed)); lot = hex(SHA-256(seed || ASCII(upper-case participant code))); within each protocol block "
        + "and level (one level under first come, first served), held inscriptions are sorted by lot, ascending, equal lots by arrival.";

    public static OpeningView? From(ListOfSpeakers list) => list.Opening is not { } opening
        ? null
        : new OpeningView(opening.OpensAt, opening.WindowSeconds, opening.WindowEnd, opening.Commitment, opening.Seed, opening.DrawnAt,
            opening.Seed is { } seed
                ? SpeakersList.SpeakersLists.Opening.Order(Convert.FromHexString(seed), list.Entries.Where(list.IsHeld), list.Policy)
                    .Select(x => new DrawnInscriptionView(x.InscriptionId, x.Participant, x.Block, x.Level, x.Rank, x.Of, x.Lot)).ToList()
                : [],
            Description);
}

public sealed record DrawnInscriptionView(Guid InscriptionId, ParticipantCode Participant, SpeakingBlock Block, LevelOfRepresentation Level, int Rank, int Of, string Lot);

public static class SpeakersListQueries
{
    /// <summary>
    /// The list of speakers of a meeting, in speaking order, with estimated start times. With <c>at</c> (ISO 8601),
    /// the list as it stood at that moment, rebuilt from the events (the UN Journal's list "as at 18:30").
    /// </summary>
    [WolverineGet("/api/meetings/{meetingId}/speakers-list", OperationId = "GetSpeakersList")]
    [ProducesResponseType<SpeakersListView>(200)]
    public static async Task<IResult> Get(Guid meetingId, string? at, IQuerySession session, HttpContext context,
        SpeakersList.Server.Forecasting.SpeakingHistory history, CancellationToken cancellation)
    {
        if (!Replay.TryReadMoment(at, out var moment)) return Replay.NotAMoment(at);
        if (!RequestedLanguage.TryRead(context, out var language, out var badLanguage)) return badLanguage!;
        return await Replay.ListAsync(session, meetingId, moment, cancellation) is { } list
            ? Results.Ok(SpeakersListView.From(list, await history.ModelAsync(session, moment, cancellation)).NamedIn(language))
            : Refusal.NoMeeting(meetingId, moment).ToResult();
    }

    /// <summary>Why an entry stands where it does: the entries just before and after it, and the rule that orders them.</summary>
    [WolverineGet("/api/meetings/{meetingId}/speakers-list/{inscriptionId}/explanation", OperationId = "ExplainPosition")]
    [ProducesResponseType<PositionExplanation>(200)]
    public static async Task<IResult> Explain(Guid meetingId, Guid inscriptionId, IQuerySession session, CancellationToken cancellation)
    {
        var list = await session.LoadAsync<ListOfSpeakers>(meetingId, cancellation);
        if (list is null) return Refusal.NoMeeting(meetingId).ToResult();
        var ordered = list.SpeakingOrder().FirstOrDefault(x => x.Entry.InscriptionId == inscriptionId);
        return ordered is null
            ? Refusal.NotFound($"Inscription {inscriptionId} is not on the list of this meeting.").ToResult()
            : Results.Ok(new PositionExplanation(inscriptionId, ordered.Entry.Speaker.Participant, ordered.Position, list.Policy,
                ordered.AfterReason, ordered.BeforeReason, ordered.Explanation));
    }
}

public sealed record PositionExplanation(
    Guid InscriptionId, ParticipantCode Participant, int Position, OrderingPolicy Policy, string? After, string? Before, string Summary);
