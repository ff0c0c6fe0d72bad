using System.Text.Json.Serialization;
using System.Collections.Immutable;
using SpeakersList.Floor;
using SpeakersList.Interpretation;
using SpeakersList.Participants;
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
    ImmutableHashSet<ParticipantCode> SecondInscriptionsAllowed,
    ImmutableHashSet<Guid> HandledCommands,
    long Version,
    FloorState Floor = null!,
    AbsentPolicy AbsentPolicy = AbsentPolicy.EndOfList,
    ImmutableList<Swap> Swaps = null!,
    CarryOverPolicy CarryOverPolicy = CarryOverPolicy.NextMeetingOnItem,
    OpeningState? Opening = null,
    ImmutableList<BoothMessage> BoothMessages = null!) : IStreamSnapshot<ListOfSpeakers, IMeetingEvent>
{
    public static ListOfSpeakers For(MeetingScheduled e) => new(
        e.MeetingId, new MeetingInfo(e.Details), e.Details.Kind == MeetingKind.Plenary ? OrderingPolicy.Protocol : OrderingPolicy.FirstComeFirstServed,
        false, null, TimeLimits.Default, [], [], [], [e.CommandId], 1, FloorState.Initial, AbsentPolicy.EndOfList, []);

    public static ListOfSpeakers? Start(IMeetingEvent first) => first is MeetingScheduled e ? For(e) : null;

    /// <summary>The swaps; a snapshot written before swaps existed reads as a list with none.</summary>
    public ImmutableList<Swap> Swaps { get; init; } = Swaps ?? [];

    /// <summary>The booths' messages to the chair; a snapshot written before booths existed reads as none.</summary>
    public ImmutableList<BoothMessage> BoothMessages { get; init; } = BoothMessages ?? [];

    [JsonIgnore] // derived: not stored in the snapshot
    public DateTimeOffset ScheduledStart => Meeting.Details.Start;

    [JsonIgnore] // derived: not stored in the snapshot
    public DateTimeOffset ScheduledEnd => Meeting.Details.End;

    private ListOfSpeakers On(MeetingRescheduled e) => Next(e.CommandId) with { Meeting = Meeting with { Details = Meeting.Details with { Start = e.Start, End = e.End } } };

    private ListOfSpeakers On(MeetingMoved e) => Next(e.CommandId) with { Meeting = Meeting with { Details = Meeting.Details with { Room = e.Room } } };

    private ListOfSpeakers On(MeetingCancelled e) => Next(e.CommandId) with { Meeting = Meeting with { Cancelled = true } };

    private ListOfSpeakers On(SpeakerInscribed e) =>
        Next(e.CommandId) with { Entries = Entries.Add(Entry.From(e, Entries.Count + 1)) };

    private ListOfSpeakers On(InscriptionWithdrawn e) =>
        Next(e.CommandId) with { Entries = Update(e.InscriptionId, x => x with { State = EntryState.Withdrawn }) };

    private ListOfSpeakers On(EntryMoved e) =>
        Next(e.CommandId) with { Placements = Placements.Add(new Placement(e.InscriptionId, e.After, e.Reason, e.At)) };

    private ListOfSpeakers On(SpeakersListClosed e) => Next(e.CommandId) with { Closed = true };

    private ListOfSpeakers On(SpeakersListReopened e) => Next(e.CommandId) with { Closed = false };

    private ListOfSpeakers On(TimeLimitsSet e) => Next(e.CommandId) with { Limits = e.Limits };

    private ListOfSpeakers On(SpeakerCapSet e) => Next(e.CommandId) with { Cap = e.Cap };

    private ListOfSpeakers On(SecondInscriptionAllowed e) =>
        Next(e.CommandId) with { SecondInscriptionsAllowed = SecondInscriptionsAllowed.Add(e.Participant) };

    /// <summary>
    /// The fold: every event of the meeting's stream after <see cref="MeetingScheduled"/>, each in one arm. The snapshot,
    /// the inscription desk and replay all evolve the list through here; an event without an arm throws rather than
    /// being skipped, so a forgotten arm fails a test instead of letting the snapshot drift from the stream.
    /// </summary>
    public ListOfSpeakers Evolve(IMeetingEvent @event) => @event switch
    {
        MeetingRescheduled e => On(e),
        MeetingMoved e => On(e),
        MeetingCancelled e => On(e),
        SpeakerInscribed e => On(e),
        InscriptionWithdrawn e => On(e),
        EntryMoved e => On(e),
        SpeakersListClosed e => On(e),
        SpeakersListReopened e => On(e),
        TimeLimitsSet e => On(e),
        SpeakerCapSet e => On(e),
        SecondInscriptionAllowed e => On(e),
        SwapProposed e => On(e),
        SwapAccepted e => On(e),
        SwapDeclined e => On(e),
        SwapRejected e => On(e),
        SwapApproved e => On(e),
        SwapWithdrawn e => On(e),
        OrderingPolicySet e => On(e),
        CarryOverPolicySet e => On(e),
        MeetingOpened e => On(e),
        MeetingSuspended e => On(e),
        MeetingResumed e => On(e),
        MeetingAdjourned e => On(e),
        SpeakersCarriedOver e => On(e),
        SpeakersCarriedIn e => On(e),
        SpeakerCalled e => On(e),
        SpeechStarted e => On(e),
        SpeechPaused e => On(e),
        SpeechResumed e => On(e),
        SpeechExtended e => On(e),
        SpeechEnded e => On(e),
        SpeakerMarkedAbsent e => On(e),
        PointOfOrderRaised e => On(e),
        PointOfOrderConcluded e => On(e),
        AbsentPolicySet e => On(e),
        SpeakersListOpeningScheduled e => On(e),
        LotDrawn e => On(e),
        DeliveryChanged e => On(e),
        BoothMessageSent e => On(e),
        BoothMessageDismissed e => On(e),
        _ => throw new UnknownEvent(@event, nameof(ListOfSpeakers)),
    };

    private ListOfSpeakers On(SwapProposed e) =>
        Next(e.CommandId) with { Swaps = Swaps.Add(new Swap(e.SwapId, e.InscriptionId, e.WithInscriptionId, e.ProposedBy, e.ProposedTo, SwapStatus.Proposed, e.At)) };

    private ListOfSpeakers On(SwapAccepted e) => Next(e.CommandId) with { Swaps = SwapTo(e.SwapId, SwapStatus.Accepted) };

    private ListOfSpeakers On(SwapDeclined e) => Next(e.CommandId) with { Swaps = SwapTo(e.SwapId, SwapStatus.Declined) };

    private ListOfSpeakers On(SwapRejected e) => Next(e.CommandId) with { Swaps = SwapTo(e.SwapId, SwapStatus.Rejected) };

    private ListOfSpeakers On(SwapWithdrawn e) => Next(e.CommandId) with { Swaps = SwapTo(e.SwapId, SwapStatus.Withdrawn) };

    private ListOfSpeakers On(SwapApproved e) =>
        Next(e.CommandId) with { Swaps = SwapTo(e.SwapId, SwapStatus.Approved), Placements = Placements.Add(e.First).Add(e.Second) };

    private ListOfSpeakers On(OrderingPolicySet e) => Next(e.CommandId) with { Policy = e.Policy };

    private ListOfSpeakers On(CarryOverPolicySet e) => Next(e.CommandId) with { CarryOverPolicy = e.Policy };

    private ListOfSpeakers On(SpeakersCarriedOver e)
    {
        var carried = e.InscriptionIds.ToHashSet();
        return Next(Guid.Empty) with { Entries = Entries.ConvertAll(x => carried.Contains(x.InscriptionId) ? x with { State = EntryState.CarriedOver } : x) };
    }

    private ListOfSpeakers On(SpeakersCarriedIn e)
    {
        var carriedSoFar = Entries.Count(x => x.CarriedOrder is not null);
        var arriving = e.Speakers.Select((s, i) => new Entry(
            s.InscriptionId, Guid.Empty, s.Speaker, EntryKind.Statement, s.ReceivedAt, Entries.Count + i + 1, EntryState.Waiting, null, null, null, CarriedOrder: carriedSoFar + i + 1, Delivery: s.Delivery));
        return Next(Guid.Empty) with { Entries = Entries.AddRange(arriving) };
    }

    private ListOfSpeakers On(DeliveryChanged e) =>
        Next(e.CommandId) with { Entries = Update(e.InscriptionId, x => x with { Delivery = e.Delivery }) };

    private ListOfSpeakers On(BoothMessageSent e) =>
        Next(e.CommandId) with { BoothMessages = BoothMessages.Add(new BoothMessage(e.MessageId, e.Room, e.Kind, e.Text, e.At)) };

    private ListOfSpeakers On(BoothMessageDismissed e) => Next(e.CommandId) with
    {
        BoothMessages = BoothMessages.ConvertAll(x => x.MessageId == e.MessageId && x.DismissedAt is null ? x with { DismissedAt = e.At } : x),
    };

    private ListOfSpeakers On(SpeakersListOpeningScheduled e) =>
        Next(e.CommandId) with { Opening = new OpeningState(e.OpensAt, e.WindowSeconds, e.Commitment) };

    private ListOfSpeakers On(LotDrawn e)
    {
        var drawn = e.Order.ToDictionary(x => x.InscriptionId);
        return Next(Guid.Empty) with
        {
            Opening = Opening is null ? null : Opening with { Seed = e.Seed, DrawnAt = e.At },
            Entries = Entries.ConvertAll(x => drawn.TryGetValue(x.InscriptionId, out var d) ? x with { DrawnRank = d.Rank, DrawnOf = d.Of } : x),
        };
    }

    /// <summary>
    /// Whether an entry's place among its level is (or will be) decided by the opening's lot: before the draw, a statement
    /// received in the window; after it, an entry the draw ranked.
    /// </summary>
    public bool IsHeld(Entry entry) => Opening is { } opening && entry.Kind == EntryKind.Statement && entry.CarriedOrder is null
        && (opening.Drawn ? entry.DrawnRank is not null : opening.Holds(entry.ReceivedAt));

    /// <summary>
    /// Idempotency and optimistic concurrency, common to every command on a list: a command already handled is done
    /// (a retry changes nothing); one based on another version than the list's is refused with the current version.
    /// </summary>
    public Decision? Guard(IIdempotentCommand command) =>
        HandledCommands.Contains(command.CommandId) ? Decision.AlreadyDone
        : command is IMeetingCommand { ExpectedVersion: { } expected } && expected != Version ? Decision.Refuse(Refusal.Stale(expected, Version))
        : null;

    public Swap? FindSwap(Guid swapId) => Swaps.FirstOrDefault(x => x.SwapId == swapId);

    public Entry? Find(Guid inscriptionId) => Entries.FirstOrDefault(x => x.InscriptionId == inscriptionId);

    [JsonIgnore] // derived: not stored in the snapshot
    public IEnumerable<Entry> Active => Entries.Where(x => x.IsActive);

    public int StatementsBy(ParticipantCode participant) =>
        Active.Count(x => x.Kind == EntryKind.Statement && x.Speaker.Represents(participant));

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
