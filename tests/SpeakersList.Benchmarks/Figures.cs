using System.Globalization;

namespace SpeakersList.Benchmarks;

/// <summary>
/// One measured figure beside the baseline measured in the same run. <see cref="Ratio"/> is figure / baseline
/// (for a throughput, where more is better, baseline / figure would hide the sense: <see cref="HigherIsBetter"/> says which).
/// </summary>
public sealed record Figure(
    string Server, string What, double Value, string Unit, string? BaselineName = null, double? Baseline = null,
    string? Goal = null, bool HigherIsBetter = false)
{
    public double? Ratio => Baseline is > 0 ? Value / Baseline.Value : null;
}

/// <summary>
/// The table ops/bench prints: every benchmark adds its rows (a cross-node push, say, adds its own), printed once at the end,
/// grouped by the server build they were measured on.
/// </summary>
public sealed class FigureTable
{
    private readonly List<Figure> _rows = [];

    public void Add(Figure figure)
    {
        lock (_rows) _rows.Add(figure);
        Console.WriteLine($"  {figure.Server}: {figure.What}: {Format(figure.Value, figure.Unit)}"
            + (figure.Baseline is { } b ? $"  (baseline {figure.BaselineName}: {Format(b, figure.Unit)}, ratio {figure.Ratio:F2}x)" : ""));
    }

    /// <summary>Fills in the baseline of a row added before its baseline was measured.</summary>
    public void CompleteBaseline(string server, string what, double baseline)
    {
        lock (_rows)
        {
            var index = _rows.FindIndex(x => x.Server == server && x.What == what);
            if (index < 0) return;
            _rows[index] = _rows[index] with { Baseline = baseline };
            var row = _rows[index];
            Console.WriteLine($"  {row.Server}: {row.What}: baseline {row.BaselineName}: {Format(baseline, row.Unit)}, ratio {row.Ratio:F2}x");
        }
    }

    public void Print(TextWriter output, string machine)
    {
        output.WriteLine();
        output.WriteLine($"Figures ({machine})");
        output.WriteLine();
        output.WriteLine("| server | figure | value | baseline, same run | baseline value | ratio | goal |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var row in _rows)
            output.WriteLine($"| {row.Server} | {row.What} | {Format(row.Value, row.Unit)} | {row.BaselineName ?? ""} | "
                + $"{(row.Baseline is { } b ? Format(b, row.Unit) : "")} | {(row.Ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) + "x" : "")} | {row.Goal ?? ""} |");
    }

    private static string Format(double value, string unit) => unit switch
    {
        "s" => $"{value.ToString("F2", CultureInfo.InvariantCulture)} s",
        "ms" => $"{value.ToString(value < 10 ? "F1" : "F0", CultureInfo.InvariantCulture)} ms",
        "MB" => $"{value.ToString("F0", CultureInfo.InvariantCulture)} MB",
        "B" => $"{value.ToString("N0", CultureInfo.InvariantCulture)} B",
        "us" => $"{value.ToString("F0", CultureInfo.InvariantCulture)} µs",
        "" => value.ToString("F0", CultureInfo.InvariantCulture),
        _ => $"{value.ToString(value < 10 ? "F1" : "F0", CultureInfo.InvariantCulture)} {unit}",
    };
}

public static class Stats
{
    public static double Percentile(IReadOnlyList<double> values, int p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.OrderBy(x => x).ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IReadOnlyList<double> values) => Percentile(values, 50);
}
