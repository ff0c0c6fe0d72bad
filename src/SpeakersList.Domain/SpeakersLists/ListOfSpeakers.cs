using System.Text.Json.Serialization;
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
    AbsentPolicy AbsentPolicy = AbsentPolicy.EndOfList,
    ImmutableList<Swap> Swaps = null!,
    CarryOverPolicy CarryOverPolicy = CarryOverPolicy.NextMeetingOnItem)
{
    public static ListOfSpeakers Create(MeetingScheduled e) => new(
        e.MeetingId, MeetingInfo.From(e), e.Kind == MeetingKind.Plenary ? OrderingPolicy.Protocol : OrderingPolicy.FirstComeFirstServed,
        false, null, TimeLimits.Default, [], [], [], [e.CommandId], 1, FloorState.Initial, AbsentPolicy.EndOfList, []);

    [JsonIgnore] // derived: not stored in the snapshot
    public DateTimeOffset ScheduledStart => Meeting.Start;

    [JsonIgnore] // derived: not stored in the snapshot
    public DateTimeOffset ScheduledEnd => Meeting.End;

    public ListOfSpeakers Apply(MeetingRescheduled e) => Next(e.CommandId) with { Meeting = Meeting with { Start = e.Start, End = e.End } };

    public ListOfSpeakers Apply(MeetingMoved e) => Next(e.CommandId) with { Meeting = Meeting with { Room = e.Room } };

    public ListOfSpeakers Apply(MeetingCancelled e) => Next(e.CommandId) with { Meeting = Meeting with { Cancelled = true } };

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
        MeetingMoved e => Apply(e),
        MeetingCancelled e => Apply(e),
        SpeakerInscribed e => Apply(e),
        InscriptionWithdrawn e => Apply(e),
        EntryMoved e => Apply(e),
        SpeakersListClosed e => Apply(e),
        SpeakersListReopened e => Apply(e),
        TimeLimitsSet e => Apply(e),
        SpeakerCapSet e => Apply(e),
        SecondInscriptionAllowed e => Apply(e),
        SwapProposed e => Apply(e),
        SwapAccepted e => Apply(e),
        SwapDeclined e => Apply(e),
        SwapRejected e => Apply(e),
        SwapApproved e => Apply(e),
        SwapWithdrawn e => Apply(e),
        OrderingPolicySet e => Apply(e),
        CarryOverPolicySet e => Apply(e),
        MeetingOpened e => Apply(e),
        MeetingSuspended e => Apply(e),
        MeetingResumed e => Apply(e),
        MeetingAdjourned e => Apply(e),
        SpeakersCarriedOver e => Apply(e),
        SpeakersCarriedIn e => Apply(e),
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

    public ListOfSpeakers Apply(SwapProposed e) =>
        Next(e.CommandId) with { Swaps = Swaps.Add(new Swap(e.SwapId, e.InscriptionId, e.WithInscriptionId, e.ProposedBy, e.ProposedTo, SwapStatus.Proposed, e.At)) };

    public ListOfSpeakers Apply(SwapAccepted e) => Next(e.CommandId) with { Swaps = SwapTo(e.SwapId, SwapStatus.Accepted) };

    public ListOfSpeakers Apply(SwapDeclined e) => Next(e.CommandId) with { Swaps = SwapTo(e.SwapId, SwapStatus.Declined) };

    public ListOfSpeakers Apply(SwapRejected e) => Next(e.CommandId) with { Swaps = SwapTo(e.SwapId, SwapStatus.Rejected) };

    public ListOfSpeakers Apply(SwapWithdrawn e) => Next(e.CommandId) with { Swaps = SwapTo(e.SwapId, SwapStatus.Withdrawn) };

    public ListOfSpeakers Apply(SwapApproved e) =>
        Next(e.CommandId) with { Swaps = SwapTo(e.SwapId, SwapStatus.Approved), Placements = Placements.Add(e.First).Add(e.Second) };

    public ListOfSpeakers Apply(OrderingPolicySet e) => Next(e.CommandId) with { Policy = e.Policy };

    public ListOfSpeakers Apply(CarryOverPolicySet e) => Next(e.CommandId) with { CarryOverPolicy = e.Policy };

    public ListOfSpeakers Apply(SpeakersCarriedOver e)
    {
        var carried = e.InscriptionIds.ToHashSet();
        return Next(Guid.Empty) with { Entries = Entries.ConvertAll(x => carried.Contains(x.InscriptionId) ? x with { State = EntryState.CarriedOver } : x) };
    }

    public ListOfSpeakers Apply(SpeakersCarriedIn e)
    {
        var carriedSoFar = Entries.Count(x => x.CarriedOrder is not null);
        var arriving = e.Speakers.Select((s, i) => new Entry(
            s.InscriptionId, Guid.Empty, s.Participant, s.ParticipantName, s.Block, s.Level, s.SpeakerName, s.SpeakerTitle, s.OnBehalfOf,
            EntryKind.Statement, s.ReceivedAt, Entries.Count + i + 1, EntryState.Waiting, null, null, null, CarriedOrder: carriedSoFar + i + 1));
        return Next(Guid.Empty) with { Entries = Entries.AddRange(arriving) };
    }

    /// <summary>Idempotency and optimistic concurrency, common to every command on a list.</summary>
    public Decision? Guard(Guid commandId, long? expectedVersion) =>
        HandledCommands.Contains(commandId) ? Decision.AlreadyDone
        : expectedVersion is { } expected && expected != Version ? Decision.Refuse(Refusal.Stale(expected, Version))
        : null;

    public Swap? FindSwap(Guid swapId) => Swaps.FirstOrDefault(x => x.SwapId == swapId);

    public Entry? Find(Guid inscriptionId) => Entries.FirstOrDefault(x => x.InscriptionId == inscriptionId);

    [JsonIgnore] // derived: not stored in the snapshot
    public IEnumerable<Entry> Active => Entries.Where(x => x.IsActive);

    public int StatementsBy(string participant) =>
        Active.Count(x => x.Kind == EntryKind.Statement && string.Equals(x.Participant, participant, StringComparison.OrdinalIgnoreCase));

    /// <summary>The entries in speaking order, each with why it stands there.</summary>
    public IReadOnlyList<OrderedEntry> SpeakingOrder() => SpeakersLists.SpeakingOrder.Of(this);

    private ListOfSpeakers Next(Guid commandId) =>
        this with { Version = Version + 1, HandledCommands = commandId == Guid.Empty ? HandledCommands : HandledCommands.Add(commandId) };

    private ImmutableList<Swap> SwapTo(Guid swapId, SwapStatus status)
    {
        var index = Swaps.FindIndex(x => x.SwapId == swapId);
        return index < 0 ? Swaps : Swaps.SetItem(index, Swaps[index] with { Status = status });
    }

    private ImmutableList<Entry> Update(Guid inscriptionId, Func<Entry, Entry> change)
    {
        var index = Entries.FindIndex(x => x.InscriptionId == inscriptionId);
        return index < 0 ? Entries : Entries.SetItem(index, change(Entries[index]));
    }
}
