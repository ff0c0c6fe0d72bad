using System.Text;
using System.Text.Json;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.Programme;
using SpeakersList.Server.Publishing.Records;

namespace SpeakersList.Server.Publishing.Statistics;

/// <summary>
/// One line of the statistics export: a meeting (or the conference) and a group of speakers (all, a regional group,
/// a category of participant, a level of representation). Heard, time and overruns are the floor's own figures
/// (<see cref="MeetingStatistics"/>); inscribed and not reached count the list's inscriptions.
/// </summary>
public sealed record StatisticsCsvLine(
    string Meeting, string MeetingTitle, string Dimension, string Group, int Inscribed, int Heard, int NotReached,
    double SpokenSeconds, int AllottedSeconds, int Overruns, double OverrunSeconds, int PointsOfOrder);

public static class StatisticsCsv
{
    public const string Conference = "conference";

    /// <summary>The lines of one meeting.</summary>
    public static IReadOnlyList<StatisticsCsvLine> Of(ListOfSpeakers list, IReadOnlyDictionary<ParticipantCode, Participant> participants)
    {
        var statistics = MeetingStatistics.From(list, participants);
        var forecast = Forecast.Of(list, Forecast.NextFree(list)).Entries.ToDictionary(f => f.Ordered.Entry.InscriptionId);
        var adjourned = list.Floor.Status == MeetingStatus.Adjourned;
        // Not reached: still waiting (or absent) when the meeting was adjourned, carried over; before then, forecast past the scheduled end.
        bool NotReached(Entry e) => e.State == EntryState.CarriedOver
            || (adjourned ? e.State is EntryState.Waiting or EntryState.Absent
                : e.IsWaiting && forecast.TryGetValue(e.InscriptionId, out var f) && !f.ReachedBeforeEnd);
        var inscribed = list.Entries.Where(e => e.State != EntryState.Withdrawn).ToList();

        string Category(ParticipantCode code) => participants.TryGetValue(code, out var p) ? Name(p.Category.ToString()) : MeetingStatistics.NoGroup;
        string Region(ParticipantCode code) => participants.TryGetValue(code, out var p) && p.RegionalGroup is { } g ? Name(g.ToString()) : MeetingStatistics.NoGroup;

        StatisticsCsvLine Line(string dimension, SpeakingFigures figures, Func<Entry, bool> member) => new(
            list.Id.ToString(), list.Meeting.Details.Title, dimension, figures.Group, inscribed.Count(member), figures.SpeakersHeard, inscribed.Where(member).Count(NotReached),
            figures.SpokenSeconds, figures.AllottedSeconds, figures.Overruns, figures.OverrunSeconds, figures.PointsOfOrder);

        var lines = new List<StatisticsCsvLine>
        {
            Line("all", new SpeakingFigures("all", statistics.SpeakersHeard, statistics.SpokenSeconds, statistics.AllottedSeconds, statistics.Overruns,
                statistics.OverrunSeconds, statistics.PointsOfOrder), _ => true),
        };
        lines.AddRange(Groups("regionalGroup", statistics.ByRegionalGroup, inscribed.Select(e => Region(e.Speaker.Participant)))
            .Select(g => Line("regionalGroup", g, e => Region(e.Speaker.Participant) == g.Group)));
        lines.AddRange(Groups("category", statistics.ByCategory, inscribed.Select(e => Category(e.Speaker.Participant)))
            .Select(g => Line("category", g, e => Category(e.Speaker.Participant) == g.Group)));
        lines.AddRange(ByLevel(list).Select(g => Line("level", g, e => Name(e.Speaker.Level.ToString()) == g.Group)));
        return lines;
    }

    /// <summary>The conference's lines: the meetings' lines added up by dimension and group.</summary>
    public static IReadOnlyList<StatisticsCsvLine> Total(IEnumerable<StatisticsCsvLine> lines) =>
        lines.GroupBy(l => (l.Dimension, l.Group))
            .Select(g => new StatisticsCsvLine(Conference, "All meetings", g.Key.Dimension, g.Key.Group, g.Sum(x => x.Inscribed), g.Sum(x => x.Heard),
                g.Sum(x => x.NotReached), g.Sum(x => x.SpokenSeconds), g.Sum(x => x.AllottedSeconds), g.Sum(x => x.Overruns), g.Sum(x => x.OverrunSeconds),
                g.Sum(x => x.PointsOfOrder)))
            .OrderBy(l => Order(l.Dimension)).ThenBy(l => l.Group, StringComparer.Ordinal).ToList();

