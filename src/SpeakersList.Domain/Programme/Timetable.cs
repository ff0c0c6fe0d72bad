using System.Globalization;

namespace SpeakersList.Programme;

/// <summary>An officer puts a meeting on the programme. Its id is the command's id, so a retry creates nothing new.</summary>
/// <param name="ConferenceId">The conference whose programme it joins: the meeting must then fall on one of its days, in one of its rooms.</param>
public sealed record ScheduleMeeting(
    Guid CommandId,
    // The meeting's details as the officer sends them, flat: the decider trims them into its MeetingDetails, in the
    // conference's time zone, else the one given here, else Headquarters'.
    MeetingKind Kind, string Title, string Room, DateTimeOffset Start, DateTimeOffset End, string AgendaItem, string? TimeZone = null,
    Guid? ConferenceId = null, string? Code = null, IReadOnlyList<MeetingSegment>? Segments = null) : IIdempotentCommand;

public sealed record RescheduleMeeting(Guid CommandId, DateTimeOffset Start, DateTimeOffset End) : IIdempotentCommand;

public sealed record MoveMeeting(Guid CommandId, string Room) : IIdempotentCommand;

public sealed record CancelMeeting(Guid CommandId, string Reason) : IIdempotentCommand;

/// <summary>
/// The rules of the programme: a room holds one meeting at a time; a meeting of a conference is
/// held on one of its days, in one of its rooms; a meeting that has begun is adjourned, not cancelled.
/// </summary>
public static class Timetable
{
    public static Decision Decide(ScheduleMeeting command, Conference? conference, IReadOnlyList<Meeting> others, DateTimeOffset now)
    {
        if (command.ConferenceId is { } id && conference is null)
            return Refusal.NotFound($"There is no conference {id}.");
        var zone = conference?.TimeZone ?? command.TimeZone ?? VenueClock.Headquarters;
        var room = conference is null ? command.Room.Trim() : conference.Rooms.FirstOrDefault(r => SameRoom(r, command.Room)) ?? command.Room.Trim();
        var code = string.IsNullOrWhiteSpace(command.Code) ? null : command.Code.Trim();
        var segments = command.Segments ?? [];
        if (SlotProblem(command.Title.Trim(), room, command.Start, command.End, command.CommandId, conference, others) is { } problem) return problem;
        if (SegmentProblem(command.Title.Trim(), command.Start, command.End, segments) is { } segmentProblem) return segmentProblem;
        if (conference is not null && code is not null
            && others.FirstOrDefault(m => m.ConferenceId == conference.Id && string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase)) is { } sameCode)
            return Conflict($"The code {code} is already used by '{sameCode.Details.Title}' in this conference.");

