namespace SpeakersList.SpeakersLists;

/// <summary>What a speech is, for learning how long it runs: its kind (on behalf of a group is a kind of its own) and the speaker's level.</summary>
public readonly record struct SpeechCategory(EntryKind Kind, bool OnBehalfOfGroup, LevelOfRepresentation? Level)
{
    public static SpeechCategory Of(Entry entry) => new(entry.Kind, entry.Kind == EntryKind.Statement && entry.Speaker.OnBehalfOf is not null, entry.Speaker.Level);

    /// <summary>The kind alone: a group statement, a pre-arranged statement and a right of reply apart from a plain statement.</summary>
    public string KindKey => Names().Kind;

    public string Key => Names().Key;

    // Every forecast looks each waiting speech's category up by these names: worded once per category (a few dozen), not
    // at each look-up (an enum's name and an interpolation; a fifth of learning from 20,000 speeches, issue 25).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<SpeechCategory, (string Kind, string Key)> Named = new();

    private (string Kind, string Key) Names() => Named.GetOrAdd(this, static category =>
    {
        var kind = category.OnBehalfOfGroup && category.Kind == EntryKind.Statement ? "group" : category.Kind.ToString();
        return (kind, $"{kind}/{category.Level}");
    });
}

/// <summary>A speech already delivered: its allotted and used seconds. <paramref name="At"/> is when it ended, where known.</summary>
public sealed record SpokenSpeech(Guid MeetingId, SpeechCategory Category, int AllottedSeconds, double UsedSeconds, DateTimeOffset? At = null)
{
    /// <summary>log(used / allotted), kept within a factor of e³ either way so that one mistyped line cannot swamp the rest.</summary>
    public double LogRatio => Math.Clamp(Math.Log(Math.Max(UsedSeconds, 1) / Math.Max(AllottedSeconds, 1)), -3, 3);
}

/// <summary>A speaker still to come. <paramref name="KnownSeconds"/>: a length known in advance (a video): no uncertainty then.</summary>
public sealed record WaitingSpeech(SpeechCategory Category, int AllottedSeconds, int? KnownSeconds = null);

/// <summary>When a waiting speaker will likely start, in seconds after the floor is next free: the median and the 90th percentile.</summary>
public sealed record StartRange(double P50Seconds, double P90Seconds, double LogMean, double LogSd, double FixedSeconds)
{
    /// <summary>The chance that the speaker takes the floor within <paramref name="seconds"/> of the floor being free.</summary>
    public double ProbabilityWithin(double seconds)
    {
        var random = seconds - FixedSeconds;
        if (double.IsNegativeInfinity(LogMean)) return random >= 0 ? 1 : 0; // nothing uncertain before this speaker
        if (random <= 0) return 0;
        if (LogSd <= 0) return Math.Log(random) >= LogMean ? 1 : 0;
        return Normal.Cdf((Math.Log(random) - LogMean) / LogSd);
    }
}

/// <summary>
/// How long speakers really take, learned from the times actually spoken. A speech's log(used / allotted) is modelled as
/// its category's typical ratio (by kind and level, shrunk toward its kind and the whole history by empirical Bayes), plus
/// the meeting's pace (one effect shared by every speech of a meeting: a strict or a lax chair), plus the speech's own
/// noise. This meeting's speeches so far estimate its pace; before any, the pace is that of the history's meetings.
/// With nothing learned, a speech's expected length is its limit. Pure and deterministic: same history, same model.
/// </summary>
public sealed class SpeakingTimeModel
{
    // With nothing learned: a speech's own spread and the spread of meetings' paces (log scale), from GA practice
    // (speeches within ±30 % of their limit, meetings within ±20 % of one another).
    private const double DefaultSpeechVariance = 0.09, DefaultPaceVariance = 0.04;
    private const double PaceMemory = 0.95;

    private readonly IReadOnlyDictionary<string, double> byCategory, byKind;
    private readonly double overall;

    /// <summary>The variance of one speech's log ratio around its category and its meeting's pace.</summary>
    public double SpeechVariance { get; }
    /// <summary>The variance of a meeting's pace across meetings.</summary>
    public double PaceVariance { get; }
    /// <summary>How many speeches the model learned from.</summary>
    public int Speeches { get; }

    private SpeakingTimeModel(IReadOnlyDictionary<string, double> byCategory, IReadOnlyDictionary<string, double> byKind, double overall,
        double speechVariance, double paceVariance, int speeches)
    {
        (this.byCategory, this.byKind, this.overall) = (byCategory, byKind, overall);
        (SpeechVariance, PaceVariance, Speeches) = (speechVariance, paceVariance, speeches);
    }

