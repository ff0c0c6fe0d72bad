namespace SpeakersList.Programme;

// A programme as an import file states it (YAML or JSON), before it is dated. Every element keeps
// the line it was read from, so that a refusal can say where the file is wrong.

/// <param name="FirstDay">The date of day 0, when the file dates itself; an import may set another.</param>
/// <param name="AgendaItem">The agenda item of the meetings that do not name their own.</param>
public sealed record ProgrammeFile(
    string Name,
    string Venue,
    string TimeZone,
    DateOnly? FirstDay,
    string? AgendaItem,
    IReadOnlyList<string> Rooms,
    IReadOnlyList<DayInFile> Days,
    int Line);

/// <summary>A day, dated absolutely (Date) or by the number of weekdays from the first day (Offset: -1 the weekday before, 1 the weekday after).</summary>
public sealed record DayInFile(int? Offset, DateOnly? Date, string Title, IReadOnlyList<MeetingInFile> Meetings, int Line);

/// <param name="Code">The meeting's short name in the file, unique in it (PL1, RT-I): its id is derived from it.</param>
public sealed record MeetingInFile(
    string Code,
    MeetingKind Kind,
    string Title,
    string Room,
    TimeOnly Start,
    TimeOnly End,
    string? AgendaItem,
    IReadOnlyList<SegmentInFile> Segments,
    IReadOnlyList<StatementInFile> PreArranged,
    int Line);

public sealed record SegmentInFile(string Title, TimeOnly Start, TimeOnly End, int Line);

/// <summary>A statement arranged in the programme, such as the opening statements (para 54); in the order of the file.</summary>
public sealed record StatementInFile(string Participant, string? SpeakerName, string? SpeakerTitle, int? Seconds, int Line);

/// <summary>Counting in weekdays, as programmes are dated: Saturday and Sunday are skipped.</summary>
public static class Weekdays
{
    public static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public static DateOnly Add(DateOnly date, int weekdays)
    {
        var step = Math.Sign(weekdays);
        for (var left = Math.Abs(weekdays); left > 0;)
        {
            date = date.AddDays(step);
            if (IsWeekday(date)) left--;
        }
        return date;
    }

    /// <summary>The first weekday after <paramref name="today"/>.</summary>
    public static DateOnly Next(DateOnly today) => Add(today, 1);
}