        return Decision.Accept(new MeetingScheduled(command.CommandId, command.CommandId,
            new MeetingDetails(command.Kind, command.Title.Trim(), room, command.Start, command.End, zone, command.AgendaItem.Trim()), now, conference?.Id, code,
            segments.Count == 0 ? null : segments.Select(s => s with { Title = s.Title.Trim() }).ToList()));
    }

    public static Decision Decide(Meeting meeting, RescheduleMeeting command, Conference? conference, IReadOnlyList<Meeting> others, DateTimeOffset now)
    {
        if (meeting.HandledCommands.Contains(command.CommandId)) return Decision.AlreadyDone;
        if (Settled(meeting, "rescheduled") is { } settled) return settled;
        if (meeting.Details.Start == command.Start && meeting.Details.End == command.End) return Decision.AlreadyDone;
        if (meeting.Status != ProgrammeStatus.Scheduled && command.Start != meeting.Details.Start)
            return Conflict($"'{meeting.Details.Title}' has begun; only its end can still be changed.");
        return SlotProblem(meeting.Details.Title, meeting.Details.Room, command.Start, command.End, meeting.Id, conference, others) is { } problem
            ? problem
            : Decision.Accept(new MeetingRescheduled(meeting.Id, command.CommandId, command.Start, command.End, now));
    }

    public static Decision Decide(Meeting meeting, MoveMeeting command, Conference? conference, IReadOnlyList<Meeting> others, DateTimeOffset now)
    {
        if (meeting.HandledCommands.Contains(command.CommandId)) return Decision.AlreadyDone;
        if (Settled(meeting, "moved") is { } settled) return settled;
        var room = conference?.Rooms.FirstOrDefault(r => SameRoom(r, command.Room)) ?? command.Room.Trim();
        if (SameRoom(room, meeting.Details.Room)) return Decision.AlreadyDone;
        return SlotProblem(meeting.Details.Title, room, meeting.Details.Start, meeting.Details.End, meeting.Id, conference, others) is { } problem
            ? problem
            : Decision.Accept(new MeetingMoved(meeting.Id, command.CommandId, room, now));
    }

    public static Decision Decide(Meeting meeting, CancelMeeting command, DateTimeOffset now) =>
        meeting.HandledCommands.Contains(command.CommandId) || meeting.Status == ProgrammeStatus.Cancelled ? Decision.AlreadyDone
        : meeting.Status is ProgrammeStatus.InProgress or ProgrammeStatus.Suspended
            ? Conflict($"'{meeting.Details.Title}' is in progress: it can be adjourned, not cancelled.")
        : meeting.Status == ProgrammeStatus.Adjourned ? Conflict($"'{meeting.Details.Title}' has already been held and adjourned.")
        : Decision.Accept(new MeetingCancelled(meeting.Id, command.CommandId, command.Reason.Trim(), now));

    /// <summary>Why a meeting cannot be held in this room at this time, or null when it can.</summary>
    public static Refusal? SlotProblem(string title, string room, DateTimeOffset start, DateTimeOffset end, Guid self,
        Conference? conference, IEnumerable<Meeting> others)
    {
        if (conference is not null)
        {
            if (!conference.Rooms.Any(r => SameRoom(r, room)))
                return Invalid($"'{title}': the room '{room}' is not one of the conference's rooms ({string.Join(", ", conference.Rooms)}).");
            var zone = conference.VenueZone();
            var day = zone.DateOf(start);
            var lastDay = zone.DateOf(end);
            if (day != lastDay && !(lastDay == day.AddDays(1) && zone.LocalTime(end).TimeOfDay == TimeSpan.Zero))
                return Invalid($"'{title}' must begin and end on the same day at the venue.");
            if (!conference.Days.Any(d => d.Date == day))
                return Invalid($"'{title}' falls on {day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)}, which is not a day of the conference "
                    + $"({string.Join(", ", conference.Days.Select(d => d.Date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)))}).");
        }
        var taken = others.Where(m => m.Id != self && m.HoldsRoom() && SameRoom(m.Details.Room, room) && m.Details.Overlaps(start, end))
            .Select(m => m.Details).OrderBy(m => m.Start).FirstOrDefault();
        return taken is null ? null
            : Conflict($"{taken.Room} is taken from {Local(taken.Start, taken)} to {Local(taken.End, taken)} by '{taken.Title}'; "
                + $"'{title}' ({Local(start, taken)}-{Local(end, taken)}) would overlap it.");
    }

    /// <summary>Segments lie within their meeting, in time order, without overlapping.</summary>
    public static Refusal? SegmentProblem(string title, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<MeetingSegment> segments)
    {
        var previousEnd = start;
        foreach (var segment in segments)
        {
            if (string.IsNullOrWhiteSpace(segment.Title)) return Invalid($"'{title}': every segment needs a title.");
            if (segment.End <= segment.Start) return Invalid($"'{title}': the segment '{segment.Title}' must end after it begins.");
            if (segment.Start < previousEnd || segment.End > end)
                return Invalid($"'{title}': the segment '{segment.Title}' must lie within the meeting, after the segment before it.");
            previousEnd = segment.End;
        }
        return null;
    }

    public static bool SameRoom(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static Refusal? Settled(Meeting meeting, string verb) => meeting.Status switch
    {
        ProgrammeStatus.Cancelled => Conflict($"'{meeting.Details.Title}' has been cancelled; it cannot be {verb}."),
        ProgrammeStatus.Adjourned => Conflict($"'{meeting.Details.Title}' has already been held and adjourned; it cannot be {verb}."),
        _ => null,
    };

    private static string Local(DateTimeOffset at, MeetingDetails meeting) =>
        meeting.Venue().LocalTime(at).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);

    internal static Refusal Conflict(string detail) => new(RefusalKind.Conflict, "The programme does not allow it", detail);

    internal static Refusal Invalid(string detail) => new(RefusalKind.Invalid, "The programme does not allow it", detail);
}
