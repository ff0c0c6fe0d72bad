namespace SpeakersList.Programme;

/// <summary>
/// What a meeting is, where and when it is held, and on which agenda item: what the programme announces of it. The
/// meeting, the event that schedules it, its list of speakers and the programme's views each hold it whole.
/// </summary>
/// <param name="TimeZone">The venue's time zone (IANA), in which the meeting is dated and its times are shown.</param>
/// <param name="AgendaItem">Meetings on the same item share carry-over and rights of reply.</param>
public sealed record MeetingDetails(
    MeetingKind Kind,
    string Title,
    string Room,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    string AgendaItem)
{
    public TimeZoneInfo Venue() => VenueClock.Zone(TimeZone);

    /// <summary>The date of the meeting at the venue.</summary>
    public DateOnly LocalDate() => Venue().DateOf(Start);

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;

    /// <summary>The same details with the times as the venue's clocks show them, as views present them.</summary>
    public MeetingDetails AtVenue()
    {
        var venue = Venue();
        return this with { Start = venue.LocalTime(Start), End = venue.LocalTime(End) };
    }
}
