using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using SpeakersList.Participants;

namespace SpeakersList.Programme;

/// <summary>The chair of a regional group conveys its members' preferences (para 72); observers outside the groups state their own.</summary>
public sealed record StatePreferences(Guid CommandId, RegionalGroup? RegionalGroup, string StatedBy, IReadOnlyList<ParticipantCode> Participants) : IIdempotentCommand;

public sealed record AllocateSeat(Guid CommandId, ParticipantCode Participant) : IIdempotentCommand;

public sealed record ReleaseSeat(Guid CommandId, ParticipantCode Participant) : IIdempotentCommand;

public sealed record DesignateChair(Guid CommandId, ParticipantCode Participant, string ChairName, Gender Gender) : IIdempotentCommand;

/// <summary>How a participant counts towards a round table's composition (para 71).</summary>
public enum SeatGroup
{
    /// <summary>Member States and observers: one round table each (para 72).</summary>
    Delegation,
    /// <summary>Entities of the United Nations system: at least 4 per round table.</summary>
    UnSystem,
    /// <summary>Other institutional stakeholders (NGOs, civil society, private sector): at least 6 per round table.</summary>
    OtherStakeholder,
    /// <summary>Office holders, who take no seat.</summary>
    None,
}

/// <summary>
/// Participation in the interactive round tables (A/67/254, paras 67-72): at most 50 participants,
/// of whom at least 4 from the UN system and 6 other institutional stakeholders; one round table
/// per delegation; a chair per round table, with due regard for geographical and gender balance.
/// The minimums are kept by reserving seats: a seat that one of them still needs is not given to anyone else.
/// </summary>
public static class RoundTableParticipation
{
    public const int MaxParticipants = 50;
    public const int MinUnSystem = 4;
    public const int MinOtherStakeholders = 6;

    public static SeatGroup GroupOf(ParticipantCategory category) => category switch
    {
        ParticipantCategory.MemberState or ParticipantCategory.ObserverState or ParticipantCategory.EuropeanUnion
            or ParticipantCategory.IntergovernmentalOrganization => SeatGroup.Delegation,
        ParticipantCategory.UnSystemEntity => SeatGroup.UnSystem,
        ParticipantCategory.Ngo or ParticipantCategory.CivilSociety or ParticipantCategory.PrivateSector => SeatGroup.OtherStakeholder,
        _ => SeatGroup.None,
    };

    public static Decision<IConferenceEvent> Decide(Conference conference, IReadOnlyList<Meeting> roundTables, Guid roundTableId, StatePreferences command,
        Func<ParticipantCode, Participant?> participants, DateTimeOffset now)
    {
        if (conference.HandledCommands.Contains(command.CommandId)) return Decision<IConferenceEvent>.AlreadyDone;
        if (Open(roundTables, roundTableId) is { Refusal: { } refusal }) return refusal;
        var events = new List<IConferenceEvent>();
        foreach (var code in command.Participants)
        {
            if (participants(code) is not { } p) return UnknownDelegation(code);
            var problem = (command.RegionalGroup, p.Category, p.RegionalGroup) switch
            {
                (_, _, _) when GroupOf(p.Category) != SeatGroup.Delegation =>
                    $"{p.Name} is not a delegation: officers allocate seats to UN-system entities and institutional stakeholders directly.",
                ({ } group, ParticipantCategory.MemberState, var own) when own != group =>
                    $"{p.Name} is not a member of the {Describe(group)}; its preference goes through the chair of the {(own is { } g ? Describe(g) : "its group")}.",
                ({ } group, not ParticipantCategory.MemberState, _) =>
                    $"{p.Name} is not a member of the {Describe(group)}: observers state their preference without a regional group.",
                (null, ParticipantCategory.MemberState, var own) =>
                    $"{p.Name} states its preference through the chair of the {(own is { } g ? Describe(g) : "its regional group")} (para 72): give regionalGroup.",
                _ => null,
            };
            if (problem is not null) return Invalid(problem);
            if (conference.PreferenceOf(p.Code)?.RoundTableId == roundTableId || events.OfType<RoundTablePreferenceStated>().Any(e => e.Participant == p.Code)) continue;
            events.Add(new RoundTablePreferenceStated(conference.Id, command.CommandId, roundTableId, p.Code, command.RegionalGroup, command.StatedBy.Trim(), now));
        }
        return events.Count == 0 ? Decision<IConferenceEvent>.AlreadyDone : Decision<IConferenceEvent>.Accept([.. events]);
    }

