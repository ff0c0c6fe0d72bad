using Marten.Events.Aggregation;
using SpeakersList.Floor;
using SpeakersList.Programme;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.SpeakersLists;

/// <summary>
/// Keeps the list of speakers of each meeting as an inline snapshot, written in the same
/// transaction as its events: decisions start from it, and the list view is computed from it.
/// The evolution itself lives in the domain's <see cref="ListOfSpeakers"/>.
/// </summary>
public partial class ListOfSpeakersProjection : SingleStreamProjection<ListOfSpeakers, Guid>
{
    public static ListOfSpeakers Create(MeetingScheduled e) => ListOfSpeakers.Create(e);
    public static ListOfSpeakers Apply(MeetingRescheduled e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(MeetingMoved e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(MeetingCancelled e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SpeakerInscribed e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(InscriptionWithdrawn e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(EntryMoved e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SpeakersListClosed e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SpeakersListReopened e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(TimeLimitsSet e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SpeakerCapSet e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SecondInscriptionAllowed e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SwapProposed e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SwapAccepted e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SwapDeclined e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SwapRejected e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SwapApproved e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SwapWithdrawn e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(OrderingPolicySet e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(CarryOverPolicySet e, ListOfSpeakers list) => list.Apply(e);

    // The floor (Floor/FloorEvents.cs, Floor/MeetingLifecycleEvents.cs).
    public static ListOfSpeakers Apply(MeetingOpened e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(MeetingSuspended e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(MeetingResumed e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(MeetingAdjourned e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SpeakersCarriedOver e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SpeakersCarriedIn e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SpeakerCalled e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SpeechStarted e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SpeechPaused e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SpeechResumed e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SpeechExtended e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SpeechEnded e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(SpeakerMarkedAbsent e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(PointOfOrderRaised e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(PointOfOrderConcluded e, ListOfSpeakers list) => list.Apply(e);
    public static ListOfSpeakers Apply(AbsentPolicySet e, ListOfSpeakers list) => list.Apply(e);
}