    /// <summary>Nothing learned: every speech is expected to last its limit.</summary>
    public static readonly SpeakingTimeModel Limits = new(new Dictionary<string, double>(), new Dictionary<string, double>(),
        -DefaultSpeechVariance / 2, DefaultSpeechVariance, DefaultPaceVariance, 0);

    /// <summary>The typical log(used / allotted) of a category (its median ratio), falling back on its kind, then on all speeches.</summary>
    public double LogMedianRatio(SpeechCategory category) =>
        byCategory.TryGetValue(category.Key, out var c) ? c : byKind.TryGetValue(category.KindKey, out var k) ? k : overall;

    /// <summary>
    /// Learns from earlier meetings' speeches (in any order: the fit sorts them, so the model is the same for the same
    /// speeches). With <paramref name="before"/>, only those that had ended by then (a replay "as at" that moment);
    /// a speech without a time (a loaded record of an earlier session) always counts.
    /// </summary>
    public static SpeakingTimeModel Learn(IEnumerable<SpokenSpeech> history, DateTimeOffset? before = null)
    {
        var speeches = history.Where(s => s.AllottedSeconds > 0 && s.UsedSeconds > 0 && (before is null || s.At is null || s.At <= before))
            .OrderBy(s => s.MeetingId).ThenBy(s => s.Category.Key, StringComparer.Ordinal).ThenBy(s => s.AllottedSeconds).ThenBy(s => s.UsedSeconds)
            .ToList();
        if (speeches.Count < 3) return Limits;

        var meetings = speeches.Select(s => s.MeetingId).Distinct().ToList();
        var pace = meetings.ToDictionary(m => m, _ => 0.0);
        double speechVariance = DefaultSpeechVariance, paceVariance = DefaultPaceVariance, overall = 0;
        Dictionary<string, double> byKind = [], byCategory = [];

        // Each speech's ratio and names once, not in every round (the same values, in the same order).
        var ratios = speeches.Select(s => s.LogRatio).ToArray();
        var kindKeys = speeches.Select(s => s.Category.KindKey).ToArray();
        var keys = speeches.Select(s => s.Category.Key).ToArray();
        // Alternate: categories given the paces, paces given the categories (a few rounds settle it).
        for (var round = 0; round < 4; round++)
        {
            var residual = speeches.Select((s, i) => ratios[i] - pace[s.MeetingId]).ToList();
            overall = residual.Average();
            byKind = Shrunk(kindKeys.Select((key, i) => (key, residual[i])), _ => overall, speechVariance);
            var kinds = byKind;
            byCategory = Shrunk(keys.Select((key, i) => (key, residual[i])),
                key => kinds[key[..key.IndexOf('/')]], speechVariance);

            var categories = byCategory;
            var offMean = keys.Select((key, i) => ratios[i] - categories[key]).ToList();
            var perMeeting = speeches.Select((s, i) => (s.MeetingId, offMean[i])).GroupBy(x => x.MeetingId)
                .Select(g => (Meeting: g.Key, N: g.Count(), Mean: g.Average(x => x.Item2), Squares: g.Sum(x => x.Item2 * x.Item2))).ToList();
            var withinFreedom = perMeeting.Sum(m => m.N - 1);
            if (withinFreedom >= 2)
                speechVariance = Math.Max(0.005, perMeeting.Sum(m => m.Squares - m.N * m.Mean * m.Mean) / withinFreedom);
            if (perMeeting.Count >= 2)
                paceVariance = Math.Max(0.002,
                    perMeeting.Average(m => m.Mean * m.Mean) - speechVariance * perMeeting.Average(m => 1.0 / m.N));
            foreach (var m in perMeeting)
                pace[m.Meeting] = m.Mean * m.N / (m.N + speechVariance / paceVariance);
        }
        // The typical pace of the history's meetings belongs to the categories: a new meeting starts at pace 0.
        return new SpeakingTimeModel(byCategory, byKind, overall, speechVariance, paceVariance, speeches.Count);
    }

