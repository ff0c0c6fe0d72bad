using SpeakersList.SpeakersLists;

namespace SpeakersList.Benchmarks;

/// <summary>
/// ops/backtest: the learned forecast against the naive one (limits added up) on generated conferences. Each world is a
/// different conference (its own level and kind effects, chairs, tails, limits); its meetings are split into history
/// and held-out meetings; each held-out meeting is replayed after 0, 5, 10 and 20 speakers with only what had happened
/// by then, and every waiting speaker's forecast start is compared with the actual one.
/// </summary>
public static class Backtest
{
    public static int Run(string[] args)
    {
        var worlds = args is [var n, ..] ? int.Parse(n) : 12;
        Console.WriteLine("world  meetings  predictions  MAE learned  MAE naive  ratio  p90 covers  p50 covers");
        var all = new Score();
        for (var w = 1; w <= worlds; w++)
        {
            var world = World.Draw(new Random(1000 + w));
            var meetings = Enumerable.Range(0, 90).Select(i => world.Meeting(Guid.NewGuid())).ToList();
            var (history, heldOut) = (meetings.Take(60).ToList(), meetings.Skip(60).ToList());
            var score = Score.Of(history, heldOut);
            all.Add(score);
            Console.WriteLine(score.Line($"{w,5}", heldOut.Count));
        }
        Console.WriteLine(all.Line("  all", worlds * 30));
        var ok = all.Ratio <= 0.6 && all.P90 is >= 0.80 and <= 0.97 && all.P50 is >= 0.35 and <= 0.65;
        Console.WriteLine(ok ? "goal met: MAE <= 0.6 x naive, p90 covers 80-97 %, p50 covers 35-65 %" : "goal NOT met");
        return ok ? 0 : 1;
    }

    private sealed class Score
    {
        private double learned, naive;
        private int count, p90, p50;

        public double Ratio => learned / naive;
        public double P90 => (double)p90 / count;
        public double P50 => (double)p50 / count;

        public void Add(Score other) => (learned, naive, count, p90, p50) =
            (learned + other.learned, naive + other.naive, count + other.count, p90 + other.p90, p50 + other.p50);

        public string Line(string name, int meetings) =>
            $"{name}  {meetings,8}  {count,11}  {learned / count / 60,9:0.0} min  {naive / count / 60,6:0.0} min  {Ratio,5:0.00}  {P90,9:P0}  {P50,9:P0}";

        public static Score Of(IReadOnlyList<Meeting> history, IReadOnlyList<Meeting> heldOut)
        {
            var model = SpeakingTimeModel.Learn(history.SelectMany(m => m.Speeches.Select(s => s.Spoken)));
            var score = new Score();
            foreach (var meeting in heldOut)
                foreach (var cut in new[] { 0, 5, 10, 20 })
                {
                    if (cut >= meeting.Speeches.Count - 1) continue;
                    var heard = meeting.Speeches.Take(cut).Select(s => s.Spoken).ToList();
                    var waiting = meeting.Speeches.Skip(cut).ToList();
                    var starts = model.Starts(heard, waiting.Select(s => s.Waiting).ToList(), meeting.ChangeOverSeconds);
                    double actual = 0, limits = 0;
                    for (var i = 0; i < waiting.Count; i++)
                    {
                        if (i > 0) // the first starts when the floor is free: nothing to forecast
                        {
                            score.count++;
                            score.learned += Math.Abs(starts[i].P50Seconds - actual);
                            score.naive += Math.Abs(limits - actual);
                            if (actual <= starts[i].P90Seconds) score.p90++;
                            if (actual <= starts[i].P50Seconds) score.p50++;
                        }
                        actual += waiting[i].Spoken.UsedSeconds + waiting[i].ActualChangeOver;
                        limits += waiting[i].Waiting.AllottedSeconds + meeting.ChangeOverSeconds;
                    }
                }
            return score;
        }
    }

    private sealed record Speech(SpokenSpeech Spoken, WaitingSpeech Waiting, double ActualChangeOver);

    private sealed record Meeting(IReadOnlyList<Speech> Speeches, int ChangeOverSeconds);

