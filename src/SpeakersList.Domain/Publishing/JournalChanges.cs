using System.Globalization;
using SpeakersList.Programme;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Publishing;

/// <summary>A change to a meeting since the Journal's cut-off, printed beside the list as it was published.</summary>
public abstract record JournalChange
{
    public sealed record ScheduledAfterCutOff : JournalChange;

    public sealed record NewTime(DateTimeOffset Start, DateTimeOffset End) : JournalChange;

    public sealed record NewRoom(string Room) : JournalChange;

    public sealed record Cancelled : JournalChange;

    public sealed record ListClosed : JournalChange;

    public sealed record ListReopened : JournalChange;

    /// <summary>The line the Journal prints, times on the venue's clock.</summary>
    public string Sentence(TimeZoneInfo venue) => this switch
    {
        ScheduledAfterCutOff => "Scheduled after the cut-off.",
        NewTime x => $"Now {Clock(venue, x.Start)}–{Clock(venue, x.End)}.",
        NewRoom x => $"Now in {x.Room}.",
        Cancelled => "Cancelled.",
        ListClosed => "The list has since been closed.",
        ListReopened => "The list has since been reopened.",
        _ => throw new InvalidOperationException($"No sentence for {GetType().Name}."),
    };

    private static string Clock(TimeZoneInfo venue, DateTimeOffset at) => venue.LocalTime(at).ToString("HH:mm", CultureInfo.InvariantCulture);
}

public static class JournalChanges
{
    /// <summary>
    /// A meeting's list as the Journal published it ("then", null when the meeting was scheduled after the cut-off)
    /// against the list as it stands when the Journal is read ("now", null before the cut-off has passed).
    /// </summary>
    public static IReadOnlyList<JournalChange> Since(ListOfSpeakers? then, ListOfSpeakers? now)
    {
        if (now is null) return [];
        if (then is null) return [new JournalChange.ScheduledAfterCutOff()];
        var changes = new List<JournalChange>();
        var (was, @is) = (then.Meeting.Details, now.Meeting.Details);
        if (@is.Start != was.Start || @is.End != was.End) changes.Add(new JournalChange.NewTime(@is.Start, @is.End));
        if (@is.Room != was.Room) changes.Add(new JournalChange.NewRoom(@is.Room));
        if (now.Meeting.Cancelled && !then.Meeting.Cancelled) changes.Add(new JournalChange.Cancelled());
        if (now.Closed != then.Closed) changes.Add(now.Closed ? new JournalChange.ListClosed() : new JournalChange.ListReopened());
        return changes;
    }
}
