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

        // Each speech's ratio and groups found once, not in every round: the groups in the order they first appear, as a
        // grouping lists them, and every sum taken in the speeches' order, so the fit is the same to the last bit.
        var ratios = speeches.Select(s => s.LogRatio).ToArray();
        var kinds = Groups(speeches.Select(s => s.Category.KindKey));
        var categories = Groups(speeches.Select(s => s.Category.Key));
        var meetings = Groups(speeches.Select(s => s.MeetingId));
        var kindOfCategory = categories.Keys.Select(key => kinds.Index[key[..key.IndexOf('/')]]).ToArray();
        var pace = new double[meetings.Keys.Count];
        double speechVariance = DefaultSpeechVariance, paceVariance = DefaultPaceVariance, overall = 0;
        double[] kindMeans = [], categoryMeans = [];

        // Alternate: categories given the paces, paces given the categories (a few rounds settle it).
        for (var round = 0; round < 4; round++)
        {
            var residual = new List<double>(ratios.Length);
            for (var i = 0; i < ratios.Length; i++) residual.Add(ratios[i] - pace[meetings.Of[i]]);
            overall = residual.Average();
            kindMeans = Shrunk(kinds, residual, _ => overall, speechVariance);
            categoryMeans = Shrunk(categories, residual, category => kindMeans[kindOfCategory[category]], speechVariance);

            var offMean = new double[ratios.Length];
            for (var i = 0; i < ratios.Length; i++) offMean[i] = ratios[i] - categoryMeans[categories.Of[i]];
            var (count, mean, squares) = Sums(meetings, offMean);
            var withinFreedom = count.Sum(n => n - 1);
            if (withinFreedom >= 2)
            {
                var within = 0.0;
                for (var m = 0; m < count.Length; m++) within += squares[m] - count[m] * mean[m] * mean[m];
                speechVariance = Math.Max(0.005, within / withinFreedom);
            }
            if (count.Length >= 2)
                paceVariance = Math.Max(0.002, mean.Average(x => x * x) - speechVariance * count.Average(n => 1.0 / n));
            for (var m = 0; m < count.Length; m++)
                pace[m] = mean[m] * count[m] / (count[m] + speechVariance / paceVariance);
        }
        var byKind = kinds.Keys.Zip(kindMeans).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
        var byCategory = categories.Keys.Zip(categoryMeans).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
        // The typical pace of the history's meetings belongs to the categories: a new meeting starts at pace 0.
        return new SpeakingTimeModel(byCategory, byKind, overall, speechVariance, paceVariance, speeches.Count);
    }

    /// <summary>Each speech's group (<see cref="Of"/>), the groups' keys in the order they first appear, and a key's group.</summary>
    private sealed record Grouping<TKey>(int[] Of, List<TKey> Keys, Dictionary<TKey, int> Index) where TKey : notnull;

    private static Grouping<TKey> Groups<TKey>(IEnumerable<TKey> keyOfEach) where TKey : notnull
    {
        var (of, keys, index) = (new List<int>(), new List<TKey>(), new Dictionary<TKey, int>());
        foreach (var key in keyOfEach)
        {
            if (!index.TryGetValue(key, out var group))
            {
                group = index[key] = keys.Count;
                keys.Add(key);
            }
            of.Add(group);
        }
        return new Grouping<TKey>([.. of], keys, index);
    }

    /// <summary>Each group's count, mean and sum of squares, every sum taken in the speeches' order.</summary>
    private static (int[] Count, double[] Mean, double[] Squares) Sums<TKey>(Grouping<TKey> groups, IReadOnlyList<double> values) where TKey : notnull
    {
        var (count, sum, squares) = (new int[groups.Keys.Count], new double[groups.Keys.Count], new double[groups.Keys.Count]);
        for (var i = 0; i < values.Count; i++)
        {
            var group = groups.Of[i];
            sum[group] = count[group] == 0 ? values[i] : sum[group] + values[i]; // from the first value, as Enumerable.Average
            squares[group] += values[i] * values[i];
            count[group]++;
        }
        return (count, sum.Select((total, group) => total / count[group]).ToArray(), squares);
    }

    /// <summary>Group means shrunk toward their parent by how much the groups really differ (empirical Bayes).</summary>
    private static double[] Shrunk<TKey>(Grouping<TKey> groups, IReadOnlyList<double> values, Func<int, double> parent, double noise) where TKey : notnull
    {
        var (count, mean, _) = Sums(groups, values);
        var parents = Enumerable.Range(0, count.Length).Select(parent).ToArray();
        var between = count.Length < 2 ? 0.01
            : Math.Max(0.002, Enumerable.Range(0, count.Length).Average(g => (mean[g] - parents[g]) * (mean[g] - parents[g])) - noise * count.Average(n => 1.0 / n));
        return Enumerable.Range(0, count.Length).Select(g => parents[g] + (mean[g] - parents[g]) * count[g] / (count[g] + noise / between)).ToArray();
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
