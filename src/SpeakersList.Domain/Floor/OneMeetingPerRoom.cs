using SpeakersList.Programme;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Floor;

/// <summary>
/// A room holds one meeting at a time: its hall display follows the meeting in progress, so a second
/// one opened (or resumed) beside it would take the screen in the middle of the first.
/// </summary>
public static class OneMeetingPerRoom
{
    public static Refusal? Refuse(ListOfSpeakers opening, IEnumerable<ListOfSpeakers> inRoom)
    {
        var other = inRoom
            .Where(x => x.Id != opening.Id && x.Floor?.Status == MeetingStatus.InProgress && Timetable.SameRoom(x.Meeting.Details.Room, opening.Meeting.Details.Room))
            .MaxBy(x => x.Floor.OpenedAt);
        if (other is null) return null;
        var opened = other.Floor.OpenedAt is { } at ? $", opened at {other.Meeting.Details.Venue().LocalTime(at):HH:mm}" : "";
        return Refusal.Conflict($"\"{other.Meeting.Details.Title}\" is in progress in {other.Meeting.Details.Room}{opened}. " +
            "Suspend or adjourn it before opening another meeting in the same room.");
    }
}
