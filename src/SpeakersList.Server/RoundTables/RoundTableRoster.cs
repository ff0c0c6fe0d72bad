using SpeakersList.Server.Programme;

namespace SpeakersList.Server.RoundTables;

public sealed record SeatView(ParticipantCode Participant, string Name, ParticipantCategory Category, RegionalGroup? RegionalGroup, SeatGroup CountsAs, bool Preferred);

public sealed record PreferenceView(ParticipantCode Participant, RegionalGroup? RegionalGroup, string StatedBy, DateTimeOffset At, Guid? SeatedAt);

public sealed record ChairView(ParticipantCode Participant, string ParticipantName, RegionalGroup RegionalGroup, string ChairName, Gender Gender);

public sealed record RegionalGroupCount(RegionalGroup RegionalGroup, int MemberStates);

/// <summary>The composition of a round table against para 71, and its geographical distribution (para 69).</summary>
public sealed record CompositionView(
    int Participants,
    int Limit,
    int Delegations,
    int UnSystem,
    int UnSystemMinimum,
    int OtherStakeholders,
    int OtherStakeholdersMinimum,
    int SeatsLeft,
    int SeatsLeftForDelegations,
    IReadOnlyList<RegionalGroupCount> GeographicalDistribution,
    IReadOnlyList<string> Shortfalls);

/// <summary>A round table's roster: its chair, who has a seat, and who prefers it.</summary>
public sealed record RoundTableRosterView(
    Guid RoundTableId,
    Guid ConferenceId,
    string Title,
    string Room,
    DateTimeOffset Start,
    DateTimeOffset End,
    ProgrammeStatus Status,
    ChairView? Chair,
    CompositionView Composition,
    IReadOnlyList<SeatView> Seats,
    IReadOnlyList<PreferenceView> Preferences)
{
    public static RoundTableRosterView From(Conference conference, Meeting roundTable)
    {
        var seats = conference.SeatsAt(roundTable.Id).ToList();
        var composition = SpeakersList.Programme.Composition.Of(seats);
        var unNeeded = Math.Max(0, RoundTableParticipation.MinUnSystem - composition.UnSystem);
        var stakeholdersNeeded = Math.Max(0, RoundTableParticipation.MinOtherStakeholders - composition.OtherStakeholders);
        var left = RoundTableParticipation.MaxParticipants - composition.Total;
        var shown = roundTable.Details.AtVenue();
        return new RoundTableRosterView(
            roundTable.Id, conference.Id, shown.Title, shown.Room, shown.Start, shown.End, roundTable.Status,
            conference.ChairOf(roundTable.Id) is { } c ? new ChairView(c.Participant, c.ParticipantName, c.RegionalGroup, c.ChairName, c.Gender) : null,
            new CompositionView(
                composition.Total, RoundTableParticipation.MaxParticipants, composition.Delegations,
                composition.UnSystem, RoundTableParticipation.MinUnSystem, composition.OtherStakeholders, RoundTableParticipation.MinOtherStakeholders,
                left, Math.Max(0, left - unNeeded - stakeholdersNeeded),
                composition.ByRegionalGroup.Select(g => new RegionalGroupCount(g.Key, g.Value)).ToList(),
                composition.Shortfalls()),
            seats.OrderBy(s => RoundTableParticipation.GroupOf(s.Category)).ThenBy(s => s.ParticipantName)
                .Select(s => new SeatView(s.Participant, s.ParticipantName, s.Category, s.RegionalGroup, RoundTableParticipation.GroupOf(s.Category),
                    conference.PreferenceOf(s.Participant)?.RoundTableId == roundTable.Id))
                .ToList(),
            conference.Preferences.Where(p => p.RoundTableId == roundTable.Id).OrderBy(p => p.At)
                .Select(p => new PreferenceView(p.Participant, p.RegionalGroup, p.StatedBy, p.At,
                    conference.SeatOf(p.Participant)?.RoundTableId))
                .ToList());
    }
}

/// <summary>The round tables of a conference, with what the President should reconsider in the chairs.</summary>
public sealed record RoundTablesView(Guid ConferenceId, IReadOnlyList<RoundTableRosterView> RoundTables, IReadOnlyList<string> ChairWarnings)
{
    public static RoundTablesView From(Conference conference, IReadOnlyList<Meeting> roundTables) => new(
        conference.Id,
        roundTables.OrderBy(m => m.Details.Start).Select(m => RoundTableRosterView.From(conference, m)).ToList(),
        RoundTableParticipation.ChairWarnings(conference, roundTables));
}

public static class RoundTableQueries
{
    public static async Task<IReadOnlyList<Meeting>> RoundTablesOfAsync(IQuerySession session, Guid conferenceId, CancellationToken cancellation) =>
        await session.Query<Meeting>().Where(m => m.ConferenceId == conferenceId && m.Details.Kind == MeetingKind.RoundTable).ToListAsync(cancellation);

    /// <summary>Every round table of the conference (without conferenceId, the latest) with its roster, and the warnings on its chairs' balance.</summary>
    [WolverineGet("/api/round-tables", OperationId = "GetRoundTables")]
    [ProducesResponseType<RoundTablesView>(200)]
    public static async Task<IResult> GetAll([FromQuery] Guid? conferenceId, IQuerySession session, CancellationToken cancellation) =>
        await ProgrammeQueries.ConferenceAsync(session, conferenceId, cancellation) is { } conference
            ? Results.Ok(RoundTablesView.From(conference, await RoundTablesOfAsync(session, conference.Id, cancellation)))
            : ProgrammeQueries.NoConference(conferenceId);

    public static async Task<RoundTableRosterView?> RosterAsync(IQuerySession session, Guid roundTableId, CancellationToken cancellation) =>
        await session.LoadAsync<Meeting>(roundTableId, cancellation) is { Details.Kind: MeetingKind.RoundTable, ConferenceId: { } conferenceId } roundTable
        && await session.LoadAsync<Conference>(conferenceId, cancellation) is { } conference
            ? RoundTableRosterView.From(conference, roundTable)
            : null;

    /// <summary>A round table's roster: chair, seats, composition against para 71, geographical distribution and preferences.</summary>
    [WolverineGet("/api/round-tables/{roundTableId}", OperationId = "GetRoundTable")]
    [ProducesResponseType<RoundTableRosterView>(200)]
    public static async Task<IResult> Get(Guid roundTableId, IQuerySession session, CancellationToken cancellation) =>
        await RosterAsync(session, roundTableId, cancellation) is { } roster
            ? Results.Ok(roster)
            : Refusal.NotFound($"There is no round table {roundTableId} in a conference.").ToResult();
}
