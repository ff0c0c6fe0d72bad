using SpeakersList.Floor;

namespace SpeakersList.SpeakersLists;

/// <summary>The floor's events, applied to the meeting's list: the floor and the entries' states move together.</summary>
public sealed partial record ListOfSpeakers
{
    /// <summary>The floor; a snapshot written before the floor existed reads as a meeting not yet opened.</summary>
    public FloorState Floor { get; init; } = Floor ?? FloorState.Initial;

    private ListOfSpeakers On(MeetingOpened e) =>
        Next(e.CommandId) with { Floor = Floor with { Status = MeetingStatus.InProgress, OpenedAt = e.At, FreeSince = e.At } };

    private ListOfSpeakers On(MeetingSuspended e) =>
        Next(e.CommandId) with { Floor = Floor.PauseClock(e.At) with { Status = MeetingStatus.Suspended } };

    private ListOfSpeakers On(MeetingResumed e) =>
        Next(e.CommandId) with { Floor = Floor with { Status = MeetingStatus.InProgress } };

    private ListOfSpeakers On(MeetingAdjourned e) =>
        Next(e.CommandId) with { Floor = Floor with { Status = MeetingStatus.Adjourned, AdjournedAt = e.At } };

    private ListOfSpeakers On(SpeakerCalled e) => Next(e.CommandId) with
    {
        Entries = Update(e.InscriptionId, x => x with { State = EntryState.Speaking, CalledOrder = (Entries.Max(y => y.CalledOrder) ?? 0) + 1 }),
        Floor = Floor with { Current = new CurrentSpeech(e.InscriptionId, e.At, null, SpeechClock.NotStarted(e.AllottedSeconds), e.At) },
    };

    private ListOfSpeakers On(SpeechStarted e) =>
        Next(e.CommandId) with { Floor = Floor.ChangeCurrent(x => x with { StartedAt = e.At, Clock = x.Clock.Start(e.At), Since = e.At }) };

    private ListOfSpeakers On(SpeechPaused e) => Next(e.CommandId) with { Floor = Floor.PauseClock(e.At) };

    private ListOfSpeakers On(SpeechResumed e) =>
        Next(e.CommandId) with { Floor = Floor.ChangeCurrent(x => x with { Clock = x.Clock.Start(e.At), Since = e.At }) };

    private ListOfSpeakers On(SpeechExtended e) =>
        Next(e.CommandId) with { Floor = Floor.ChangeCurrent(x => x with { Clock = x.Clock.Extend(e.Seconds) }) };

    private ListOfSpeakers On(SpeechEnded e) => Next(e.CommandId) with
    {
        Entries = Update(e.InscriptionId, x => x with { State = EntryState.Heard, Spoken = e.Spoken, FloorAllottedSeconds = e.AllottedSeconds }),
        Floor = Floor with { Current = null, FreeSince = e.At },
    };

    private ListOfSpeakers On(SpeakerMarkedAbsent e) => Next(e.CommandId) with
    {
        Entries = Update(e.InscriptionId, x => e.Policy == AbsentPolicy.EndOfList
            ? x with { State = EntryState.Waiting, CalledOrder = null }
            : x with { State = EntryState.Absent }),
        Placements = e.Policy == AbsentPolicy.EndOfList
            ? Placements.Add(new Placement(e.InscriptionId, e.After, "absent when called, placed at the end of the list", e.At))
            : Placements,
        Floor = Floor with { Current = null, FreeSince = e.At, AbsentWhenCalled = Floor.AbsentWhenCalled.Add(e.InscriptionId) },
    };

    private ListOfSpeakers On(PointOfOrderRaised e) => Next(e.CommandId) with
    {
        Floor = Floor.PauseClock(e.At) with
        {
            PointOfOrder = new PointOfOrder(e.Participant, e.ParticipantName, e.At, Floor.Current is { Clock.Running: true }),
        },
    };

    private ListOfSpeakers On(PointOfOrderConcluded e) => Next(e.CommandId) with
    {
        Floor = Floor.PointOfOrder is { } raised
            ? Floor with
            {
                PointOfOrder = null,
                PointsOfOrder = Floor.PointsOfOrder.Add(new PointOfOrderHeard(raised.Participant, raised.ParticipantName, raised.Since, e.At)),
            }
            : Floor,
    };

    private ListOfSpeakers On(AbsentPolicySet e) => Next(e.CommandId) with { AbsentPolicy = e.Policy };

    /// <summary>The entry that holds the floor, if any.</summary>
    public Entry? FloorHolder() => Floor.Current is { } current ? Find(current.InscriptionId) : null;
}
