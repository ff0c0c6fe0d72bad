using SpeakersList.Participants;
using SpeakersList.Programme;
using static SpeakersList.Domain.Tests.Programme.Given;

namespace SpeakersList.Domain.Tests.RoundTables;

public class Round_table_participation
{
    private static readonly Participant[] MemberStates = [.. Category(ParticipantCategory.MemberState)];
    private static readonly Participant[] UnSystem = [.. Category(ParticipantCategory.UnSystemEntity)];
    private static readonly Participant[] Stakeholders =
        [.. ParticipantRegistry.All.Where(p => p.Category is ParticipantCategory.Ngo or ParticipantCategory.CivilSociety or ParticipantCategory.PrivateSector)];

    private readonly Conference _conference;
    private readonly Meeting _one;
    private readonly Meeting _two;
    private readonly IReadOnlyList<Meeting> _roundTables;

    public Round_table_participation()
    {
        _conference = Conference();
        _one = Meeting("Round table I", "Conference Room 4", "10:00", "13:00", MeetingKind.RoundTable, _conference);
        _two = Meeting("Round table II", "Conference Room 4", "15:00", "18:00", MeetingKind.RoundTable, _conference);
        _roundTables = [_one, _two];
    }

    private Decision<IConferenceEvent> Allocate(Conference conference, Participant? participant, Meeting? at = null) =>
        RoundTableParticipation.Decide(conference, _roundTables, (at ?? _one).Id, new AllocateSeat(Guid.NewGuid(), participant?.Code ?? Code("XYZ")), participant, Now);

    private Conference Seated(Conference conference, IEnumerable<Participant> participants, Meeting? at = null) =>
        participants.Aggregate(conference, (c, p) =>
        {
            var decision = Allocate(c, p, at);
            Assert.True(decision.Events.Count == 1, $"{p.Name}: {decision.Refusal?.Detail}");
            return c.Evolve(decision.Events);
        });

    [Fact]
    public void The_fiftieth_participant_is_seated_and_the_fifty_first_refused()
    {
        var fortyNine = Seated(_conference, UnSystem.Take(4).Concat(Stakeholders.Take(6)).Concat(MemberStates.Take(39)));

        var fiftieth = Allocate(fortyNine, MemberStates[39]);
        var full = fortyNine.Evolve(fiftieth.Events);
        var fiftyFirst = Allocate(full, UnSystem[4]);

        Assert.False(fiftieth.Refused);
        Assert.Equal(50, full.SeatsAt(_one.Id).Count());
        Assert.Equal(RefusalKind.Conflict, fiftyFirst.Refusal?.Kind);
        Assert.Contains("'Round table I' is full: a round table has at most 50 participants", fiftyFirst.Refusal!.Detail);
    }

    [Fact]
    public void Without_UN_system_or_stakeholders_seated_delegations_fill_40_seats_and_no_more()
    {
        var thirtyNine = Seated(_conference, MemberStates.Take(39));

        var fortieth = Allocate(thirtyNine, MemberStates[39]);
        var fortyFirst = Allocate(thirtyNine.Evolve(fortieth.Events), MemberStates[40]);
        var unEntity = Allocate(thirtyNine.Evolve(fortieth.Events), UnSystem[0]);

        Assert.False(fortieth.Refused);
        Assert.Equal(RefusalKind.Conflict, fortyFirst.Refusal?.Kind);
        Assert.Contains("10 seats left, and they are kept for", fortyFirst.Refusal!.Detail);
        Assert.Contains("at least 4 from the UN system (0 so far) and 6 other institutional stakeholders (0 so far)", fortyFirst.Refusal.Detail);
        Assert.False(unEntity.Refused);
    }

    [Fact]
    public void With_three_UN_system_entities_the_last_seat_is_kept_for_a_fourth()
    {
        var fortyNine = Seated(_conference, Stakeholders.Take(6).Concat(UnSystem.Take(3)).Concat(MemberStates.Take(40)));

        var delegation = Allocate(fortyNine, MemberStates[40]);
        var stakeholder = Allocate(fortyNine, Stakeholders[6]);
        var fourthUn = Allocate(fortyNine, UnSystem[3]);

        Assert.Contains("(3 so far)", delegation.Refusal?.Detail);
        Assert.Equal(RefusalKind.Conflict, stakeholder.Refusal?.Kind);
        Assert.False(fourthUn.Refused);
    }

    [Fact]
    public void With_five_stakeholders_the_last_seat_is_kept_for_a_sixth()
    {
        var fortyNine = Seated(_conference, UnSystem.Take(4).Concat(Stakeholders.Take(5)).Concat(MemberStates.Take(40)));

        var delegation = Allocate(fortyNine, MemberStates[40]);
        var unEntity = Allocate(fortyNine, UnSystem[4]);
        var sixthStakeholder = Allocate(fortyNine, Stakeholders[5]);

        Assert.Contains("6 other institutional stakeholders (5 so far)", delegation.Refusal?.Detail);
        Assert.Equal(RefusalKind.Conflict, unEntity.Refusal?.Kind);
        Assert.False(sixthStakeholder.Refused);
    }

