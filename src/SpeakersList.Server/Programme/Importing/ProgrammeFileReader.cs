using System.Globalization;

namespace SpeakersList.Server.Programme.Importing;

/// <summary>
/// Reads a programme file (YAML or JSON, the same shape; see Seed/hld-2013.yaml) into a
/// <see cref="ProgrammeFile"/>. Anything malformed is a <see cref="FileProblem"/> naming its line.
/// </summary>
public static class ProgrammeFileReader
{
    private static readonly string[] TopFields = ["conference", "rooms", "days"];
    private static readonly string[] ConferenceFields = ["name", "venue", "timeZone", "firstDay", "agendaItem"];
    private static readonly string[] DayFields = ["day", "date", "title", "meetings"];
    private static readonly string[] MeetingFields = ["code", "kind", "title", "room", "start", "end", "agendaItem", "segments", "preArranged"];
    private static readonly string[] SegmentFields = ["title", "start", "end"];
    private static readonly string[] StatementFields = ["participant", "speaker", "speakerTitle", "minutes"];

    public static ProgrammeFile Read(string text, FileFormat format)
    {
        var root = Map(FileNodes.Parse(text, format), "the file", TopFields);
        var conference = Map(Required(root, "conference", "the file"), "conference", ConferenceFields);
        return new ProgrammeFile(
            Text(conference, "name", "conference", 300)!,
            Text(conference, "venue", "conference", 300, required: false) ?? "United Nations Headquarters, New York",
            Text(conference, "timeZone", "conference", 100, required: false) ?? VenueClock.Headquarters,
            Date(conference, "firstDay", "conference"),
            Text(conference, "agendaItem", "conference", 200, required: false),
            List(Required(root, "rooms", "the file"), "rooms").Items.Select(r => Scalar(r, "a room", 100)).ToList(),
            List(Required(root, "days", "the file"), "days").Items.Select(ReadDay).ToList(),
            conference.Line);
    }

    private static DayInFile ReadDay(FileNode node)
    {
        var day = Map(node, "a day", DayFields);
        var offset = day["day"] is { } d ? Integer(d, "day") : (int?)null;
        var date = Date(day, "date", "a day");
        if (offset is null == date is null)
            throw new FileProblem(day.Line, "a day needs either date (2013-09-24) or day (weekdays from the first day: 0 the first day, -1 the weekday before), not both.");
        return new DayInFile(offset, date, Text(day, "title", "a day", 300)!,
            day["meetings"] is { } meetings ? List(meetings, "meetings").Items.Select(ReadMeeting).ToList() : [], day.Line);
    }

    private static MeetingInFile ReadMeeting(FileNode node)
    {
        var meeting = Map(node, "a meeting", MeetingFields);
        var kindNode = Required(meeting, "kind", "a meeting");
        var kindText = Scalar(kindNode, "kind", 20);
        if (!Enum.TryParse<MeetingKind>(kindText, ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || char.IsDigit(kindText[0]))
            throw new FileProblem(kindNode.Line, $"kind '{kindText}' is not one of plenary, roundTable, hearing.");
        var (start, end) = (Time(meeting, "start", "a meeting"), Time(meeting, "end", "a meeting"));
        if (end <= start) throw new FileProblem(meeting.Line, "a meeting must end after it starts.");
        return new MeetingInFile(
            Text(meeting, "code", "a meeting", 20)!,
            kind,
            Text(meeting, "title", "a meeting", 300)!,
            Text(meeting, "room", "a meeting", 100)!,
            start,
            end,
            Text(meeting, "agendaItem", "a meeting", 200, required: false),
            meeting["segments"] is { } segments ? List(segments, "segments").Items.Select(ReadSegment).ToList() : [],
            meeting["preArranged"] is { } statements ? List(statements, "preArranged").Items.Select(ReadStatement).ToList() : [],
            meeting.Line);
    }

    private static SegmentInFile ReadSegment(FileNode node)
    {
        var segment = Map(node, "a segment", SegmentFields);
        return new SegmentInFile(Text(segment, "title", "a segment", 300)!, Time(segment, "start", "a segment"), Time(segment, "end", "a segment"), segment.Line);
    }

    private static StatementInFile ReadStatement(FileNode node)
    {
        var statement = Map(node, "a pre-arranged statement", StatementFields);
        int? seconds = null;
        if (statement["minutes"] is { } minutesNode)
        {
            var text = Scalar(minutesNode, "minutes", 10);
            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var minutes) || minutes < 0.5m || minutes > 60)
                throw new FileProblem(minutesNode.Line, $"minutes '{text}' must be a number from 0.5 to 60.");
            seconds = (int)Math.Round(minutes * 60);
        }
        return new StatementInFile(Text(statement, "participant", "a pre-arranged statement", 20)!,
            Text(statement, "speaker", "a pre-arranged statement", 200, required: false),
            Text(statement, "speakerTitle", "a pre-arranged statement", 200, required: false), seconds, statement.Line);
    }

    private static MapNode Map(FileNode node, string what, string[] fields)
    {
        if (node is not MapNode map) throw new FileProblem(node.Line, $"{what} must be a mapping of fields ({string.Join(", ", fields)}).");
        if (map.Entries.FirstOrDefault(e => !fields.Contains(e.Key)) is { Key: { } unknown, Value: var value })
            throw new FileProblem(value.Line, $"unknown field '{unknown}' in {what}; the fields are {string.Join(", ", fields)}.");
        if (map.Entries.GroupBy(e => e.Key).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new FileProblem(twice.Last().Value.Line, $"the field '{twice.Key}' is given twice in {what}.");
        return map;
    }

    private static ListNode List(FileNode node, string what) =>
        node as ListNode ?? throw new FileProblem(node.Line, $"{what} must be a list.");

    private static FileNode Required(MapNode map, string field, string what) =>
        map[field] ?? throw new FileProblem(map.Line, $"{what} has no {field}.");

    private static string Scalar(FileNode node, string what, int max) => node switch
    {
        ScalarNode { Value: { } value } when !string.IsNullOrWhiteSpace(value) && value.Length <= max => value.Trim(),
        ScalarNode { Value: { Length: > 0 } value } when value.Length > max => throw new FileProblem(node.Line, $"{what} is longer than {max} characters."),
        ScalarNode => throw new FileProblem(node.Line, $"{what} is empty."),
        _ => throw new FileProblem(node.Line, $"{what} must be a single value, not a list or a mapping."),
    };

    private static string? Text(MapNode map, string field, string what, int max, bool required = true) =>
        map[field] switch
        {
            null when required => throw new FileProblem(map.Line, $"{what} has no {field}."),
            null or ScalarNode { Value: null } when !required => null,
            var node => Scalar(node!, field, max),
        };

    private static int Integer(FileNode node, string what)
    {
        var text = Scalar(node, what, 10);
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= 60
            ? value
            : throw new FileProblem(node.Line, $"{what} '{text}' must be a whole number of weekdays, from -60 to 60.");
    }

    private static DateOnly? Date(MapNode map, string field, string what)
    {
        if (map[field] is not { } node || node is ScalarNode { Value: null }) return null;
        var text = Scalar(node, field, 10);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FileProblem(node.Line, $"{field} '{text}' in {what} is not a date (yyyy-MM-dd).");
    }

    private static TimeOnly Time(MapNode map, string field, string what)
    {
        var node = Required(map, field, what);
        var text = Scalar(node, field, 5);
        return TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FileProblem(node.Line, $"{field} '{text}' in {what} is not a time of day (HH:mm, such as 10:00 or 15:30).");
    }
}
