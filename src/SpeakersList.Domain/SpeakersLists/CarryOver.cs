using SpeakersList.Interpretation;
using SpeakersList.Participants;

using SpeakersList.Floor;

namespace SpeakersList.SpeakersLists;

/// <summary>A speaker not heard, as carried to the next meeting: same inscription, same time of inscription.</summary>
/// <remarks>The statement's language and mode travel with it (null in events stored before they were recorded).</remarks>
public sealed record CarriedSpeaker(Guid InscriptionId, Speaker Speaker, DateTimeOffset ReceivedAt,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] Delivery? Delivery = null);

/// <summary>On the adjourned meeting: these speakers now continue at the next meeting on the item.</summary>
public sealed record SpeakersCarriedOver(Guid MeetingId, Guid ToMeetingId, IReadOnlyList<Guid> InscriptionIds, DateTimeOffset At) : IMeetingEvent;

/// <summary>On the next meeting: the speakers carried in, in their original order, ahead of its own inscriptions.</summary>
public sealed record SpeakersCarriedIn(Guid MeetingId, Guid FromMeetingId, IReadOnlyList<CarriedSpeaker> Speakers, DateTimeOffset At) : IMeetingEvent;

/// <summary>
/// "Continuation of the debate": when a meeting is adjourned, its statements not heard (waiting, or
/// absent when called under the next-meeting policy) move to the next meeting on the same item,
/// keeping their order and their time of inscription, ahead of that meeting's own inscriptions.
/// </summary>
public static class CarryOver
{
    public static (IReadOnlyList<IMeetingEvent> FromEvents, IReadOnlyList<IMeetingEvent> ToEvents) Decide(ListOfSpeakers adjourned, ListOfSpeakers next, DateTimeOffset at)
    {
        var unheard = adjourned.SpeakingOrder().Select(x => x.Entry)
            .Where(x => x.Kind == EntryKind.Statement && x.State is EntryState.Waiting or EntryState.Absent)
            .ToList();
        if (unheard.Count == 0 || next.Id == adjourned.Id || adjourned.CarryOverPolicy == CarryOverPolicy.Lapse) return ([], []);
        var speakers = unheard.Select(x => new CarriedSpeaker(x.InscriptionId, x.Speaker, x.ReceivedAt, x.Delivery)).ToList();
        return ([new SpeakersCarriedOver(adjourned.Id, next.Id, unheard.Select(x => x.InscriptionId).ToList(), at)],
            [new SpeakersCarriedIn(next.Id, adjourned.Id, speakers, at)]);
    }

    /// <summary>The next meeting on the same item: the first to start after this one, neither adjourned nor cancelled.</summary>
    public static ListOfSpeakers? NextMeeting(ListOfSpeakers adjourned, IEnumerable<ListOfSpeakers> meetingsOnItem) =>
        meetingsOnItem
            .Where(x => x.Id != adjourned.Id && x.Meeting.Details.AgendaItem == adjourned.Meeting.Details.AgendaItem
                && x.ScheduledStart > adjourned.ScheduledStart && x.Floor.Status != MeetingStatus.Adjourned && !x.Meeting.Cancelled)
            .OrderBy(x => x.ScheduledStart)
            .FirstOrDefault();
}