    /// <summary>Group means shrunk toward their parent by how much the groups really differ (empirical Bayes).</summary>
    private static Dictionary<string, double> Shrunk(IEnumerable<(string Key, double Value)> values, Func<string, double> parent, double noise)
    {
        var groups = values.GroupBy(x => x.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, N: g.Count(), Mean: g.Average(x => x.Value), Parent: parent(g.Key))).ToList();
        var between = groups.Count < 2 ? 0.01
            : Math.Max(0.002, groups.Average(g => (g.Mean - g.Parent) * (g.Mean - g.Parent)) - noise * groups.Average(g => 1.0 / g.N));
        return groups.ToDictionary(g => g.Key, g => g.Parent + (g.Mean - g.Parent) * g.N / (g.N + noise / between), StringComparer.Ordinal);
    }

    /// <summary>
    /// This meeting's pace from the speeches heard in it so far: its estimate (log scale, 0 = the history's typical pace)
    /// and the variance left around it: few speeches say little, many say much (a normal prior updated by each).
    /// </summary>
    public (double Pace, double Variance) PaceOf(IEnumerable<SpokenSpeech> heard)
    {
        // One speech far off its limit (a 57-minute statement) says little about the chair: clipped at two spreads (Huber).
        var clip = 2 * Math.Sqrt(SpeechVariance);
        var residuals = heard.Where(s => s.AllottedSeconds > 0 && s.UsedSeconds > 0)
            .Select(s => Math.Clamp(s.LogRatio - LogMedianRatio(s.Category), -clip, clip)).ToList();
        // A chair's pace drifts during a meeting: each speech counts a little less than the one after it.
        var precision = 1 / PaceVariance;
        var sum = 0.0;
        for (var i = 0; i < residuals.Count; i++)
        {
            var weight = Math.Pow(PaceMemory, residuals.Count - 1 - i);
            sum += weight * residuals[i] / SpeechVariance;
            precision += weight / SpeechVariance;
        }
        return (sum / precision, 1 / precision);
    }

    /// <summary>
    /// When each waiting speaker will likely start, in seconds from the moment the floor is next free (the first: 0).
    /// Given the meeting's pace, the speeches before a speaker add up to a sum whose spread is matched by a log-normal
    /// (Fenton-Wilkinson); the pace's own uncertainty is shared by all of them, so the range widens down the list and
    /// speeches run long or short together. The median is the expected sum at the median pace: with nothing learned
    /// and nothing heard, the limits added up.
    /// </summary>
    public IReadOnlyList<StartRange> Starts(IEnumerable<SpokenSpeech> heard, IReadOnlyList<WaitingSpeech> waiting, int changeOverSeconds)
    {
        var scan = StartOfScan(heard, changeOverSeconds);
        var starts = new List<StartRange>(waiting.Count);
        foreach (var speech in waiting)
        {
            starts.Add(scan.Start);
            scan = After(scan, speech);
        }
        return starts;
    }

    /// <summary>The sums <see cref="Starts"/> runs down the list with, before its first waiting speaker.</summary>
    public StartScan StartOfScan(IEnumerable<SpokenSpeech> heard, int changeOverSeconds)
    {
        var (pace, paceVariance) = PaceOf(heard);
        return new StartScan(pace, paceVariance, changeOverSeconds, 0, 0, 0);
    }

    /// <summary>The sums once <paramref name="speech"/> is added: where the speaker after it starts.</summary>
    public StartScan After(StartScan scan, WaitingSpeech speech)
    {
        var fixedSeconds = scan.FixedSeconds + scan.ChangeOverSeconds;
        if (speech.KnownSeconds is { } known) return scan with { FixedSeconds = fixedSeconds + known };
        // Expected length and variance of this speech at pace 0: a log-normal of median a·e^mu and log-variance s².
        var expected = speech.AllottedSeconds * Math.Exp(LogMedianRatio(speech.Category) + SpeechVariance / 2);
        return scan with { FixedSeconds = fixedSeconds, Mean = scan.Mean + expected, Variance = scan.Variance + expected * expected * (Math.Exp(SpeechVariance) - 1) };
    }
}

/// <summary>
/// The running sums of <see cref="SpeakingTimeModel.Starts"/>: the meeting's pace, the fixed seconds (change-overs, known
/// lengths) and the mean and variance of the uncertain part (at pace 0) of the speeches so far.
/// </summary>
public readonly record struct StartScan(double Pace, double PaceVariance, int ChangeOverSeconds, double FixedSeconds, double Mean, double Variance)
{
    private const double Z90 = 1.2815515655446004;

    /// <summary>Where the next speaker starts: the sum matched by a log-normal (Fenton-Wilkinson), the pace's uncertainty added.</summary>
    public StartRange Start
    {
        get
        {
            if (Mean <= 0) return new StartRange(FixedSeconds, FixedSeconds, double.NegativeInfinity, 0, FixedSeconds);
            var sumVariance = Math.Log(1 + Variance / (Mean * Mean));
            var logMean = Pace + Math.Log(Mean);
            var logSd = Math.Sqrt(sumVariance + PaceVariance);
            return new StartRange(FixedSeconds + Math.Exp(logMean), FixedSeconds + Math.Exp(logMean + Z90 * logSd), logMean, logSd, FixedSeconds);
        }
    }
}

/// <summary>The standard normal distribution's cumulative function (Abramowitz and Stegun 7.1.26, to 1.5e-7).</summary>
public static class Normal
{
    public static double Cdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * x);
        var erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-x * x);
        return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
    }
}
