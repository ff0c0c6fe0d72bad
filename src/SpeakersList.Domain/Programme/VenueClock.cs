namespace SpeakersList.Programme;

/// <summary>
/// The venue's clock: meetings are scheduled, shown and dated in the time zone of the venue (UN Headquarters:
/// America/New_York), whatever the server's own zone. The one place where a time zone is looked up and applied.
/// </summary>
public static class VenueClock
{
    public const string Headquarters = "America/New_York";

    /// <summary>The venue's time zone by its IANA name; UTC for a name this machine does not know.</summary>
    public static TimeZoneInfo Zone(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public static bool Knows(string timeZone) => TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _);

    /// <summary>The moment as the venue's clocks show it (the same instant, with the venue's offset).</summary>
    public static DateTimeOffset LocalTime(this TimeZoneInfo venue, DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, venue);

    /// <summary>The date at the venue.</summary>
    public static DateOnly DateOf(this TimeZoneInfo venue, DateTimeOffset at) => DateOnly.FromDateTime(venue.LocalTime(at).DateTime);
}
