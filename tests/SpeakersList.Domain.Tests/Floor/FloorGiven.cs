using SpeakersList.Domain.Tests.SpeakersLists;
using SpeakersList.Floor;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Domain.Tests.Floor;

/// <summary>Runs the floor of a list through the deciders, as the endpoints do.</summary>
public static class FloorGiven
{
    public static FloorCommand Command() => new(Guid.NewGuid());

    public static ListOfSpeakers Opened(this ListOfSpeakers list, string at = "10:00") =>
        list.Decided(FloorControl.Open(list, Command(), Given.At(at)));

    public static ListOfSpeakers Called(this ListOfSpeakers list, string at, string? code = null) =>
        list.Decided(FloorControl.Call(list, new CallSpeaker(Guid.NewGuid(), code is null ? null : list.IdOf(code)), Given.At(at)));

    public static ListOfSpeakers Started(this ListOfSpeakers list, string at) => list.Decided(FloorControl.Start(list, Command(), Given.At(at)));

    public static ListOfSpeakers Paused(this ListOfSpeakers list, string at) => list.Decided(FloorControl.Pause(list, Command(), Given.At(at)));

    public static ListOfSpeakers Resumed(this ListOfSpeakers list, string at) => list.Decided(FloorControl.Resume(list, Command(), Given.At(at)));

    public static ListOfSpeakers Ended(this ListOfSpeakers list, string at) => list.Decided(FloorControl.End(list, Command(), Given.At(at)));

    public static ListOfSpeakers Heard(this ListOfSpeakers list, string from, string to) => list.Called(from).Started(from).Ended(to);

    public static ListOfSpeakers PointOfOrder(this ListOfSpeakers list, string code, string at) =>
        list.Decided(FloorControl.PointOfOrder(list, new RaisePointOfOrder(Guid.NewGuid(), Code(code)), Given.Participant(code), Given.At(at)));

    public static ListOfSpeakers Absent(this ListOfSpeakers list, string at, AbsentPolicy? policy = null) =>
        list.Decided(FloorControl.MarkAbsent(list, new MarkAbsent(Guid.NewGuid(), policy), Given.At(at)));

    public static string Refused(this Decision decision, RefusalKind kind = RefusalKind.Conflict)
    {
        Assert.NotNull(decision.Refusal);
        Assert.Equal(kind, decision.Refusal.Kind);
        Assert.Empty(decision.Events);
        return decision.Refusal.Detail;
    }

    public static EntryState StateOf(this ListOfSpeakers list, string code) => list.Entries.Single(x => x.Speaker.Participant == Code(code)).State;
}
