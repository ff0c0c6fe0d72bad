using SpeakersList.Domain.Tests.Floor;
using SpeakersList.SpeakersLists;
using static SpeakersList.SpeakersLists.LevelOfRepresentation;

namespace SpeakersList.Domain.Tests.SpeakersLists;

public class Withdrawing_a_swap_proposal
{
    private static (ListOfSpeakers List, Guid SwapId) Proposed()
    {
        var list = Given.Plenary().Inscribed("GHA", Minister, "09:00").Inscribed("FRA", Minister, "09:01").Inscribed("BRA", Minister, "09:02");
        var command = new ProposeSwap(Guid.NewGuid(), list.IdOf("GHA"), list.IdOf("BRA"));
        return (list.Decided(Swaps.Decide(list, command, Given.At("09:10"))), command.CommandId);
    }

    [Fact]
    public void The_proposer_withdraws_an_open_proposal_and_the_places_stay_as_they_were()
    {
        var (list, swap) = Proposed();
        list = list.Decided(Swaps.Decide(list, new AcceptSwap(Guid.NewGuid(), swap), Given.At("09:11")));

        var decision = Swaps.Decide(list, new WithdrawSwap(Guid.NewGuid(), swap), Given.At("09:12"));
        list = list.Decided(decision);

        Assert.IsType<SwapWithdrawn>(Assert.Single(decision.Events));
        Assert.Equal(SwapStatus.Withdrawn, list.Swaps.Single().Status);
        Assert.Equal(["GHA", "FRA", "BRA"], list.Order());
        Assert.Contains("already withdrawn", Swaps.Decide(list, new WithdrawSwap(Guid.NewGuid(), swap), Given.At("09:13")).Refused());
    }

    [Fact]
    public void A_withdrawn_proposal_can_no_longer_be_accepted_or_approved()
    {
        var (list, swap) = Proposed();
        list = list.Decided(Swaps.Decide(list, new WithdrawSwap(Guid.NewGuid(), swap), Given.At("09:11")));

        Assert.Contains("already withdrawn", Swaps.Decide(list, new AcceptSwap(Guid.NewGuid(), swap), Given.At("09:12")).Refused());
        Assert.Contains("already withdrawn", Swaps.Decide(list, new ApproveSwap(Guid.NewGuid(), swap), Given.At("09:12")).Refused());
    }

    [Fact]
    public void An_approved_swap_cannot_be_withdrawn()
    {
        var (list, swap) = Proposed();
        list = list.Decided(Swaps.Decide(list, new AcceptSwap(Guid.NewGuid(), swap), Given.At("09:11")));
        list = list.Decided(Swaps.Decide(list, new ApproveSwap(Guid.NewGuid(), swap), Given.At("09:12")));

        Assert.Contains("already approved", Swaps.Decide(list, new WithdrawSwap(Guid.NewGuid(), swap), Given.At("09:13")).Refused());
        Assert.Equal(["BRA", "FRA", "GHA"], list.Order());
    }
}