    /// <summary>
    /// One generated conference. What varies between worlds: how much each level and kind overruns, how strict chairs
    /// are and how much that varies, whether a chair tightens or loosens during the day, how heavy the tails are (a few
    /// speeches run two to four times their limit, some stop well short), the limits and the size of meetings.
    /// </summary>
    private sealed class World
    {
        private readonly Random random;
        private readonly double[] levelEffect = new double[9];
        private double groupEffect, preArrangedEffect, replyEffect, paceSd, driftSd, noise, tailShare, shortShare, changeOverSd;
        private int[] limits = [];

        private World(Random random) => this.random = random;

        public static World Draw(Random random)
        {
            var w = new World(random);
            var headsOverrun = 0.1 + 0.25 * random.NextDouble(); // heads of State and Government overrun most
            for (var level = 1; level <= 8; level++)
                w.levelEffect[level] = headsOverrun * (1 - (level - 1) / 5.0) + w.Normal(0, 0.06);
            w.groupEffect = w.Normal(0.08, 0.08);
            w.preArrangedEffect = w.Normal(0.2, 0.15);
            w.replyEffect = w.Normal(-0.6, 0.25);
            w.paceSd = 0.08 + 0.2 * random.NextDouble();
            w.driftSd = 0.15 * random.NextDouble();
            w.noise = 0.15 + 0.25 * random.NextDouble();
            w.tailShare = 0.04 * random.NextDouble();
            w.shortShare = 0.08 * random.NextDouble();
            w.changeOverSd = 5 + 20 * random.NextDouble();
            w.limits = random.Next(3) switch { 0 => [300], 1 => [180, 300], _ => [300, 900] };
            return w;
        }

        public Meeting Meeting(Guid id)
        {
            var limit = limits[random.Next(limits.Length)];
            var changeOver = random.Next(2) == 0 ? 30 : 20;
            var pace = Normal(0, paceSd);
            var drift = Normal(0, driftSd);
            var count = random.Next(12, 70);
            var speeches = new List<Speech>();
            for (var i = 0; i < count; i++)
            {
                var (kind, group, allotted, effect) =
                    i < 2 && random.Next(3) > 0 ? (EntryKind.PreArranged, false, limit + 60 * random.Next(0, 6), preArrangedEffect)
                    : i > count - 4 && random.Next(4) == 0 ? (EntryKind.RightOfReply, false, random.Next(2) == 0 ? 600 : 300, replyEffect)
                    : random.Next(10) == 0 ? (EntryKind.Statement, true, limit + 120, groupEffect)
                    : (EntryKind.Statement, false, limit, 0.0);
                var level = (LevelOfRepresentation)Level();
                var log = effect + levelEffect[(int)level] + pace + drift * i / count + Noise();
                var used = allotted * Math.Exp(log);
                var u = random.NextDouble();
                if (u < tailShare) used = allotted * (2 + 2 * random.NextDouble());
                else if (u < tailShare + shortShare) used = allotted * (0.25 + 0.4 * random.NextDouble());
                used = Math.Round(Math.Clamp(used, 20, 3600));
                var category = new SpeechCategory(kind, group, level);
                speeches.Add(new Speech(new SpokenSpeech(id, category, allotted, used), new WaitingSpeech(category, allotted),
                    Math.Max(5, changeOver + Normal(0, changeOverSd))));
            }
            return new Meeting(speeches, changeOver);
        }

        // Heads of State and Government are many at a high-level meeting; ministers most.
        private int Level() => random.NextDouble() switch { < 0.12 => 1, < 0.16 => 2, < 0.26 => 3, < 0.34 => 4, < 0.7 => 5, < 0.82 => 6, < 0.95 => 7, _ => 8 };

        // A heavier tail than the normal: a Student t with 5 degrees of freedom, scaled.
        private double Noise()
        {
            var chi = Enumerable.Range(0, 5).Sum(_ => Math.Pow(Normal(0, 1), 2));
            return noise * Normal(0, 1) / Math.Sqrt(chi / 5) * Math.Sqrt(3.0 / 5);
        }

        private double Normal(double mean, double sd) =>
            mean + sd * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
    }
}
