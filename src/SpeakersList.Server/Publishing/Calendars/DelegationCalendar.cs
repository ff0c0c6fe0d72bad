using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using SpeakersList.Publishing;
using SpeakersList.Server.Programme;

namespace SpeakersList.Server.Publishing.Calendars;

/// <summary>
/// iCalendar documents (RFC 5545): a delegation's slots and round-table seats, and the public programme.
/// Times are written in the venue's zone with its VTIMEZONE; SEQUENCE and LAST-MODIFIED come from the events only.
/// </summary>
public static class DelegationCalendar
{
    private const string ProductId = "-//SpeakersList//Speakers lists//EN";

    public static async Task<string> BuildAsync(IQuerySession session, ParticipantCode participantCode, CancellationToken cancellation)
    {
        var participant = await session.LoadParticipantAsync(participantCode, cancellation);
        var calendar = NewCalendar($"{participant?.Name ?? participantCode.Value}: speaking slots");
        var zones = new HashSet<string>();

        // Every meeting on whose list the delegation has ever been inscribed: its ledger, kept as the events landed.
        var meetingIds = await DelegationMeetingsProjection.MeetingsOfAsync(session, [participantCode], cancellation);
        var ledgers = meetingIds.Count == 0 ? [] : await session.LoadManyAsync<SlotLedger>(cancellation, meetingIds);
        foreach (var ledger in ledgers.OrderBy(l => l.List.ScheduledStart).ThenBy(l => l.Id))
        {
            var list = ledger.List;
            var zone = list.Meeting.Details.TimeZone;
            zones.Add(zone);
            foreach (var slot in ledger.Of(participantCode))
            {
                var entry = slot.Entry;
                var what = entry.Kind switch
                {
                    EntryKind.RightOfReply => "Right of reply",
                    EntryKind.PreArranged => "Statement (pre-arranged)",
                    _ => "Statement",
                };
                var notes = new List<string> { $"{entry.Speaker.SpeakerName}, {entry.Speaker.SpeakerTitle}" };
                if (entry.Speaker.OnBehalfOf is { } group) notes.Add($"On behalf of {group}");
                notes.Add(slot.Cancelled
                    ? entry.State == EntryState.CarriedOver ? "Carried over to the next meeting on the item." : "Withdrawn or cancelled."
                    : $"Estimated start; the list moves as the meeting goes. State: {entry.State}.");
                if (!slot.ReachedBeforeEnd && !slot.Cancelled) notes.Add("Not expected to be reached before the meeting ends.");
                calendar.Events.Add(Event(
                    uid: $"{slot.InscriptionId:N}-{slot.MeetingId:N}@speakerslist",
                    summary: $"{what}: {list.Meeting.Details.Title}",
                    description: string.Join("\n", notes),
                    location: list.Meeting.Details.Room,
                    start: slot.PublishedStart, seconds: slot.AllottedSeconds, zone: zone,
                    sequence: slot.Sequence, lastModified: slot.LastModified, cancelled: slot.Cancelled));
            }
        }

        // Round-table seats: the round table's time; revised when the round table moves or the seat is released.
        var conferences = await session.Query<Conference>().ToListAsync(cancellation);
        var seatEvents = new List<(Guid RoundTable, bool Allocated, DateTimeOffset At)>();
        seatEvents.AddRange((await session.Events.QueryRawEventDataOnly<RoundTableSeatAllocated>().ToListAsync(cancellation))
            .Where(x => x.Participant == participantCode).Select(x => (x.RoundTableId, true, x.At)));
        seatEvents.AddRange((await session.Events.QueryRawEventDataOnly<RoundTableSeatReleased>().ToListAsync(cancellation))
            .Where(x => x.Participant == participantCode).Select(x => (x.RoundTableId, false, x.At)));
        if (seatEvents.Count > 0)
        {
            var changes = await PublishingStore.MeetingChangesAsync(session, cancellation);
            foreach (var seat in seatEvents.GroupBy(x => x.RoundTable))
            {
                if (await session.LoadAsync<Meeting>(seat.Key, cancellation) is not { } roundTable) continue;
                var held = conferences.Any(c => c.SeatsAt(seat.Key).Any(s => s.Participant == participantCode));
                var change = changes.GetValueOrDefault(seat.Key);
                var last = seat.Max(x => x.At);
                var details = roundTable.Details;
                zones.Add(details.TimeZone);
                calendar.Events.Add(Event(
                    uid: $"seat-{seat.Key:N}-{participantCode.Value.ToLowerInvariant()}@speakerslist",
                    summary: $"Round table: {details.Title}",
                    description: held ? "The delegation has a seat at this round table." : "The delegation's seat was released.",
                    location: details.Room,
                    start: details.Start, seconds: (int)(details.End - details.Start).TotalSeconds, zone: details.TimeZone,
                    sequence: seat.Count() - 1 + change.Changes, lastModified: change.Last > last ? change.Last : last,
                    cancelled: !held || roundTable.Status == ProgrammeStatus.Cancelled));
            }
        }
        foreach (var zone in zones) calendar.AddTimeZone(new VTimeZone(zone));
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    public static Calendar NewCalendar(string name)
    {
        var calendar = new Calendar { ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", name);
        return calendar;
    }

    public static CalendarEvent Event(string uid, string summary, string description, string location, DateTimeOffset start, int seconds, string zone,
        int sequence, DateTimeOffset lastModified, bool cancelled)
    {
        var venue = VenueClock.Zone(zone);
        var local = venue.LocalTime(start);
        var end = local.AddSeconds(seconds);
        var modified = new CalDateTime(lastModified.UtcDateTime, "UTC");
        return new CalendarEvent
        {
            Uid = uid,
            Summary = summary,
            Description = description,
            Location = location,
            Start = new CalDateTime(DateTime.SpecifyKind(local.DateTime, DateTimeKind.Unspecified), zone),
            End = new CalDateTime(DateTime.SpecifyKind(end.DateTime, DateTimeKind.Unspecified), zone),
            Sequence = sequence,
            LastModified = modified,
            DtStamp = modified,
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
    }

}

public static class ProgrammeCalendarQueries
{
    /// <summary>
    /// The programme as a calendar (text/calendar): every meeting of the conference (without conferenceId, the latest),
    /// revised (SEQUENCE) each time it is rescheduled, moved or cancelled.
    /// </summary>
    [WolverineGet("/api/programme/calendar.ics", OperationId = "GetProgrammeCalendar")]
    [Produces("text/calendar")]
    public static async Task<IResult> Get([FromQuery] Guid? conferenceId, IQuerySession session, CancellationToken cancellation)
    {
        if (await ProgrammeQueries.ConferenceAsync(session, conferenceId, cancellation) is not { } conference)
            return ProgrammeQueries.NoConference(conferenceId);
        var meetings = await ProgrammeQueries.MeetingsOfAsync(session, conference.Id, cancellation);
        var changes = await PublishingStore.MeetingChangesAsync(session, cancellation);
        var calendar = DelegationCalendar.NewCalendar(conference.Name);
        foreach (var meeting in meetings.OrderBy(m => m.Details.Start))
        {
            var change = changes.GetValueOrDefault(meeting.Id);
            var scheduledAt = change.Changes > 0 ? change.Last : conference.RegisteredAt;
            var details = meeting.Details;
            calendar.Events.Add(DelegationCalendar.Event(
                uid: $"{meeting.Id:N}@speakerslist",
                summary: details.Title,
                description: details.AgendaItem + (meeting.CancellationReason is { } reason ? $"\nCancelled: {reason}" : ""),
                location: details.Room,
                start: details.Start, seconds: (int)(details.End - details.Start).TotalSeconds, zone: details.TimeZone,
                sequence: change.Changes, lastModified: scheduledAt, cancelled: meeting.Status == ProgrammeStatus.Cancelled));
        }
        foreach (var zone in meetings.Select(m => m.Details.TimeZone).Append(conference.TimeZone).Distinct())
            calendar.AddTimeZone(new VTimeZone(zone));
        return Results.Text(new CalendarSerializer().SerializeToString(calendar) ?? "", "text/calendar; charset=utf-8");
    }
}
