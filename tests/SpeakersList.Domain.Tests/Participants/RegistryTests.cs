using SpeakersList.Participants;

namespace SpeakersList.Domain.Tests.Participants;

public class The_registry
{
    private static readonly IReadOnlyList<Participant> MemberStates =
        ParticipantRegistry.All.Where(p => p.Category == ParticipantCategory.MemberState).ToList();

    [Fact]
    public void Has_the_193_Member_States_each_in_exactly_one_regional_group()
    {
        Assert.Equal(193, MemberStates.Count);
        Assert.All(MemberStates, p => Assert.True(p.RegionalGroup is { } g && Enum.IsDefined(g), $"{p.Name} has no regional group"));
        Assert.Equal(193, MemberStates.Select(p => p.Code).Distinct().Count());
        Assert.Equal(193, MemberStates.Select(p => p.Name).Distinct().Count());
        // Each group has members, and the groups together hold every Member State once.
        Assert.All(Enum.GetValues<RegionalGroup>(), g => Assert.Contains(MemberStates, p => p.RegionalGroup == g));
        Assert.Equal(193, Enum.GetValues<RegionalGroup>().Sum(g => MemberStates.Count(p => p.RegionalGroup == g)));
    }

    [Theory]
    [InlineData("GHA", RegionalGroup.African)]
    [InlineData("CHN", RegionalGroup.AsiaPacific)]
    [InlineData("POL", RegionalGroup.EasternEuropean)]
    [InlineData("MEX", RegionalGroup.LatinAmericanAndCaribbean)]
    [InlineData("USA", RegionalGroup.WesternEuropeanAndOthers)]
    [InlineData("SSD", RegionalGroup.African)]
    public void Puts_Member_States_in_their_group(string code, RegionalGroup group) =>
        Assert.Equal(group, ParticipantRegistry.ByCode[Code(code)].RegionalGroup);

    [Fact]
    public void Has_every_code_once_and_no_regional_group_outside_the_Member_States()
    {
        Assert.Equal(ParticipantRegistry.All.Count, ParticipantRegistry.All.Select(p => p.Code).Distinct().Count());
        Assert.All(ParticipantRegistry.All.Where(p => p.Category != ParticipantCategory.MemberState), p => Assert.Null(p.RegionalGroup));
    }

    [Fact]
    public void Has_the_observers_organizations_and_speakers_of_the_seed()
    {
        Assert.Equal(ParticipantCategory.ObserverState, ParticipantRegistry.ByCode[Code("VAT")].Category);
        Assert.Equal(ParticipantCategory.ObserverState, ParticipantRegistry.ByCode[Code("PSE")].Category);
        Assert.Equal(ParticipantCategory.EuropeanUnion, ParticipantRegistry.ByCode[Code("EU")].Category);
        Assert.Equal(ParticipantCategory.IntergovernmentalOrganization, ParticipantRegistry.ByCode[Code("IOM")].Category);
        foreach (var code in new[] { "UNSG", "PGA", "PECOSOC", "EMINENT", "SRSG-MIG", "SR-MIG", "RTCHAIR-I", "RTCHAIR-IV" })
            Assert.Equal(ParticipantCategory.OfficeHolder, ParticipantRegistry.ByCode[Code(code)].Category);
        // Para 58: the three non-state categories; para 71: enough UN-system entities for four round tables.
        foreach (var category in new[] { ParticipantCategory.Ngo, ParticipantCategory.CivilSociety, ParticipantCategory.PrivateSector })
            Assert.Contains(ParticipantRegistry.All, p => p.Category == category);
        Assert.True(ParticipantRegistry.All.Count(p => p.Category == ParticipantCategory.UnSystemEntity) >= 16);
    }
}