    [Fact]
    public void The_minimums_are_not_maximums()
    {
        var full = Seated(_conference, UnSystem.Take(10).Concat(Stakeholders.Take(8)).Concat(MemberStates.Take(32)));

        var composition = Composition.Of(full.SeatsAt(_one.Id));
        Assert.Equal((50, 10, 8, 32), (composition.Total, composition.UnSystem, composition.OtherStakeholders, composition.Delegations));
        Assert.Empty(composition.Shortfalls());
    }

    [Fact]
    public void A_delegation_takes_part_in_one_round_table_while_a_UN_entity_may_attend_several()
    {
        var conference = Seated(_conference, [Participant("GHA"), Participant("UNDP")]);

        var ghanaAgain = Allocate(conference, Participant("GHA"), _two);
        var undpAgain = Allocate(conference, Participant("UNDP"), _two);
        var released = conference.Evolve(RoundTableParticipation.Decide(conference, _one.Id, new ReleaseSeat(Guid.NewGuid(), Code("GHA")), Now).Events);
        var ghanaMoved = Allocate(released, Participant("GHA"), _two);

        Assert.Equal(RefusalKind.Conflict, ghanaAgain.Refusal?.Kind);
        Assert.Contains("Ghana already takes part in 'Round table I': each delegation takes part in one round table (para 72)", ghanaAgain.Refusal!.Detail);
        Assert.False(undpAgain.Refused);
        Assert.False(ghanaMoved.Refused);
    }

    [Fact]
    public void The_same_seat_twice_changes_nothing()
    {
        var conference = Seated(_conference, [Participant("GHA")]);

        Assert.Same(Decision<IConferenceEvent>.AlreadyDone, Allocate(conference, Participant("GHA")));
    }

    [Fact]
    public void Unknown_delegations_office_holders_cancelled_round_tables_and_plenaries_are_refused()
    {
        var cancelledTable = _two.Evolve(new MeetingCancelled(_two.Id, Guid.NewGuid(), "Merged", Now));
        var plenary = Meeting("First plenary meeting", "General Assembly Hall", "10:00", "13:00", MeetingKind.Plenary, _conference);
        IReadOnlyList<Meeting> meetings = [_one, cancelledTable, plenary];

        Assert.Contains("Unknown delegation 'XYZ'", Allocate(_conference, null)?.Refusal?.Detail);
        Assert.Contains("office holder", Allocate(_conference, Participant("PGA")).Refusal?.Detail);
        Assert.Equal(RefusalKind.Conflict,
            RoundTableParticipation.Decide(_conference, meetings, _two.Id, new AllocateSeat(Guid.NewGuid(), Code("GHA")), Participant("GHA"), Now).Refusal?.Kind);
        Assert.Contains("is not a round table",
            RoundTableParticipation.Decide(_conference, meetings, plenary.Id, new AllocateSeat(Guid.NewGuid(), Code("GHA")), Participant("GHA"), Now).Refusal?.Detail);
    }

    [Fact]
    public void The_roster_counts_Member_States_by_regional_group()
    {
        var conference = Seated(_conference, [Participant("GHA"), Participant("KEN"), Participant("FRA"), Participant("EU"), Participant("UNDP")]);

        var composition = Composition.Of(conference.SeatsAt(_one.Id));

        Assert.Equal(2, composition.ByRegionalGroup[RegionalGroup.African]);
        Assert.Equal(1, composition.ByRegionalGroup[RegionalGroup.WesternEuropeanAndOthers]);
        Assert.Equal(0, composition.ByRegionalGroup[RegionalGroup.AsiaPacific]);
        Assert.Equal(4, composition.Delegations);
        Assert.Equal(["1 of at least 4 UN-system entities have a seat.", "0 of at least 6 other institutional stakeholders have a seat."], composition.Shortfalls());
    }
}

public class Round_table_preferences
{
    private readonly Conference _conference = Conference();
    private readonly Meeting _one;
    private readonly Meeting _two;

    public Round_table_preferences()
    {
        _one = Meeting("Round table I", "Conference Room 4", "10:00", "13:00", MeetingKind.RoundTable, _conference);
        _two = Meeting("Round table II", "Conference Room 4", "15:00", "18:00", MeetingKind.RoundTable, _conference);
    }

    private Decision<IConferenceEvent> State(Conference conference, Meeting at, RegionalGroup? group, params string[] codes) =>
        RoundTableParticipation.Decide(conference, [_one, _two], at.Id, new StatePreferences(Guid.NewGuid(), group, "Chair of the group", codes.Select(Code).ToList()),
            code => ParticipantRegistry.ByCode.GetValueOrDefault(code), Now);

