using SpeakersList.Floor;
using SpeakersList.SpeakersLists;
using static SpeakersList.SpeakersLists.LevelOfRepresentation;

namespace SpeakersList.Domain.Tests.SpeakersLists;

public class Carry_over
{
    [Fact]
    public void Speakers_not_heard_continue_at_the_next_meeting_ahead_of_its_inscriptions_in_their_order()
    {
        var morning = Given.Plenary("10:00", "13:00")
            .Inscribed("GHA", Minister, "09:00")
            .Inscribed("FRA", HeadOfState, "09:01")
            .Inscribed("BRA", Minister, "09:02");
        var afternoon = Given.Plenary("15:00", "18:00").Inscribed("DEU", HeadOfState, "09:30");

        var (fromEvents, toEvents) = CarryOver.Decide(morning, afternoon, Given.At("13:00"));
        morning = morning.Evolve(fromEvents);
        afternoon = afternoon.Evolve(toEvents);

        Assert.Equal(["FRA", "GHA", "BRA", "DEU"], afternoon.Order());
        Assert.Equal(Given.At("09:00"), afternoon.Entries.Single(x => x.Speaker.Participant == Code("GHA")).ReceivedAt);
        Assert.Contains("carried over from an earlier meeting", afternoon.Line("BRA").Explanation);
        Assert.Empty(morning.Order());
        Assert.All(morning.Entries, x => Assert.Equal(EntryState.CarriedOver, x.State));
    }

    [Fact]
    public void A_later_carry_over_queues_behind_an_earlier_one()
    {
        var afternoon = Given.Plenary("15:00", "18:00");
        var first = Given.Plenary("10:00", "13:00").Inscribed("GHA", Minister, "09:00");
        var second = Given.Plenary("10:00", "13:00").Inscribed("FRA", HeadOfState, "09:01");

        afternoon = afternoon.Evolve(CarryOver.Decide(first, afternoon, Given.At("13:00")).ToEvents);
        afternoon = afternoon.Evolve(CarryOver.Decide(second, afternoon, Given.At("13:05")).ToEvents);

        Assert.Equal(["GHA", "FRA"], afternoon.Order());
    }

    [Fact]
    public void Nothing_is_carried_when_everyone_was_heard_or_withdrew()
    {
        var morning = Given.Plenary().Inscribed("GHA", Minister, "09:00");
        morning = morning.Decided(Inscription.Decide(morning, new Withdraw(Guid.NewGuid(), morning.IdOf("GHA")), Given.At("09:30")));

        var (fromEvents, toEvents) = CarryOver.Decide(morning, Given.Plenary("15:00", "18:00"), Given.At("13:00"));

        Assert.Empty(fromEvents);
        Assert.Empty(toEvents);
    }

    [Fact]
    public void The_next_meeting_is_the_first_later_one_on_the_item_not_yet_adjourned()
    {
        var morning = Given.Plenary("10:00", "13:00");
        var afternoon = Given.Plenary("15:00", "18:00").With(new MeetingAdjourned(Guid.Empty, Guid.NewGuid(), Given.At("18:00")));
        var nextDay = Given.Meeting(SpeakersList.Programme.MeetingKind.Plenary, "1.10:00", "1.13:00");

        Assert.Equal(nextDay.Id, CarryOver.NextMeeting(morning, [nextDay, afternoon, morning])?.Id);
        Assert.Null(CarryOver.NextMeeting(nextDay, [nextDay, afternoon, morning]));
    }

    [Fact]
    public void Under_the_lapse_policy_nothing_is_carried()
    {
        var morning = Given.Plenary("10:00", "13:00").Inscribed("GHA", Minister, "09:00");
        morning = morning.Decided(ListManagement.Decide(morning, new SetCarryOverPolicy(Guid.NewGuid(), CarryOverPolicy.Lapse), Given.At("09:30")));

        var (fromEvents, toEvents) = CarryOver.Decide(morning, Given.Plenary("15:00", "18:00"), Given.At("13:00"));

        Assert.Empty(fromEvents);
        Assert.Empty(toEvents);
    }
}
