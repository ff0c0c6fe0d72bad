using SpeakersList.Domain.Tests.Floor;
using SpeakersList.SpeakersLists;
using static SpeakersList.SpeakersLists.LevelOfRepresentation;

namespace SpeakersList.Domain.Tests.SpeakersLists;

public class Swaps_of_slots
{
    private static ListOfSpeakers FourSpeakers() => Given.Plenary()
        .Inscribed("GHA", Minister, "09:00")
        .Inscribed("FRA", Minister, "09:01")
        .Inscribed("BRA", Minister, "09:02")
        .Inscribed("IND", Minister, "09:03");

    private static (ListOfSpeakers List, Guid SwapId) Proposed(ListOfSpeakers list, string from, string to)
    {
        var command = new ProposeSwap(Guid.NewGuid(), list.IdOf(from), list.IdOf(to));
        return (list.Decided(Swaps.Decide(list, command, Given.At("09:10"))), command.CommandId);
    }

    [Theory]
    [InlineData("GHA", "BRA", new[] { "BRA", "FRA", "GHA", "IND" })]
    [InlineData("GHA", "FRA", new[] { "FRA", "GHA", "BRA", "IND" })]
    [InlineData("IND", "FRA", new[] { "GHA", "IND", "BRA", "FRA" })]
    [InlineData("BRA", "IND", new[] { "GHA", "FRA", "IND", "BRA" })]
    public void An_approved_swap_exchanges_the_two_slots(string from, string to, string[] expected)
    {
        var (list, swap) = Proposed(FourSpeakers(), from, to);
        list = list.Decided(Swaps.Decide(list, new AcceptSwap(Guid.NewGuid(), swap), Given.At("09:11")));
        list = list.Decided(Swaps.Decide(list, new ApproveSwap(Guid.NewGuid(), swap), Given.At("09:12")));

        Assert.Equal(expected, list.Order());
        Assert.Equal(SwapStatus.Approved, list.Swaps.Single().Status);
    }

    [Fact]
    public void A_swap_holds_when_later_inscriptions_arrive()
    {
        var (list, swap) = Proposed(FourSpeakers(), "GHA", "BRA");
        list = list.Decided(Swaps.Decide(list, new AcceptSwap(Guid.NewGuid(), swap), Given.At("09:11")));
        list = list.Decided(Swaps.Decide(list, new ApproveSwap(Guid.NewGuid(), swap), Given.At("09:12")));

        list = list.Inscribed("DEU", HeadOfState, "09:13");

        var order = list.Order().ToList();
        Assert.True(order.IndexOf("BRA") < order.IndexOf("FRA") && order.IndexOf("FRA") < order.IndexOf("GHA"));
        Assert.Contains("swap of Ghana and Brazil, approved", list.Line("GHA").Explanation);
    }

    [Fact]
    public void An_officer_cannot_approve_a_swap_the_other_delegation_has_not_accepted()
    {
        var (list, swap) = Proposed(FourSpeakers(), "GHA", "BRA");

        var refused = Swaps.Decide(list, new ApproveSwap(Guid.NewGuid(), swap), Given.At("09:12"));

        Assert.Equal(RefusalKind.Conflict, refused.Refusal?.Kind);
        Assert.Contains("has not accepted", refused.Refusal!.Detail);
        Assert.Equal(["GHA", "FRA", "BRA", "IND"], list.Order());
    }

    [Fact]
    public void A_declined_swap_cannot_be_accepted_or_approved_later()
    {
        var (list, swap) = Proposed(FourSpeakers(), "GHA", "BRA");
        list = list.Decided(Swaps.Decide(list, new DeclineSwap(Guid.NewGuid(), swap), Given.At("09:11")));

        Assert.Equal("The swap is already declined.", Swaps.Decide(list, new AcceptSwap(Guid.NewGuid(), swap), Given.At("09:12")).Refused());
        Assert.Equal("The swap is already declined.", Swaps.Decide(list, new ApproveSwap(Guid.NewGuid(), swap), Given.At("09:12")).Refused());
    }

    [Fact]
    public void A_delegation_cannot_swap_with_itself_and_only_one_swap_between_two_slots_is_open()
    {
        var list = FourSpeakers();
        Assert.Equal(RefusalKind.Invalid,
            Swaps.Decide(list, new ProposeSwap(Guid.NewGuid(), list.IdOf("GHA"), list.IdOf("GHA")), Given.At("09:10")).Refusal?.Kind);

        var (proposed, _) = Proposed(list, "GHA", "BRA");
        Assert.Equal(RefusalKind.Conflict,
            Swaps.Decide(proposed, new ProposeSwap(Guid.NewGuid(), proposed.IdOf("BRA"), proposed.IdOf("GHA")), Given.At("09:10")).Refusal?.Kind);
    }

    [Fact]
    public void A_rejected_swap_changes_nothing()
    {
        var (list, swap) = Proposed(FourSpeakers(), "GHA", "BRA");
        list = list.Decided(Swaps.Decide(list, new AcceptSwap(Guid.NewGuid(), swap), Given.At("09:11")));
        list = list.Decided(Swaps.Decide(list, new RejectSwap(Guid.NewGuid(), swap, "the list is final"), Given.At("09:12")));

        Assert.Equal(["GHA", "FRA", "BRA", "IND"], list.Order());
        Assert.Equal(SwapStatus.Rejected, list.Swaps.Single().Status);
    }
}