    [Fact]
    public void The_chair_of_a_group_states_its_members_preferences_and_a_new_one_replaces_the_old()
    {
        var first = _conference.Evolve(State(_conference, _one, RegionalGroup.African, "GHA", "KEN").Events);
        var changed = first.Evolve(State(first, _two, RegionalGroup.African, "GHA").Events);

        Assert.Equal(_two.Id, changed.PreferenceOf(Code("GHA"))?.RoundTableId);
        Assert.Equal(_one.Id, changed.PreferenceOf(Code("KEN"))?.RoundTableId);
        Assert.Equal(2, changed.Preferences.Count);
    }

    [Fact]
    public void A_preference_goes_through_the_delegations_own_group()
    {
        var wrongGroup = State(_conference, _one, RegionalGroup.AsiaPacific, "GHA");
        var noGroup = State(_conference, _one, null, "GHA");
        var observer = State(_conference, _one, null, "EU", "VAT");
        var unknown = State(_conference, _one, RegionalGroup.African, "GHA", "XYZ");
        var unEntity = State(_conference, _one, null, "UNDP");

        Assert.Contains("Ghana is not a member of the Asia-Pacific Group; its preference goes through the chair of the African Group", wrongGroup.Refusal?.Detail);
        Assert.Contains("give regionalGroup", noGroup.Refusal?.Detail);
        Assert.Equal(2, observer.Events.Count);
        Assert.Contains("Unknown delegation 'XYZ'", unknown.Refusal?.Detail);
        Assert.Empty(unknown.Events);
        Assert.Contains("not a delegation", unEntity.Refusal?.Detail);
    }
}

public class Round_table_chairs
{
    private readonly Conference _conference = Conference();
    private readonly Meeting[] _tables;

    public Round_table_chairs()
    {
        _tables = new[] { "I", "II", "III", "IV" }.Select((n, i) =>
            Meeting($"Round table {n}", "Conference Room 4", i % 2 == 0 ? "10:00" : "15:00", i % 2 == 0 ? "13:00" : "18:00",
                MeetingKind.RoundTable, _conference, Day1.AddDays(i / 2))).ToArray();
    }

    private Conference Chaired(params (string Code, Gender Gender)[] chairs) =>
        chairs.Select((c, i) => (c, i)).Aggregate(_conference, (conference, x) =>
        {
            var decision = RoundTableParticipation.Decide(conference, _tables, _tables[x.i].Id,
                new DesignateChair(Guid.NewGuid(), Code(x.c.Code), $"Minister of {x.c.Code}", x.c.Gender), Participant(x.c.Code), Now);
            Assert.True(decision.Events.Count == 1, decision.Refusal?.Detail);
            return conference.Evolve(decision.Events);
        });

    [Fact]
    public void Four_chairs_from_four_groups_two_women_and_two_men_raise_no_warning()
    {
        var conference = Chaired(("GHA", Gender.Female), ("PHL", Gender.Male), ("MEX", Gender.Female), ("SWE", Gender.Male));

        Assert.Empty(RoundTableParticipation.ChairWarnings(conference, _tables));
    }

    [Fact]
    public void Two_chairs_from_one_group_lack_geographical_balance()
    {
        var conference = Chaired(("GHA", Gender.Female), ("KEN", Gender.Male));

        var warning = Assert.Single(RoundTableParticipation.ChairWarnings(conference, _tables));
        Assert.Contains("2 of the 4 chairs come from the African Group (Ghana, Kenya)", warning);
    }

    [Fact]
    public void Three_men_among_four_chairs_lack_gender_balance()
    {
        var conference = Chaired(("GHA", Gender.Male), ("PHL", Gender.Male), ("MEX", Gender.Male), ("SWE", Gender.Female));

        var warning = Assert.Single(RoundTableParticipation.ChairWarnings(conference, _tables));
        Assert.Contains("3 of the 4 chairs are men", warning);
    }

    [Fact]
    public void A_chair_is_a_Member_State_chairing_one_round_table()
    {
        var conference = Chaired(("GHA", Gender.Female));

        var twice = RoundTableParticipation.Decide(conference, _tables, _tables[1].Id,
            new DesignateChair(Guid.NewGuid(), Code("GHA"), "Minister", Gender.Female), Participant("GHA"), Now);
        var observer = RoundTableParticipation.Decide(conference, _tables, _tables[1].Id,
            new DesignateChair(Guid.NewGuid(), Code("EU"), "Commissioner", Gender.Male), Participant("EU"), Now);

        Assert.Contains("Ghana already chairs 'Round table I'", twice.Refusal?.Detail);
        Assert.Contains("not a Member State", observer.Refusal?.Detail);
    }
}
