using SpeakersList.Interpretation;
using SpeakersList.Programme;
using SpeakersList.Participants;

using SpeakersList.Floor;

namespace SpeakersList.SpeakersLists;

/// <summary>A delegation asks to reply; the reply is heard at the end of the day's last meeting on the item.</summary>
public sealed record RequestRightOfReply(
    Guid CommandId,
    ParticipantCode Participant,
    string SpeakerName,
    string SpeakerTitle,
    LevelOfRepresentation Level = LevelOfRepresentation.ChairOfDelegation,
    string? Language = null,
    string? InterpretationInto = null) : IIdempotentCommand;

/// <summary>
/// Rights of reply (GA rules of procedure, annex V; decision 34/401, paras 8-10): at most two per
/// delegation per item per meeting, the first limited to 10 minutes and the second to 5; they may
/// be accorded after the list is closed (rule 73), and come after the statements.
/// </summary>
public static class RightsOfReply
{
    public const int MaximumPerMeeting = 2;

    /// <param name="dayEnd">The list of the day's last meeting on the item, where replies are heard.</param>
    public static Decision Decide(ListOfSpeakers dayEnd, RequestRightOfReply command, Participant participant, DateTimeOffset receivedAt)
    {
        if (dayEnd.Guard(command) is { } guarded) return guarded;
        if (participant.Category is not (ParticipantCategory.MemberState or ParticipantCategory.ObserverState or ParticipantCategory.EuropeanUnion))
            return Refusal.Invalid($"{participant.Name} cannot exercise a right of reply: it is accorded to Member States and observer States.");
        if (dayEnd.Floor.Status == MeetingStatus.Adjourned)
            return Refusal.Conflict($"The day's last meeting on this item ({dayEnd.Meeting.Details.Title}) has been adjourned; no further reply can be heard today.");
        var replies = dayEnd.Active.Count(x => x.Kind == EntryKind.RightOfReply
            && x.Speaker.Represents(participant.Code));
        if (replies >= MaximumPerMeeting)
            return Refusal.Conflict($"{participant.Name} has already asked for its two rights of reply on this item at this meeting.");

        var speaker = Speaker.Of(participant, command.Level, command.SpeakerName, command.SpeakerTitle);
        var (delivery, refusal) = Delivery.Of(command.Language, command.InterpretationInto, StatementMode.InPerson, null, null,
            participant.StatementLanguageOrDefault, dayEnd.Limits.LimitFor(EntryKind.RightOfReply, speaker, replies + 1));
        if (refusal is not null) return refusal;

        return Decision.Accept(new SpeakerInscribed(
            dayEnd.Id, command.CommandId, command.CommandId, speaker, EntryKind.RightOfReply, receivedAt,
            ReplyNumber: replies + 1, Delivery: delivery));
    }

    /// <summary>Where replies requested at a meeting are heard: the last meeting that day (venue time) on the same item.</summary>
    public static ListOfSpeakers? DayEndMeeting(ListOfSpeakers requestedAt, IEnumerable<ListOfSpeakers> meetingsOnItem)
    {
        var venue = requestedAt.Meeting.Details.Venue();
        var day = venue.DateOf(requestedAt.ScheduledStart);
        return meetingsOnItem
            .Where(x => x.Meeting.Details.AgendaItem == requestedAt.Meeting.Details.AgendaItem && !x.Meeting.Cancelled
                && venue.DateOf(x.ScheduledStart) == day)
            .OrderBy(x => x.ScheduledStart)
            .LastOrDefault();
    }
}