    // The floor's figures for the groups that have any, and empty figures for groups that only have inscriptions.
    private static IEnumerable<SpeakingFigures> Groups(string dimension, IReadOnlyList<SpeakingFigures> heard, IEnumerable<string> inscribed) =>
        heard.Concat(inscribed.Distinct().Where(g => heard.All(h => h.Group != g)).Select(g => new SpeakingFigures(g, 0, 0, 0, 0, 0, 0)))
            .OrderBy(g => g.Group, StringComparer.Ordinal);

    // By level of representation, with the same definitions as the floor's figures (MeetingStatistics); points of order have no level.
    private static IEnumerable<SpeakingFigures> ByLevel(ListOfSpeakers list) =>
        list.Entries.Where(e => e.State != EntryState.Withdrawn).GroupBy(e => e.Speaker.Level).OrderBy(g => g.Key).Select(g =>
        {
            var heard = g.Where(e => e.State == EntryState.Heard).ToList();
            var overruns = heard.Select(x => (x.Spoken ?? TimeSpan.Zero).TotalSeconds - (x.FloorAllottedSeconds ?? 0)).Where(x => x > 0).ToList();
            return new SpeakingFigures(Name(g.Key.ToString()), heard.Count, heard.Sum(x => (x.Spoken ?? TimeSpan.Zero).TotalSeconds),
                heard.Sum(x => x.FloorAllottedSeconds ?? 0), overruns.Count, overruns.Sum(), 0);
        });

    private static int Order(string dimension) => dimension switch { "all" => 0, "regionalGroup" => 1, "category" => 2, _ => 3 };

    private static string Name(string value) => JsonNamingPolicy.CamelCase.ConvertName(value);

    private static Task<IReadOnlyDictionary<ParticipantCode, Participant>> ParticipantsAsync(IQuerySession session, IEnumerable<ListOfSpeakers> lists,
        CancellationToken cancellation) =>
        session.LoadParticipantsAsync(
            lists.SelectMany(l => l.Entries.Select(x => x.Speaker.Participant).Concat(l.Floor.PointsOfOrder.Select(x => x.Participant))), cancellation);

    private static IResult File(IEnumerable<StatisticsCsvLine> lines, string name) =>
        Results.File(Encoding.UTF8.GetBytes(Csv.Write(lines)), "text/csv; charset=utf-8", name);

    /// <summary>A meeting's statistics as CSV: heard, not reached, time used against allotted; in all, by regional group, category and level.</summary>
    [WolverineGet("/api/meetings/{meetingId}/statistics.csv", OperationId = "GetMeetingStatisticsCsv")]
    [Produces("text/csv")]
    public static async Task<IResult> Meeting(Guid meetingId, IQuerySession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ListOfSpeakers>(meetingId, cancellation) is not { } list)
            return Refusal.NoMeeting(meetingId).ToResult();
        return File(Of(list, await ParticipantsAsync(session, [list], cancellation)), $"statistics-{meetingId}.csv");
    }

    /// <summary>
    /// The whole conference's statistics as CSV (without conferenceId, the latest): each meeting's lines, then the
    /// conference's lines (meeting "conference") that add them up.
    /// </summary>
    [WolverineGet("/api/programme/statistics.csv", OperationId = "GetConferenceStatisticsCsv")]
    [Produces("text/csv")]
    public static async Task<IResult> WholeConference([FromQuery] Guid? conferenceId, IQuerySession session, CancellationToken cancellation)
    {
        if (await ProgrammeQueries.ConferenceAsync(session, conferenceId, cancellation) is not { } conference)
            return ProgrammeQueries.NoConference(conferenceId);
        var meetings = (await ProgrammeQueries.MeetingsOfAsync(session, conference.Id, cancellation)).OrderBy(m => m.Details.Start).ToList();
        var lists = (await session.LoadManyAsync<ListOfSpeakers>(cancellation, meetings.Select(m => m.Id).ToArray()))
            .OrderBy(l => l.ScheduledStart).ThenBy(l => l.Meeting.Details.Room).ToList();
        var participants = await ParticipantsAsync(session, lists, cancellation);
        var lines = lists.SelectMany(l => Of(l, participants)).ToList();
        return File(lines.Concat(Total(lines)), "statistics-conference.csv");
    }
}
