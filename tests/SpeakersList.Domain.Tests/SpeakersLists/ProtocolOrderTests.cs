using SpeakersList.Participants;
using SpeakersList.SpeakersLists;
using static SpeakersList.SpeakersLists.LevelOfRepresentation;

namespace SpeakersList.Domain.Tests.SpeakersLists;

public class Protocol_order
{
    [Fact]
    public void A_head_of_state_inscribed_later_speaks_before_a_minister()
    {
        var list = Given.Plenary()
            .Inscribed("GHA", Minister, at: "09:00:01")
            .Inscribed("FRA", HeadOfState, at: "09:00:05");

        Assert.Equal(["FRA", "GHA"], list.Order());
        Assert.Contains("Before Ghana: Head of State ranks above Minister", list.Line("FRA").Explanation);
        Assert.Contains("After France: Minister ranks below Head of State", list.Line("GHA").Explanation);
    }

    [Fact]
    public void Within_a_level_the_earlier_inscription_speaks_first()
    {
        var list = Given.Plenary()
            .Inscribed("BRA", Minister, at: "09:00:02")
            .Inscribed("GHA", Minister, at: "09:00:01");

        Assert.Equal(["GHA", "BRA"], list.Order());
        Assert.Contains("inscribed later", list.Line("BRA").Explanation);
    }

    [Fact]
    public void Levels_follow_the_order_of_precedence()
    {
        var list = Given.Plenary()
            .Inscribed("AUT", ChairOfDelegation, "09:00:01")
            .Inscribed("BEL", ViceMinister, "09:00:02")
            .Inscribed("CAN", Minister, "09:00:03")
            .Inscribed("DNK", DeputyPrimeMinister, "09:00:04")
            .Inscribed("EST", HeadOfGovernment, "09:00:05")
            .Inscribed("FIN", VicePresident, "09:00:06")
            .Inscribed("GAB", HeadOfState, "09:00:07")
            .Inscribed("HTI", Other, "09:00:00");

        Assert.Equal(["GAB", "FIN", "EST", "DNK", "CAN", "BEL", "AUT", "HTI"], list.Order());
    }

    [Fact]
    public void Observers_speak_after_Member_States_whatever_their_level()
    {
        var list = Given.Plenary()
            .Inscribed("IOM", HeadOfState, "09:00:00")
            .Inscribed("ICMC", HeadOfState, "09:00:00.5")
            .Inscribed("VAT", HeadOfState, "09:00:01")
            .Inscribed("EU", HeadOfState, "09:00:02")
            .Inscribed("TUV", ChairOfDelegation, "09:00:03");

        Assert.Equal(["TUV", "VAT", "EU", "IOM", "ICMC"], list.Order());
        Assert.Contains("Member States and groups of States speak before observer States and the European Union", list.Line("TUV").Explanation);
    }

    [Fact]
    public void A_participant_whose_block_is_set_speaks_in_that_block()
    {
        // The State of Palestine inscribed among Member States (A/RES/ES-10/23).
        var palestine = Given.Participant("PSE") with { SpeakingBlockOverride = SpeakingBlock.MemberStatesAndGroups };
        var list = Given.Plenary().Inscribed("GHA", Minister, "09:00:01");
        list = list.Decided(Inscription.Decide(list, new Inscribe(Guid.NewGuid(), Code("PSE"), Minister, "S", "T"), palestine, Given.At("09:00:00")));
        list = list.Inscribed("VAT", HeadOfState, "08:59:00");

        Assert.Equal(["PSE", "GHA", "VAT"], list.Order());
    }

    [Fact]
    public void Round_tables_are_first_come_first_served()
    {
        var list = Given.RoundTable()
            .Inscribed("GHA", Minister, "09:00:01")
            .Inscribed("FRA", HeadOfState, "09:00:05")
            .Inscribed("UNHCR", Other, "09:00:03");

        Assert.Equal(["GHA", "UNHCR", "FRA"], list.Order());
    }

    [Fact]
    public void An_officer_can_switch_a_plenary_to_first_come_first_served()
    {
        var list = Given.Plenary().Inscribed("GHA", Minister, "09:00:01").Inscribed("FRA", HeadOfState, "09:00:05");

        list = list.Decided(ListManagement.Decide(list, new SetOrderingPolicy(Guid.NewGuid(), OrderingPolicy.FirstComeFirstServed), Given.At("09:01")));

        Assert.Equal(["GHA", "FRA"], list.Order());
        // The time of arrival is said in the venue's time, as the history shows it (issue 21), not in UTC.
        Assert.Contains("inscribed earlier (09:00:01.000 venue time)", list.Line("GHA").Explanation);
    }

    [Fact]
    public void Pre_arranged_statements_come_first_in_their_arranged_order()
    {
        var meeting = Given.Plenary();
        var list = meeting.Inscribed("FRA", HeadOfState, "09:00:00").With(
            PreArranged(meeting, "PGA", 2), PreArranged(meeting, "UNSG", 1));

        Assert.Equal(["UNSG", "PGA", "FRA"], list.Order());
    }

    private static SpeakerInscribed PreArranged(ListOfSpeakers list, string code, int order) =>
        new(list.Id, Guid.NewGuid(), Guid.NewGuid(), new Speaker(Code(code), code, SpeakingBlock.OtherObserversAndUnSystem, Other, code, code),
            EntryKind.PreArranged, Given.At("08:00"), ArrangedOrder: order);
}