    public static Decision<IConferenceEvent> Decide(Conference conference, IReadOnlyList<Meeting> roundTables, Guid roundTableId, AllocateSeat command,
        Participant? participant, DateTimeOffset now)
    {
        if (Refuses(conference, roundTables, roundTableId, command.CommandId, command.Participant, participant, out var roundTable, out var refusal)) return refusal;
        var group = GroupOf(participant.Category);
        if (group == SeatGroup.None)
            return Invalid($"{participant.Name} is an office holder; round-table seats go to delegations, UN-system entities and institutional stakeholders (paras 69-71).");
        var seats = conference.SeatsAt(roundTableId).ToList();
        if (seats.Any(s => s.Participant == participant.Code)) return Decision<IConferenceEvent>.AlreadyDone;
        if (group == SeatGroup.Delegation && conference.SeatOf(participant.Code) is { } elsewhere)
            return Conflict($"{participant.Name} already takes part in '{Title(roundTables, elsewhere.RoundTableId)}': each delegation takes part in one round table (para 72).");
        if (seats.Count >= MaxParticipants)
            return Conflict($"'{roundTable!.Details.Title}' is full: a round table has at most {MaxParticipants} participants (para 71).");

        var composition = Composition.Of(seats);
        var unSystemStillNeeded = Math.Max(0, MinUnSystem - composition.UnSystem - (group == SeatGroup.UnSystem ? 1 : 0));
        var stakeholdersStillNeeded = Math.Max(0, MinOtherStakeholders - composition.OtherStakeholders - (group == SeatGroup.OtherStakeholder ? 1 : 0));
        if (seats.Count + 1 + unSystemStillNeeded + stakeholdersStillNeeded > MaxParticipants)
            return Conflict($"'{roundTable!.Details.Title}' has {MaxParticipants - seats.Count} seats left, and they are kept for the participants para 71 requires: "
                + $"at least {MinUnSystem} from the UN system ({composition.UnSystem} so far) and {MinOtherStakeholders} other institutional stakeholders "
                + $"({composition.OtherStakeholders} so far). {participant.Name} cannot take one of them.");

        return Decision<IConferenceEvent>.Accept(new RoundTableSeatAllocated(conference.Id, command.CommandId, roundTableId, participant.Code, participant.Name,
            participant.Category, participant.RegionalGroup, now));
    }

    public static Decision<IConferenceEvent> Decide(Conference conference, Guid roundTableId, ReleaseSeat command, DateTimeOffset now)
    {
        if (conference.HandledCommands.Contains(command.CommandId)) return Decision<IConferenceEvent>.AlreadyDone;
        return conference.SeatsAt(roundTableId).FirstOrDefault(s => s.Participant == command.Participant) is { } seat
            ? Decision<IConferenceEvent>.Accept(new RoundTableSeatReleased(conference.Id, command.CommandId, roundTableId, seat.Participant, now))
            : Refusal.NotFound($"{command.Participant} has no seat at this round table.");
    }

    public static Decision<IConferenceEvent> Decide(Conference conference, IReadOnlyList<Meeting> roundTables, Guid roundTableId, DesignateChair command,
        Participant? participant, DateTimeOffset now)
    {
        if (Refuses(conference, roundTables, roundTableId, command.CommandId, command.Participant, participant, out _, out var refusal)) return refusal;
        if (participant.Category != ParticipantCategory.MemberState || participant.RegionalGroup is not { } group)
            return Invalid($"{participant.Name} is not a Member State: chairs are designated from among the ministers attending, after consultation with the regional groups (para 67).");
        if (conference.Chairs.FirstOrDefault(c => c.Participant == participant.Code && c.RoundTableId != roundTableId) is { } other)
            return Conflict($"{participant.Name} already chairs '{Title(roundTables, other.RoundTableId)}'.");
        if (conference.ChairOf(roundTableId) is { } current && current.Participant == participant.Code
            && current.ChairName == command.ChairName.Trim() && current.Gender == command.Gender)
            return Decision<IConferenceEvent>.AlreadyDone;
        return Decision<IConferenceEvent>.Accept(new RoundTableChairDesignated(conference.Id, command.CommandId, roundTableId, participant.Code, participant.Name,
            group, command.ChairName.Trim(), command.Gender, now));
    }

    /// <summary>
    /// What the President should reconsider in the chairs taken together (para 67): no regional group
    /// holds more chairs than its share, and neither women nor men hold more than half of them.
    /// </summary>
    public static IReadOnlyList<string> ChairWarnings(Conference conference, IReadOnlyList<Meeting> roundTables)
    {
        var held = roundTables.Where(m => m.HoldsRoom()).Select(m => m.Id).ToHashSet();
        var chairs = conference.Chairs.Where(c => held.Contains(c.RoundTableId)).ToList();
        var n = held.Count;
        var warnings = new List<string>();
        var perGroup = (int)Math.Ceiling(n / (double)Enum.GetValues<RegionalGroup>().Length);
        foreach (var crowded in chairs.GroupBy(c => c.RegionalGroup).Where(g => g.Count() > perGroup))
            warnings.Add($"Geographical balance: {crowded.Count()} of the {n} chairs come from the {Describe(crowded.Key)} "
                + $"({string.Join(", ", crowded.Select(c => c.ParticipantName))}); with {n} round tables no group should hold more than {perGroup}.");
        var half = (int)Math.Ceiling(n / 2.0);
        foreach (var gender in chairs.GroupBy(c => c.Gender).Where(g => g.Count() > half))
            warnings.Add($"Gender balance: {gender.Count()} of the {n} chairs are {(gender.Key == Gender.Female ? "women" : "men")}; no more than {half} should be.");
        return warnings;
    }

