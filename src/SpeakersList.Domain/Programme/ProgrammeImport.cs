using System.Security.Cryptography;
using System.Text;
using SpeakersList.Participants;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Programme;

/// <param name="CommandId">Chosen by the client; it becomes the conference's id, and a retry imports nothing twice.</param>
/// <param name="FirstDay">The date of day 0; when null, the file's own firstDay.</param>
public sealed record ImportProgramme(Guid CommandId, ProgrammeFile File, DateOnly? FirstDay = null);

/// <summary>The events of one new stream.</summary>
public sealed record NewStream(Guid StreamId, IReadOnlyList<object> Events);

/// <summary>An accepted import: the conference's stream and one stream per meeting, written together or not at all.</summary>
public sealed record ImportedProgramme(Guid ConferenceId, IReadOnlyList<NewStream> Streams, IReadOnlyDictionary<string, Guid> MeetingIds);

/// <summary>
/// Turns an import file into a conference and its meetings, checking it whole before anything is
/// written: every room known, every meeting on a day of the conference and clear of every other
/// meeting in its room (those of the file and those already on the programme), every speaker known.
/// </summary>
public static class ProgrammeImport
{
    public static (ImportedProgramme? Imported, Refusal? Refusal) Decide(
        ImportProgramme command, IReadOnlyList<Meeting> existing, Func<ParticipantCode, Participant?> participants, DateTimeOffset now)
    {
        var file = command.File;
        if (!VenueClock.Knows(file.TimeZone))
            return Refuse(file.Line, $"the time zone '{file.TimeZone}' is not a known IANA time zone (UN Headquarters: {VenueClock.Headquarters}).");
        var zone = VenueClock.Zone(file.TimeZone);
        var firstDay = command.FirstDay ?? file.FirstDay;
        if (firstDay is null && file.Days.FirstOrDefault(d => d.Date is null) is { } undated)
            return Refuse(undated.Line, "the day counts weekdays from the first day, but neither the file (conference.firstDay) nor the import gives that date.");
        if (file.Rooms.Count == 0) return Refuse(file.Line, "the conference needs at least one room.");
        if (file.Days.Count == 0) return Refuse(file.Line, "the conference needs at least one day.");

        var days = file.Days.Select(d => (Day: d, Date: d.Date ?? Weekdays.Add(firstDay!.Value, d.Offset ?? 0))).ToList();
        if (days.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Refuse(twice.Last().Day.Line, $"{twice.Key:yyyy-MM-dd} is given twice as a day of the conference.");

        var conferenceId = command.CommandId;
        var registered = new ConferenceRegistered(conferenceId, command.CommandId, file.Name.Trim(), file.Venue.Trim(), file.TimeZone,
            days.OrderBy(d => d.Date).Select(d => new ConferenceDay(d.Date, d.Day.Title.Trim())).ToList(),
            file.Rooms.Select(r => r.Trim()).ToList(), now);
        var conference = Conference.For(registered);

        var streams = new List<NewStream> { new(conferenceId, [registered]) };
        var ids = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        var planned = new List<Meeting>();
        foreach (var (day, date) in days)
        foreach (var m in day.Meetings)
        {
            if (ids.ContainsKey(m.Code)) return Refuse(m.Line, $"the code {m.Code} is used by two meetings; each meeting needs its own.");
            var agendaItem = m.AgendaItem ?? file.AgendaItem;
            if (string.IsNullOrWhiteSpace(agendaItem))
                return Refuse(m.Line, $"'{m.Title}' has no agendaItem, and the conference gives none for its meetings.");
            var id = DerivedId(command.CommandId, $"meeting:{m.Code.ToUpperInvariant()}");
            var scheduled = Timetable.Decide(
                new ScheduleMeeting(id, m.Kind, m.Title, m.Room, At(date, m.Start, zone), At(date, m.End, zone), agendaItem, file.TimeZone,
                    conferenceId, m.Code, m.Segments.Select(s => new MeetingSegment(s.Title, At(date, s.Start, zone), At(date, s.End, zone))).ToList()),
                conference, [.. existing, .. planned], now);
            if (scheduled.Refusal is { } refusal) return (null, refusal with { Detail = $"Line {m.Line}: {refusal.Detail}" });
            var meetingScheduled = (MeetingScheduled)scheduled.Events[0];

            var events = new List<object> { meetingScheduled };
            foreach (var (statement, order) in m.PreArranged.Select((s, i) => (s, i + 1)))
            {
                if (!ParticipantCode.TryParse(statement.Participant, out var code) || participants(code) is not { } speaker)
                    return Refuse(statement.Line, $"unknown participant '{statement.Participant}' in the statements arranged for '{m.Title}'. Use a code from GET /api/participants.");
                var inscriptionId = DerivedId(id, $"pre-arranged:{order}");
                events.Add(new SpeakerInscribed(id, inscriptionId, inscriptionId,
                    Speaker.Of(speaker, LevelOfRepresentation.Other, statement.SpeakerName ?? speaker.Name, statement.SpeakerTitle ?? speaker.Name),
                    EntryKind.PreArranged, now, ArrangedOrder: order, AllottedSecondsOverride: statement.Seconds));
            }
            ids[m.Code] = id;
            planned.Add(Meeting.For(meetingScheduled));
            streams.Add(new NewStream(id, events));
        }
        return (new ImportedProgramme(conferenceId, streams, ids), null);
    }

    /// <summary>The first day that dates the file so that its earliest day falls on <paramref name="earliest"/>.</summary>
    public static DateOnly FirstDayFor(ProgrammeFile file, DateOnly earliest) =>
        Weekdays.Add(earliest, -Math.Min(0, file.Days.Where(d => d.Date is null).Select(d => d.Offset ?? 0).DefaultIfEmpty(0).Min()));

    /// <summary>A local time at the venue on a date, with the venue's offset that day.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>An id derived from another and a name (name-based, like a UUID v5): the same import gives the same ids.</summary>
    public static Guid DerivedId(Guid parent, string name)
    {
        var hash = SHA256.HashData([.. parent.ToByteArray(), .. Encoding.UTF8.GetBytes(name)]);
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static (ImportedProgramme?, Refusal?) Refuse(int line, string detail) =>
        (null, Timetable.Invalid($"Line {line}: {detail}"));
}
