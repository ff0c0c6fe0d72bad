using SpeakersList.Programme;

namespace SpeakersList.Domain.Tests.Programme;

/// <summary>A meeting's details are dated and shown at the venue, whatever the offset its times were given in.</summary>
public class A_meetings_details
{
    // 22:30-23:30 in New York on 24 September 2013 is already 25 September in UTC.
    private static readonly MeetingDetails Late = new(MeetingKind.Hearing, "Informal hearing", "Conference Room 1",
        new DateTimeOffset(2013, 9, 25, 2, 30, 0, TimeSpan.Zero), new DateTimeOffset(2013, 9, 25, 3, 30, 0, TimeSpan.Zero),
        "America/New_York", "Civil society");

    [Fact]
    public void Are_dated_at_the_venue()
    {
        Assert.Equal(new DateOnly(2013, 9, 24), Late.LocalDate());
    }

    [Fact]
    public void Are_shown_with_the_venues_offset_at_the_same_instants()
    {
        var shown = Late.AtVenue();

        Assert.Equal(TimeSpan.FromHours(-4), shown.Start.Offset);
        Assert.Equal("2013-09-24T22:30:00-04:00", shown.Start.ToString("yyyy-MM-ddTHH:mm:sszzz"));
        Assert.Equal((Late.Start, Late.End), (shown.Start, shown.End));
        Assert.Equal(Late with { Start = default, End = default }, shown with { Start = default, End = default });
    }

    [Fact]
    public void Overlap_a_time_that_shares_a_moment_with_them_but_not_one_that_only_touches_them()
    {
        Assert.True(Late.Overlaps(Late.Start.AddMinutes(-30), Late.Start.AddMinutes(1)));
        Assert.True(Late.Overlaps(Late.Start.AddMinutes(10), Late.End.AddMinutes(-10)));
        Assert.False(Late.Overlaps(Late.End, Late.End.AddHours(1)));
        Assert.False(Late.Overlaps(Late.Start.AddHours(-1), Late.Start));
    }
}
