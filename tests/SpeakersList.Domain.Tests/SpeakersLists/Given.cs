using SpeakersList.Participants;
using SpeakersList.Programme;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Domain.Tests.SpeakersLists;

/// <summary>Builds lists of speakers from events, as the event store would.</summary>
public static class Given
{
    public static readonly DateTimeOffset Day1 = new(2013, 9, 24, 0, 0, 0, TimeSpan.FromHours(-4));

    public static DateTimeOffset At(string time) => Day1 + TimeSpan.Parse(time);

    public static ListOfSpeakers Plenary(string start = "10:00", string end = "13:00") => Meeting(MeetingKind.Plenary, start, end);

    public static ListOfSpeakers RoundTable(string start = "10:00", string end = "13:00") => Meeting(MeetingKind.RoundTable, start, end);

    public static ListOfSpeakers Meeting(MeetingKind kind, string start, string end) =>
        ListOfSpeakers.For(new MeetingScheduled(Guid.NewGuid(), Guid.NewGuid(), new MeetingDetails(kind, "First plenary meeting", "General Assembly Hall",
            At(start), At(end), "America/New_York", "Migration and development"), At("08:00")));

    public static Participant Participant(string code) => ParticipantRegistry.ByCode[Code(code)];

    public static ListOfSpeakers With(this ListOfSpeakers list, params IMeetingEvent[] events) => list.Evolve(events);

    public static ListOfSpeakers Inscribed(this ListOfSpeakers list, string code, LevelOfRepresentation level, string at,
        string? onBehalfOf = null) =>
        list.Decided(Inscription.Decide(list, new Inscribe(Guid.NewGuid(), Code(code), level, "Speaker", "Minister", onBehalfOf), Participant(code), At(at)));

    public static ListOfSpeakers Decided(this ListOfSpeakers list, Decision decision)
    {
        Assert.Null(decision.Refusal);
        return list.Evolve(decision.Events);
    }

    public static Guid IdOf(this ListOfSpeakers list, string code) =>
        list.Entries.Single(x => x.Speaker.Participant == Code(code) && x.IsActive).InscriptionId;

    public static string[] Order(this ListOfSpeakers list) => list.SpeakingOrder().Select(x => x.Entry.Speaker.Participant.Value).ToArray();

    public static OrderedEntry Line(this ListOfSpeakers list, string code) => list.SpeakingOrder().Single(x => x.Entry.Speaker.Participant == Code(code));
}
