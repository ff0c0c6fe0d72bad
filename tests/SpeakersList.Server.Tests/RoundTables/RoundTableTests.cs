using System.Net;
using System.Net.Http.Json;
using SpeakersList.Participants;
using SpeakersList.Server.RoundTables;
using SpeakersList.Server.RoundTables.DesignatingChair;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.RoundTables;

public class Round_tables(SpeakersListApp app) : ApiTest(app)
{
    private static string[] Codes(ParticipantCategory category) =>
        [.. ParticipantRegistry.All.Where(p => p.Category == category).Select(p => p.Code.Value)];

    private static readonly string[] Stakeholders =
        [.. Codes(ParticipantCategory.Ngo), .. Codes(ParticipantCategory.CivilSociety), .. Codes(ParticipantCategory.PrivateSector)];

    private async Task Seat(Guid roundTable, IEnumerable<string> codes)
    {
        foreach (var code in codes) await Api.Expect(await Api.TryAllocateSeat(roundTable, code), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_round_table_takes_50_participants_and_refuses_the_51st()
    {
        var ids = await Api.ImportSeedProgramme();
        await Seat(ids["RT-I"], [.. Codes(ParticipantCategory.UnSystemEntity).Take(4), .. Stakeholders.Take(6), .. Codes(ParticipantCategory.MemberState).Take(40)]);

        var fiftyFirst = await Api.TryAllocateSeat(ids["RT-I"], Codes(ParticipantCategory.MemberState)[40]);

        var problem = await Api.Expect(fiftyFirst, HttpStatusCode.Conflict);
        Assert.Contains("at most 50 participants", problem["detail"]!.GetValue<string>());
        var roster = await Api.Roster(ids["RT-I"]);
        Assert.Equal(50, roster.Seats.Count);
        Assert.Equal(50, roster.Composition.Participants);
        Assert.Equal(0, roster.Composition.SeatsLeft);
        Assert.Empty(roster.Composition.Shortfalls);
    }

    [Fact]
    public async Task Seats_kept_for_the_UN_system_and_stakeholders_are_not_given_to_delegations()
    {
        var ids = await Api.ImportSeedProgramme();
        await Seat(ids["RT-II"], Codes(ParticipantCategory.MemberState).Take(40));

        var delegation = await Api.TryAllocateSeat(ids["RT-II"], Codes(ParticipantCategory.MemberState)[40]);
        var unEntity = await Api.TryAllocateSeat(ids["RT-II"], "UNDP");

        Assert.Contains("kept for the participants para 71 requires", (await Api.Expect(delegation, HttpStatusCode.Conflict))["detail"]!.GetValue<string>());
        await Api.Expect(unEntity, HttpStatusCode.Created);
        var composition = (await Api.Roster(ids["RT-II"])).Composition;
        Assert.Equal(41, composition.Participants);
        Assert.Equal(0, composition.SeatsLeftForDelegations);
        Assert.Equal(9, composition.SeatsLeft);
    }

    [Fact]
    public async Task A_delegation_takes_part_in_one_round_table()
    {
        var ids = await Api.ImportSeedProgramme();
        await Api.Expect(await Api.TryAllocateSeat(ids["RT-I"], "GHA"), HttpStatusCode.Created);

        var second = await Api.TryAllocateSeat(ids["RT-III"], "gha");

        Assert.Contains("Ghana already takes part in 'Round table I", (await Api.Expect(second, HttpStatusCode.Conflict))["detail"]!.GetValue<string>());
        Assert.Empty((await Api.Roster(ids["RT-III"])).Seats);
        await Api.Expect(await Api.Http.DeleteAsync($"/api/round-tables/{ids["RT-I"]}/seats/GHA"), HttpStatusCode.OK);
        await Api.Expect(await Api.TryAllocateSeat(ids["RT-III"], "GHA"), HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_unknown_delegation_gets_422_and_a_plenary_is_not_a_round_table()
    {
        var ids = await Api.ImportSeedProgramme();

        var unknown = await Api.TryAllocateSeat(ids["RT-I"], "XYZ");
        var plenary = await Api.TryAllocateSeat(ids["PL1"], "GHA");
        var nowhere = await Api.TryAllocateSeat(Guid.NewGuid(), "GHA");

        Assert.Contains("Unknown delegation 'XYZ'", (await Api.Expect(unknown, HttpStatusCode.UnprocessableEntity))["detail"]!.GetValue<string>());
        Assert.Contains("is not a round table", (await Api.Expect(plenary, HttpStatusCode.UnprocessableEntity))["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        Assert.Empty((await Api.Roster(ids["RT-I"])).Seats);
    }

    [Fact]
    public async Task A_retried_allocation_takes_effect_once()
    {
        var ids = await Api.ImportSeedProgramme();
        var command = Guid.NewGuid();

        await Api.Expect(await Api.TryAllocateSeat(ids["RT-I"], "GHA", command), HttpStatusCode.Created);
        await Api.Expect(await Api.TryAllocateSeat(ids["RT-I"], "GHA", command), HttpStatusCode.OK);

        Assert.Single((await Api.Roster(ids["RT-I"])).Seats);
    }

    [Fact]
    public async Task Preferences_go_through_the_regional_group_and_the_roster_shows_the_geographical_distribution()
    {
        var ids = await Api.ImportSeedProgramme();

        var african = await Api.Http.PostAsJsonAsync($"/api/round-tables/{ids["RT-IV"]}/preferences",
            new { commandId = Guid.NewGuid(), regionalGroup = "african", statedBy = "Chair of the African Group", participants = new[] { "GHA", "KEN", "SEN" } }, Api.Json);
        var wrong = await Api.Http.PostAsJsonAsync($"/api/round-tables/{ids["RT-IV"]}/preferences",
            new { commandId = Guid.NewGuid(), regionalGroup = "african", statedBy = "Chair of the African Group", participants = new[] { "FRA" } }, Api.Json);
        await Seat(ids["RT-IV"], ["GHA", "FRA", "UNDP"]);

        await Api.Expect(african, HttpStatusCode.OK);
        Assert.Contains("France is not a member of the African Group", (await Api.Expect(wrong, HttpStatusCode.UnprocessableEntity))["detail"]!.GetValue<string>());
        var roster = await Api.Roster(ids["RT-IV"]);
        Assert.Equal(3, roster.Preferences.Count);
        Assert.True(roster.Seats.Single(s => s.Participant.Value == "GHA").Preferred);
        Assert.False(roster.Seats.Single(s => s.Participant.Value == "FRA").Preferred);
        var distribution = roster.Composition.GeographicalDistribution.ToDictionary(g => g.RegionalGroup, g => g.MemberStates);
        Assert.Equal(1, distribution[RegionalGroup.African]);
        Assert.Equal(1, distribution[RegionalGroup.WesternEuropeanAndOthers]);
        Assert.Equal(0, distribution[RegionalGroup.AsiaPacific]);
        Assert.Equal(5, distribution.Count);
    }

    [Fact]
    public async Task The_service_warns_when_the_chairs_lack_geographical_or_gender_balance()
    {
        var ids = await Api.ImportSeedProgramme();
        async Task<ChairDesignated> Designate(string table, string participant, string gender) =>
            await Api.Read<ChairDesignated>(await Api.Http.PostAsJsonAsync($"/api/round-tables/{ids[table]}/chair",
                new { commandId = Guid.NewGuid(), participant, chairName = $"Minister of {participant}", gender }, Api.Json));

        await Designate("RT-I", "GHA", "female");
        await Designate("RT-II", "PHL", "male");
        await Designate("RT-III", "MEX", "female");
        var balanced = await Designate("RT-IV", "SWE", "male");
        var unbalanced = await Designate("RT-IV", "KEN", "male");

        Assert.Empty(balanced.ChairWarnings);
        var warning = Assert.Single(unbalanced.ChairWarnings);
        Assert.Contains("2 of the 4 chairs come from the African Group", warning);
        var all = await Api.Get<RoundTablesView>("/api/round-tables");
        Assert.Equal(4, all.RoundTables.Count);
        Assert.Equal("Minister of KEN", all.RoundTables[3].Chair?.ChairName);
        Assert.Single(all.ChairWarnings);
    }
}