    public static string Describe(RegionalGroup group) => group switch
    {
        RegionalGroup.African => "African Group",
        RegionalGroup.AsiaPacific => "Asia-Pacific Group",
        RegionalGroup.EasternEuropean => "Eastern European Group",
        RegionalGroup.LatinAmericanAndCaribbean => "Latin American and Caribbean Group",
        _ => "Western European and Others Group",
    };

    // A delegation's command on one round table: done already (a retry), a round table closed or unknown, or an unknown delegation.
    private static bool Refuses(Conference conference, IReadOnlyList<Meeting> roundTables, Guid roundTableId, Guid commandId, ParticipantCode requested,
        [NotNullWhen(false)] Participant? participant, out Meeting? roundTable, [NotNullWhen(true)] out Decision<IConferenceEvent>? refusal)
    {
        (roundTable, var closed) = Open(roundTables, roundTableId);
        if (conference.HandledCommands.Contains(commandId)) refusal = Decision<IConferenceEvent>.AlreadyDone;
        else if (closed is not null) refusal = closed;
        else if (participant is null) refusal = UnknownDelegation(requested);
        else refusal = null;
        return refusal is not null;
    }

    private static (Meeting? RoundTable, Refusal? Refusal) Open(IReadOnlyList<Meeting> roundTables, Guid id) =>
        roundTables.FirstOrDefault(m => m.Id == id) switch
        {
            null => (null, Refusal.NotFound($"There is no round table {id} in this conference.")),
            { Details.Kind: not MeetingKind.RoundTable } m => (m, Invalid($"'{m.Details.Title}' is not a round table.")),
            { Status: ProgrammeStatus.Cancelled } m => (m, Conflict($"'{m.Details.Title}' has been cancelled.")),
            var m => (m, null),
        };

    private static string Title(IReadOnlyList<Meeting> roundTables, Guid id) =>
        roundTables.FirstOrDefault(m => m.Id == id)?.Details.Title ?? id.ToString();

    private static Refusal UnknownDelegation(ParticipantCode code) => Invalid($"Unknown delegation '{code}'. Use a code from GET /api/participants.");


    private static Refusal Conflict(string detail) => new(RefusalKind.Conflict, "The round table does not allow it", detail);

    private static Refusal Invalid(string detail) => new(RefusalKind.Invalid, "The round table does not allow it", detail);
}

/// <summary>Who sits at a round table, counted the way para 71 counts them, and by regional group (para 69).</summary>
public sealed record Composition(int Total, int Delegations, int UnSystem, int OtherStakeholders, IReadOnlyDictionary<RegionalGroup, int> ByRegionalGroup)
{
    public static Composition Of(IEnumerable<Seat> seats)
    {
        var list = seats.ToList();
        return new Composition(
            list.Count,
            list.Count(s => RoundTableParticipation.GroupOf(s.Category) == SeatGroup.Delegation),
            list.Count(s => RoundTableParticipation.GroupOf(s.Category) == SeatGroup.UnSystem),
            list.Count(s => RoundTableParticipation.GroupOf(s.Category) == SeatGroup.OtherStakeholder),
            Enum.GetValues<RegionalGroup>().ToDictionary(g => g, g => list.Count(s => s.Category == ParticipantCategory.MemberState && s.RegionalGroup == g)));
    }

    /// <summary>What the composition still lacks, said plainly; empty when it meets para 71.</summary>
    public IReadOnlyList<string> Shortfalls() =>
    [
        .. UnSystem < RoundTableParticipation.MinUnSystem
            ? [string.Create(CultureInfo.InvariantCulture, $"{UnSystem} of at least {RoundTableParticipation.MinUnSystem} UN-system entities have a seat.")]
            : Array.Empty<string>(),
        .. OtherStakeholders < RoundTableParticipation.MinOtherStakeholders
            ? [string.Create(CultureInfo.InvariantCulture, $"{OtherStakeholders} of at least {RoundTableParticipation.MinOtherStakeholders} other institutional stakeholders have a seat.")]
            : Array.Empty<string>(),
    ];
}
