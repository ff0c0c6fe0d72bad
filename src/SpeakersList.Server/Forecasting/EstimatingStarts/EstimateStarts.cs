using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace SpeakersList.Server.Forecasting.EstimatingStarts;

/// <summary>A speech of an earlier meeting.</summary>
public sealed record HistorySpeech(Guid MeetingId, LevelOfRepresentation? Level, EntryKind Kind, bool OnBehalfOfGroup, int AllottedSeconds, double UsedSeconds);

/// <summary>A speech of this meeting, in the order spoken.</summary>
public sealed record HeardSpeech(LevelOfRepresentation? Level, EntryKind Kind, bool OnBehalfOfGroup, int AllottedSeconds, double UsedSeconds);

/// <summary>A speaker still to come, in speaking order. <c>knownSeconds</c>: a length known in advance (a video), taken as it is.</summary>
public sealed record WaitingSpeaker(LevelOfRepresentation? Level, EntryKind Kind, bool OnBehalfOfGroup, int AllottedSeconds, int? KnownSeconds = null);

/// <summary>What the forecaster needs: earlier meetings' speeches, this meeting's so far, and who is still to speak.</summary>
public sealed record EstimateStarts(int ChangeOverSeconds, IReadOnlyList<HistorySpeech>? History, IReadOnlyList<HeardSpeech>? Heard, IReadOnlyList<WaitingSpeaker> Waiting);

/// <summary>One waiting speaker's likely start, in seconds from the moment the floor is next free.</summary>
public sealed record StartEstimate(double P50Seconds, double P90Seconds);

public sealed record StartEstimates(IReadOnlyList<StartEstimate> Starts);

/// <summary>
/// The forecaster the live list uses, over HTTP: for planners, and for checking it on past records. Public (a pure
/// computation that reads and keeps nothing) but limited per address, since a large body costs CPU.
/// </summary>
public static class EstimateStartsEndpoint
{
    public const int MaxBytes = 1024 * 1024;
    private const int MaxSeconds = 24 * 3600;

    public static ProblemDetails Validate(EstimateStarts request)
    {
        var range = $"allottedSeconds must be between 1 and {MaxSeconds}";
        if (request.ChangeOverSeconds is < 0 or > 3600) return Refusals.BadRequest("changeOverSeconds must be between 0 and 3600.");
        foreach (var (name, items) in new (string, IReadOnlyList<object?>?)[] { ("history", request.History), ("heard", request.Heard), ("waiting", request.Waiting) })
            if (items?.Select((x, i) => (x, i)).Where(x => x.x is null).Select(x => (int?)x.i).FirstOrDefault() is { } at)
                return Refusals.BadRequest($"{name}[{at}] is null: each speech is an object.");
        if (Bad(request.History?.Select(s => (s.AllottedSeconds, s.UsedSeconds))) is { } h)
            return Refusals.BadRequest($"history[{h}]: {range}, usedSeconds between 0 and {MaxSeconds}.");
        if (request.History?.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.MeetingId == Guid.Empty) is { s: not null } noMeeting)
            return Refusals.BadRequest($"history[{noMeeting.i}]: meetingId is required (the speeches of one meeting run long or short together).");
        if (Bad(request.Heard?.Select(s => (s.AllottedSeconds, s.UsedSeconds))) is { } r)
            return Refusals.BadRequest($"heard[{r}]: {range}, usedSeconds between 0 and {MaxSeconds}.");
        if (Bad(request.Waiting.Select(s => (s.AllottedSeconds, (double)(s.KnownSeconds ?? 0)))) is { } w)
            return Refusals.BadRequest($"waiting[{w}]: {range}, knownSeconds (when given) between 0 and {MaxSeconds}.");
        return WolverineContinue.NoProblems;
    }

    private static int? Bad(IEnumerable<(int Allotted, double Used)>? speeches) =>
        speeches?.Select((s, i) => (s, i)).Where(x => x.s.Allotted is < 1 or > MaxSeconds || x.s.Used is < 0 or > MaxSeconds || double.IsNaN(x.s.Used))
            .Select(x => (int?)x.i).FirstOrDefault();

    /// <summary>
    /// When each waiting speaker will likely start (median and 90th percentile, in seconds after the floor is next free:
    /// the first is 0), learned from the history's speeches by level and kind and from this meeting's pace so far.
    /// </summary>
    [AllowAnonymous, EnableRateLimiting(ForecastLimits.Policy), RequestSizeLimit(MaxBytes)]
    [WolverinePost("/api/forecasts/starts", OperationId = "EstimateStarts")]
    [ProducesResponseType<StartEstimates>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    [ProducesResponseType<ProblemDetails>(413)]
    [ProducesResponseType<ProblemDetails>(429)]
    public static StartEstimates Post(EstimateStarts request)
    {
        var model = SpeakingTimeModel.Learn((request.History ?? []).Select(s =>
            new SpokenSpeech(s.MeetingId, Category(s.Kind, s.OnBehalfOfGroup, s.Level), s.AllottedSeconds, s.UsedSeconds)));
        var meeting = Guid.NewGuid();
        var heard = (request.Heard ?? []).Select(s => new SpokenSpeech(meeting, Category(s.Kind, s.OnBehalfOfGroup, s.Level), s.AllottedSeconds, s.UsedSeconds));
        var waiting = request.Waiting.Select(s => new WaitingSpeech(Category(s.Kind, s.OnBehalfOfGroup, s.Level), s.AllottedSeconds, s.KnownSeconds)).ToList();
        return new StartEstimates(model.Starts(heard, waiting, request.ChangeOverSeconds)
            .Select(x => new StartEstimate(Math.Round(x.P50Seconds, 1), Math.Round(x.P90Seconds, 1))).ToList());
    }

    private static SpeechCategory Category(EntryKind kind, bool onBehalfOfGroup, LevelOfRepresentation? level) =>
        new(kind, onBehalfOfGroup && kind == EntryKind.Statement, level);
}
