using SpeakersList.Floor;
using SpeakersList.Participants;
using SpeakersList.Programme;
using SpeakersList.Server.Live;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Tests.Live;

/// <summary>The room and delegation views, pure, without a database.</summary>
public class Live_views
{
    private static readonly DateTimeOffset Day1 = new(2013, 9, 24, 0, 0, 0, TimeSpan.FromHours(-4));

    private static ListOfSpeakers Meeting(string title, string start, string room = "General Assembly Hall") =>
        ListOfSpeakers.For(new MeetingScheduled(Guid.NewGuid(), Guid.NewGuid(), new MeetingDetails(MeetingKind.Plenary, title, room,
            Day1 + TimeSpan.Parse(start), Day1 + TimeSpan.Parse(start) + TimeSpan.FromHours(3), "America/New_York", "Migration"), Day1));

    private static ListOfSpeakers Inscribed(ListOfSpeakers list, string code, string at) =>
        list.Evolve(Inscription.Decide(list, new Inscribe(Guid.NewGuid(), ParticipantCode.Parse(code), LevelOfRepresentation.Minister, "Speaker", "Minister"),
            ParticipantRegistry.ByCode[ParticipantCode.Parse(code)], Day1 + TimeSpan.Parse(at)).Events);

    private static ListOfSpeakers Opened(ListOfSpeakers list, string at) => list.Evolve(new MeetingOpened(list.Id, Guid.NewGuid(), Day1 + TimeSpan.Parse(at)));

    [Fact]
    public void The_current_meeting_of_a_room_is_the_open_one_else_the_next_scheduled_else_the_last_held()
    {
        var morning = Meeting("Morning", "10:00");
        var afternoon = Meeting("Afternoon", "15:00");

        Assert.Equal(morning.Id, LiveViews.CurrentMeeting([afternoon, morning])!.Id);
        Assert.Equal(afternoon.Id, LiveViews.CurrentMeeting([Opened(afternoon, "15:00"), morning])!.Id);

        var adjourned = Opened(morning, "10:00").Evolve(new MeetingAdjourned(morning.Id, Guid.NewGuid(), Day1 + TimeSpan.FromHours(13)));
        Assert.Equal(afternoon.Id, LiveViews.CurrentMeeting([adjourned, afternoon])!.Id);
        Assert.Equal(adjourned.Id, LiveViews.CurrentMeeting([adjourned])!.Id);
        Assert.Null(LiveViews.CurrentMeeting([]));
    }

    [Fact]
    public void A_room_view_carries_the_sum_of_its_meetings_versions()
    {
        var morning = Inscribed(Meeting("Morning", "10:00"), "GHA", "09:00");
        var afternoon = Meeting("Afternoon", "15:00");

        var view = LiveViews.Room("General Assembly Hall", [morning, afternoon], Day1);

        Assert.Equal(3, view.Version);
        Assert.Equal(morning.Id, view.MeetingId);
        Assert.Equal(morning.Version, view.Floor!.Version);
    }

    [Fact]
    public void A_delegation_sees_each_of_its_slots_with_how_many_speak_before_it()
    {
        var plenary = Inscribed(Inscribed(Inscribed(Meeting("Plenary", "10:00"), "FRA", "09:00"), "BRA", "09:01"), "GHA", "09:02");
        var roundTable = Inscribed(Meeting("Round table", "10:00", "Conference Room 4"), "GHA", "09:05");
        plenary = Opened(plenary, "10:00").Evolve(new SpeakerCalled(plenary.Id, Guid.NewGuid(), Day1 + TimeSpan.FromHours(10), plenary.Entries[0].InscriptionId, 300, false));

        var view = LiveViews.Delegation(ParticipantCode.Parse("gha"), [(SpeakersListView.From(plenary), plenary.Floor.Status), (SpeakersListView.From(roundTable), roundTable.Floor.Status)]);

        Assert.Equal("GHA", view.Participant.Value);
        Assert.Equal(plenary.Version + roundTable.Version, view.Version);
        var inPlenary = view.Slots.Single(x => x.MeetingId == plenary.Id);
        Assert.Equal((3, 2, EntryState.Waiting, MeetingStatus.InProgress), (inPlenary.Position, inPlenary.PeopleBefore, inPlenary.State, inPlenary.MeetingStatus));
        Assert.Equal(Day1 + TimeSpan.Parse("10:11:00"), inPlenary.EstimatedStart);
        var inRoundTable = view.Slots.Single(x => x.MeetingId == roundTable.Id);
        Assert.Equal((1, 0), (inRoundTable.Position, inRoundTable.PeopleBefore));
    }
}
