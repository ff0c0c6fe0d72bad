using SpeakersList.Participants;

namespace SpeakersList.Domain.Tests.Participants;

public class Editing_the_registry
{
    private static readonly Participant Palestine = ParticipantRegistry.ByCode[Code("PSE")];

    [Fact]
    public void The_State_of_Palestine_can_be_placed_among_the_Member_States()
    {
        var (edited, refusal) = ParticipantEditing.Decide(
            new EditParticipant(Palestine.Name, ParticipantCategory.ObserverState, RegionalGroup.AsiaPacific, SpeakingBlock.MemberStatesAndGroups),
            Palestine, "PSE");

        Assert.Null(refusal);
        Assert.Equal(SpeakingBlock.MemberStatesAndGroups, edited!.SpeakingBlock);
        Assert.Equal(ParticipantCategory.ObserverState, edited.Category);
        Assert.Equal(SpeakingBlock.ObserverStatesAndEuropeanUnion, Palestine.SpeakingBlock);
    }

    [Fact]
    public void A_Member_State_without_a_regional_group_is_refused()
    {
        var (stored, refusal) = ParticipantEditing.Decide(new AddParticipant("XMS", "New State", ParticipantCategory.MemberState), null);

        Assert.Null(stored);
        Assert.Equal(RefusalKind.Invalid, refusal?.Kind);
        Assert.Contains("give its regional group", refusal!.Detail);
    }

    [Fact]
    public void An_organization_in_a_regional_group_is_refused()
    {
        var (_, refusal) = ParticipantEditing.Decide(
            new AddParticipant("GFMD", "Global Forum on Migration and Development", ParticipantCategory.IntergovernmentalOrganization, RegionalGroup.African), null);

        Assert.Contains("only Member States and observer States", refusal?.Detail);
    }

    [Fact]
    public void A_known_code_is_refused_for_another_participant_and_a_repeat_changes_nothing()
    {
        var ghana = ParticipantRegistry.ByCode[Code("GHA")];

        var (_, other) = ParticipantEditing.Decide(new AddParticipant("gha", "Guinea-Bissau", ParticipantCategory.MemberState, RegionalGroup.African), ghana);
        var (again, repeat) = ParticipantEditing.Decide(new AddParticipant("GHA", "Ghana", ParticipantCategory.MemberState, RegionalGroup.African), ghana);

        Assert.Equal(RefusalKind.Conflict, other?.Kind);
        Assert.Null(again);
        Assert.Null(repeat);
    }

    [Fact]
    public void A_new_participant_gets_an_upper_case_code()
    {
        var (stored, refusal) = ParticipantEditing.Decide(new AddParticipant("gfmd", " Global Forum on Migration and Development ", ParticipantCategory.IntergovernmentalOrganization), null);

        Assert.Null(refusal);
        Assert.Equal(new Participant(Code("GFMD"), "Global Forum on Migration and Development", ParticipantCategory.IntergovernmentalOrganization, null), stored);
    }
}
