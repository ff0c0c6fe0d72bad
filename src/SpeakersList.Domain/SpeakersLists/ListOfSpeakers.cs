using System.Collections.Immutable;
using SpeakersList.Floor;
using SpeakersList.Programme;

namespace SpeakersList.SpeakersLists;

/// <summary>
/// The list of speakers of one meeting: the write model that decisions are taken on.
/// Immutable; evolved only by the events of the meeting's stream.
/// </summary>
public sealed partial record ListOfSpeakers(
    Guid Id,
    MeetingInfo Meeting,
    OrderingPolicy Policy,
    bool Closed,
    int? Cap,
    TimeLimits Limits,
    ImmutableList<Entry> Entries,
    ImmutableList<Placement> Placements,
    ImmutableHashSet<string> SecondInscriptionsAllowed,
    ImmutableHashSet<Guid> HandledCommands,
    long Version,
    FloorState Floor = null!,
    AbsentPolicy AbsentPolicy = AbsentPolicy.EndOfList)
{
    public static ListOfSpeakers Create(MeetingScheduled e) => new(
        e.MeetingId, MeetingInfo.From(e), e.Kind == MeetingKind.Plenary ? OrderingPolicy.Protocol : OrderingPolicy.FirstComeFirstServed,
        false, null, TimeLimits.Default, [], [], [], [e.CommandId], 1, FloorState.Initial);

    public DateTimeOffset ScheduledStart => Meeting.Start;

    public DateTimeOffset ScheduledEnd => Meeting.End;

    public ListOfSpeakers Apply(MeetingRescheduled e) => Next(e.CommandId) with { Meeting = Meeting with { Start = e.Start, End = e.End } };

    public ListOfSpeakers Apply(SpeakerInscribed e) =>
        Next(e.CommandId) with { Entries = Entries.Add(Entry.From(e, Entries.Count + 1)) };

    public ListOfSpeakers Apply(InscriptionWithdrawn e) =>
        Next(e.CommandId) with { Entries = Update(e.InscriptionId, x => x with { State = EntryState.Withdrawn }) };

    public ListOfSpeakers Apply(EntryMoved e) =>
        Next(e.CommandId) with { Placements = Placements.Add(new Placement(e.InscriptionId, e.After, e.Reason, e.At)) };

    public ListOfSpeakers Apply(SpeakersListClosed e) => Next(e.CommandId) with { Closed = true };

    public ListOfSpeakers Apply(SpeakersListReopened e) => Next(e.CommandId) with { Closed = false };

    public ListOfSpeakers Apply(TimeLimitsSet e) => Next(e.CommandId) with { Limits = e.Limits };

    public ListOfSpeakers Apply(SpeakerCapSet e) => Next(e.CommandId) with { Cap = e.Cap };

    public ListOfSpeakers Apply(SecondInscriptionAllowed e) =>
        Next(e.CommandId) with { SecondInscriptionsAllowed = SecondInscriptionsAllowed.Add(e.Participant.ToUpperInvariant()) };

    /// <summary>Applies any event of the meeting's stream; events that do not concern the list leave it as it is.</summary>
    public ListOfSpeakers Evolve(object @event) => @event switch
    {
        MeetingRescheduled e => Apply(e),
        SpeakerInscribed e => Apply(e),
        InscriptionWithdrawn e => Apply(e),
        EntryMoved e => Apply(e),
        SpeakersListClosed e => Apply(e),
        SpeakersListReopened e => Apply(e),
        TimeLimitsSet e => Apply(e),
        SpeakerCapSet e => Apply(e),
        SecondInscriptionAllowed e => Apply(e),
        MeetingOpened e => Apply(e),
        MeetingSuspended e => Apply(e),
        MeetingResumed e => Apply(e),
        MeetingAdjourned e => Apply(e),
        SpeakerCalled e => Apply(e),
        SpeechStarted e => Apply(e),
        SpeechPaused e => Apply(e),
        SpeechResumed e => Apply(e),
        SpeechExtended e => Apply(e),
        SpeechEnded e => Apply(e),
        SpeakerMarkedAbsent e => Apply(e),
        PointOfOrderRaised e => Apply(e),
        PointOfOrderConcluded e => Apply(e),
        AbsentPolicySet e => Apply(e),
        _ => this,
    };

    public ListOfSpeakers Evolve(IEnumerable<object> events) => events.Aggregate(this, (list, e) => list.Evolve(e));

    public Entry? Find(Guid inscriptionId) => Entries.FirstOrDefault(x => x.InscriptionId == inscriptionId);

    public IEnumerable<Entry> Active => Entries.Where(x => x.IsActive);

    public int StatementsBy(string participant) =>
        Active.Count(x => x.Kind == EntryKind.Statement && string.Equals(x.Participant, participant, StringComparison.OrdinalIgnoreCase));

    /// <summary>The entries in speaking order, each with why it stands there.</summary>
    public IReadOnlyList<OrderedEntry> SpeakingOrder() => SpeakersLists.SpeakingOrder.Of(this);

    private ListOfSpeakers Next(Guid commandId) =>
        this with { Version = Version + 1, HandledCommands = commandId == Guid.Empty ? HandledCommands : HandledCommands.Add(commandId) };

    private ImmutableList<Entry> Update(Guid inscriptionId, Func<Entry, Entry> change)
    {
        var index = Entries.FindIndex(x => x.InscriptionId == inscriptionId);
        return index < 0 ? Entries : Entries.SetItem(index, change(Entries[index]));
    }
}
