using SpeakersList.Programme;

namespace SpeakersList.Domain.Tests.Programme;

public class Conflicts_across_rooms
{
    private static readonly DateTimeOffset Day = new(2013, 9, 24, 0, 0, 0, TimeSpan.FromHours(-4));
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly Guid Plenary = Guid.NewGuid(), RoundTable = Guid.NewGuid(), OtherPlenary = Guid.NewGuid();

    private static DateTimeOffset At(string time) => Day + TimeSpan.Parse(time);

    private static Engagement Slot(string start, Guid? meeting = null, string room = "General Assembly Hall") =>
        new(meeting ?? Plenary, "Fourth plenary meeting", room, EngagementKind.SpeakingSlot, At(start), At(start).AddMinutes(5), Guid.NewGuid());

    private static readonly Engagement Seat =
        new(RoundTable, "Round table II", "Conference Room 4", EngagementKind.RoundTableSeat, At("15:00"), At("18:00"));

    private static IReadOnlyList<RoomConflict> Of(params Engagement[] engagements) => Of(new Dictionary<Guid, IReadOnlyList<ForecastSlot>>(), engagements);

    private static IReadOnlyList<RoomConflict> Of(Dictionary<Guid, IReadOnlyList<ForecastSlot>> lists, params Engagement[] engagements) =>
        RoomConflicts.Of(Code("GHA"), engagements, lists, RoomConflicts.DefaultWalking, NewYork);

    [Fact]
    public void A_slot_forecast_inside_a_round_table_where_the_delegation_sits_is_a_conflict()
    {
        var conflict = Assert.Single(Of(Slot("16:40"), Seat));

        Assert.Equal(EngagementKind.RoundTableSeat, conflict.Other.Kind);
        Assert.Equal("The speaking slot at Fourth plenary meeting (General Assembly Hall, forecast 16:40–16:45) overlaps its seat at Round table II "
            + "(Conference Room 4, 15:00–18:00), allowing 10 minutes to walk between the rooms.", conflict.Explanation);
    }

    [Theory]
    [InlineData("14:44", false)] // ends 14:49: eleven minutes to walk
    [InlineData("14:46", true)]  // ends 14:51: nine minutes
    [InlineData("18:09", true)]
    [InlineData("18:11", false)]
    public void The_walk_between_rooms_counts(string start, bool conflict) =>
        Assert.Equal(conflict, Of(Slot(start), Seat).Count == 1);

    [Fact]
    public void Two_slots_in_different_meetings_clash_once_and_in_the_same_room_need_no_walk()
    {
        Assert.Single(Of(Slot("16:00"), Slot("16:08", OtherPlenary, "Trusteeship Council Chamber")));
        Assert.Empty(Of(Slot("16:00"), Slot("16:06", OtherPlenary)));
        Assert.Empty(Of(Slot("16:00"), Slot("16:30")));
    }

    [Fact]
    public void The_swaps_it_could_propose_are_places_on_the_same_list_out_of_the_conflict_nearest_first()
    {
        var slot = Slot("17:55");
        var lists = new Dictionary<Guid, IReadOnlyList<ForecastSlot>>
        {
            [Plenary] = [
                new(Guid.NewGuid(), Code("FRA"), "France", At("17:00")),
                new(Guid.NewGuid(), Code("BRA"), "Brazil", At("18:15")),
                new(Guid.NewGuid(), Code("IND"), "India", At("18:30")),
                new(slot.InscriptionId!.Value, Code("GHA"), "Ghana", At("17:55")),
            ],
        };

        var conflict = Assert.Single(Of(lists, slot, Seat));

        Assert.Equal([Code("BRA"), Code("IND")], conflict.Swaps.Select(x => x.WithParticipant));
    }
}
