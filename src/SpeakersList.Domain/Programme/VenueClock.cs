namespace SpeakersList.Programme;

/// <summary>
/// The venue's clock: meetings are scheduled, shown and dated in the time zone of the venue (UN Headquarters:
/// America/New_York), whatever the server's own zone. The one place where a time zone is looked up and applied.
/// </summary>
public static class VenueClock
{
    public const string Headquarters = "America/New_York";

    /// <summary>The venue's time zone by its IANA name; UTC for a name this machine does not know.</summary>
    public static TimeZoneInfo Zone(string? timeZone)
    {
        if (timeZone is null) return TimeZoneInfo.Utc;
        if (Zones.TryGetValue(timeZone, out var known)) return known;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)) return TimeZoneInfo.Utc;
        return Zones.GetOrAdd(timeZone, zone);
    }

    // The runtime's own lookup takes a lock at every call, and the order of a list asks for its venue's zone per entry.
    // Only the zones the machine knows are kept (a few hundred at most), not every name a request may carry.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TimeZoneInfo> Zones = new(StringComparer.Ordinal);

    public static bool Knows(string timeZone) => TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _);

    /// <summary>The moment as the venue's clocks show it (the same instant, with the venue's offset).</summary>
    public static DateTimeOffset LocalTime(this TimeZoneInfo venue, DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, venue);

    /// <summary>The date at the venue.</summary>
    public static DateOnly DateOf(this TimeZoneInfo venue, DateTimeOffset at) => DateOnly.FromDateTime(venue.LocalTime(at).DateTime);
}
