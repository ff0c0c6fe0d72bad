using System.Text.Json;

namespace SpeakersList.Server.SpeakersLists;

/// <summary>Figures for one group of speakers. Times in seconds; an overrun is a speech longer than its limit (with extensions).</summary>
public sealed record SpeakingFigures(
    string Group, int SpeakersHeard, double SpokenSeconds, int AllottedSeconds, int Overruns, double OverrunSeconds, int PointsOfOrder);

/// <summary>
/// A meeting's statistics, computed from its list as projected from the events: speakers heard, time used against
/// time allotted, overruns and points of order, in all and by category and regional group of the participant
/// (participants without a regional group, such as observers and organizations, are under "none").
/// </summary>
public sealed record MeetingStatistics(
    Guid MeetingId,
    long Version,
    MeetingStatus Status,
    int Inscribed,
    int Waiting,
    int SpeakersHeard,
    int AbsentWhenCalled,
    double SpokenSeconds,
    int AllottedSeconds,
    int Overruns,
    double OverrunSeconds,
    int PointsOfOrder,
    double PointsOfOrderSeconds,
    IReadOnlyList<SpeakingFigures> ByCategory,
    IReadOnlyList<SpeakingFigures> ByRegionalGroup)
{
    public const string NoGroup = "none";

    public static MeetingStatistics From(ListOfSpeakers list, IReadOnlyDictionary<ParticipantCode, Participant> participants)
    {
        var heard = list.Entries.Where(x => x.State == EntryState.Heard).ToList();
        var points = list.Floor.PointsOfOrder;
        string Category(ParticipantCode code) => participants.TryGetValue(code, out var p) ? Name(p.Category.ToString()) : NoGroup;
        string Region(ParticipantCode code) => participants.TryGetValue(code, out var p) && p.RegionalGroup is { } g ? Name(g.ToString()) : NoGroup;

        var total = Figures("all", heard, points.Count);
        return new MeetingStatistics(
            list.Id, list.Version, list.Floor.Status,
            list.Active.Count(), list.Active.Count(x => x.IsWaiting), heard.Count, list.Floor.AbsentWhenCalled.Count,
            total.SpokenSeconds, total.AllottedSeconds, total.Overruns, total.OverrunSeconds,
            points.Count, points.Sum(x => (x.ConcludedAt - x.RaisedAt).TotalSeconds),
            By(heard, points, Category), By(heard, points, Region));
    }

    private static List<SpeakingFigures> By(List<Entry> heard, IReadOnlyList<PointOfOrderHeard> points, Func<ParticipantCode, string> group) =>
        heard.Select(x => group(x.Speaker.Participant)).Concat(points.Select(x => group(x.Participant))).Distinct().Order(StringComparer.Ordinal)
            .Select(key => Figures(key, heard.Where(x => group(x.Speaker.Participant) == key).ToList(), points.Count(x => group(x.Participant) == key)))
            .ToList();

    private static SpeakingFigures Figures(string group, List<Entry> heard, int pointsOfOrder)
    {
        var overruns = heard.Select(x => (x.Spoken ?? TimeSpan.Zero).TotalSeconds - (x.FloorAllottedSeconds ?? 0)).Where(x => x > 0).ToList();
        return new SpeakingFigures(group, heard.Count, heard.Sum(x => (x.Spoken ?? TimeSpan.Zero).TotalSeconds),
            heard.Sum(x => x.FloorAllottedSeconds ?? 0), overruns.Count, overruns.Sum(), pointsOfOrder);
    }

    private static string Name(string value) => JsonNamingPolicy.CamelCase.ConvertName(value);
}

public static class StatisticsQueries
{
    /// <summary>A meeting's statistics: speakers heard, time used against time allotted, overruns, points of order; by category and regional group.</summary>
    [WolverineGet("/api/meetings/{meetingId}/statistics", OperationId = "GetMeetingStatistics")]
    [ProducesResponseType<MeetingStatistics>(200)]
    public static async Task<IResult> Get(Guid meetingId, IQuerySession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ListOfSpeakers>(meetingId, cancellation) is not { } list)
            return Refusal.NoMeeting(meetingId).ToResult();
        var participants = await session.LoadParticipantsAsync(
            list.Entries.Select(x => x.Speaker.Participant).Concat(list.Floor.PointsOfOrder.Select(x => x.Participant)), cancellation);
        return Results.Ok(MeetingStatistics.From(list, participants));
    }
}
