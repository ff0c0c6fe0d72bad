using SpeakersList.Participants;
using SpeakersList.Programme;

namespace SpeakersList.Domain.Tests.Programme;

/// <summary>Conferences and meetings as the tests need them, built from their events.</summary>
public static class Given
{
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    public static readonly DateOnly Day1 = new(2013, 9, 24);
    public static readonly DateTimeOffset Now = new(2013, 9, 20, 12, 0, 0, TimeSpan.FromHours(-4));

    public static DateTimeOffset At(string time, DateOnly? day = null) => ProgrammeImport.At(day ?? Day1, TimeOnly.Parse(time), NewYork);

    public static Conference Conference(params string[] rooms) => SpeakersList.Programme.Conference.For(new ConferenceRegistered(
        Guid.NewGuid(), Guid.NewGuid(), "High-level Dialogue", "UN Headquarters", "America/New_York",
        [new ConferenceDay(Day1, "First day"), new ConferenceDay(Day1.AddDays(1), "Second day")],
        rooms.Length == 0 ? ["General Assembly Hall", "Conference Room 4"] : rooms, Now));

    public static Meeting Meeting(string title, string room, string start, string end, MeetingKind kind = MeetingKind.Plenary,
        Conference? conference = null, DateOnly? day = null) =>
        SpeakersList.Programme.Meeting.For(new MeetingScheduled(Guid.NewGuid(), Guid.NewGuid(), new MeetingDetails(kind, title, room,
            At(start, day), At(end, day), "America/New_York", "HLD"), Now, conference?.Id));

    public static ScheduleMeeting Schedule(string title, string room, string start, string end, Conference? conference = null, DateOnly? day = null) =>
        new(Guid.NewGuid(), MeetingKind.Plenary, title, room, At(start, day), At(end, day), "HLD", null, conference?.Id);

    public static Participant Participant(string code) => ParticipantRegistry.ByCode[Code(code)];

    public static IEnumerable<Participant> Category(ParticipantCategory category) =>
        ParticipantRegistry.All.Where(p => p.Category == category);
}
