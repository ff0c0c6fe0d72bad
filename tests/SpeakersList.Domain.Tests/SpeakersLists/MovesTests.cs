using SpeakersList.Domain.Tests.Floor;
using SpeakersList.SpeakersLists;
using static SpeakersList.SpeakersLists.LevelOfRepresentation;

namespace SpeakersList.Domain.Tests.SpeakersLists;

public class Officer_moves
{
    [Fact]
    public void A_moved_entry_stays_where_the_officer_put_it_when_later_inscriptions_arrive()
    {
        var list = Given.Plenary()
            .Inscribed("GHA", Minister, "09:00")
            .Inscribed("FRA", Minister, "09:01")
            .Inscribed("BRA", Minister, "09:02");
        list = list.Decided(ListManagement.Decide(list,
            new MoveEntry(Guid.NewGuid(), list.IdOf("BRA"), null, "Minister must leave for the airport"), Given.At("09:03")));
        Assert.Equal(["BRA", "GHA", "FRA"], list.Order());

        list = list.Inscribed("DEU", HeadOfState, "09:04");

        Assert.Equal(["BRA", "DEU", "GHA", "FRA"], list.Order());
        Assert.Contains("placed by an officer (Minister must leave for the airport)", list.Line("BRA").Explanation);
    }

    [Fact]
    public void An_entry_can_be_placed_after_another()
    {
        var list = Given.Plenary()
            .Inscribed("GHA", Minister, "09:00")
            .Inscribed("FRA", Minister, "09:01")
            .Inscribed("BRA", Minister, "09:02");

        list = list.Decided(ListManagement.Decide(list, new MoveEntry(Guid.NewGuid(), list.IdOf("GHA"), list.IdOf("BRA"), "swap of slots"), Given.At("09:03")));

        Assert.Equal(["FRA", "BRA", "GHA"], list.Order());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_move_needs_a_reason(string reason)
    {
        var list = Given.Plenary().Inscribed("GHA", Minister, "09:00");

        var refused = ListManagement.Decide(list, new MoveEntry(Guid.NewGuid(), list.IdOf("GHA"), null, reason), Given.At("09:03"));

        Assert.Contains("A move needs a reason", refused.Refused(RefusalKind.Invalid));
    }

    [Fact]
    public void An_entry_cannot_be_placed_after_itself_or_after_an_unknown_entry()
    {
        var list = Given.Plenary().Inscribed("GHA", Minister, "09:00");
        var ghana = list.IdOf("GHA");

        Assert.Equal("An entry cannot be placed after itself.",
            ListManagement.Decide(list, new MoveEntry(Guid.NewGuid(), ghana, ghana, "r"), Given.At("09:03")).Refused(RefusalKind.Invalid));
        Assert.Equal("The entry to place it after is not waiting on this list.",
            ListManagement.Decide(list, new MoveEntry(Guid.NewGuid(), ghana, Guid.NewGuid(), "r"), Given.At("09:03")).Refused());
    }
}
