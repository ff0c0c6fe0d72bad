using System.Text.Json;

namespace SpeakersList.Benchmarks;

/// <summary>
/// ops/profile: what a dotnet-trace CPU profile (speedscope JSON) says in a few lines. Only the time a thread was on a CPU
/// counts (the sampler's CPU_TIME frames), not time spent waiting. Three views: by library (the innermost frame outside
/// the runtime's own assemblies), the heaviest frames inclusive, and where the CPU was when sampled (self).
/// </summary>
public static class ProfileSummary
{
    private static readonly HashSet<string> Runtime = new(StringComparer.OrdinalIgnoreCase)
    {
        "?", "System.Private.CoreLib", "System.Linq", "System.Collections", "System.Collections.Concurrent", "System.Runtime",
        "System.Threading", "System.Memory", "Microsoft.Extensions.Primitives", "System.Runtime.InteropServices",
    };

    /// <summary>Prints the summary of the samples taken in the first <paramref name="untilMs"/> milliseconds (all when null).</summary>
    public static void Print(string file, int rows, double? untilMs = null)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(file));
        var frames = json.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray()
            .Select(x => x.GetProperty("name").GetString() ?? "?").ToArray();
        // A start is traced from a launch, whose module names are lower case: one spelling for both.
        var cpu = frames.Select((name, i) => (name, i)).Where(x => x.name == "CPU_TIME").Select(x => x.i).ToHashSet();
        var inclusive = new Dictionary<int, double>();
        var self = new Dictionary<int, double>();
        var byLibrary = new Dictionary<string, double>();
        var total = 0.0;
        var profiles = json.RootElement.GetProperty("profiles").EnumerateArray().ToList();
        var cutoff = profiles.Min(x => x.GetProperty("startValue").GetDouble()) + (untilMs ?? double.PositiveInfinity);
        foreach (var profile in profiles)
        {
            var stack = new List<int>();
            double? opened = null;
            foreach (var e in profile.GetProperty("events").EnumerateArray())
            {
                var frame = e.GetProperty("frame").GetInt32();
                var at = e.GetProperty("at").GetDouble();
                if (e.GetProperty("type").GetString() == "O")
                {
                    if (cpu.Contains(frame)) opened = at;
                    stack.Add(frame);
                    continue;
                }
                stack.RemoveAt(stack.Count - 1);
                if (!cpu.Contains(frame) || opened is not { } start || start > cutoff) continue;
                var ms = at - start;
                opened = null;
                total += ms;
                foreach (var f in stack.Distinct()) inclusive[f] = inclusive.GetValueOrDefault(f) + ms;
                if (stack.Count > 0) self[stack[^1]] = self.GetValueOrDefault(stack[^1]) + ms;
                var library = stack.AsEnumerable().Reverse().Select(f => Library(frames[f])).FirstOrDefault(x => !Runtime.Contains(x) && !x.StartsWith("thread (", StringComparison.OrdinalIgnoreCase)) ?? "the runtime (GC, JIT, threads)";
                byLibrary[library] = byLibrary.GetValueOrDefault(library) + ms;
            }
        }
        Console.WriteLine($"{file}: {total:F0} ms on a CPU{(untilMs is { } until ? $" in its first {until:F0} ms" : "")}");
        Console.WriteLine("by library (the innermost frame outside the runtime's own assemblies):");
        foreach (var (library, ms) in byLibrary.OrderByDescending(x => x.Value).Take(rows))
            Console.WriteLine($"  {ms,8:F0} ms {100 * ms / total,5:F1}%  {library}");
        Console.WriteLine("heaviest frames of the service, Marten, Wolverine and ASP.NET Core (inclusive):");
        foreach (var (f, ms) in inclusive.Where(x => Interesting(frames[x.Key])).OrderByDescending(x => x.Value).Take(rows))
            Console.WriteLine($"  {ms,8:F0} ms {100 * ms / total,5:F1}%  {Short(frames[f])}");
        Console.WriteLine("where the CPU was (self):");
        foreach (var (f, ms) in self.OrderByDescending(x => x.Value).Take(rows))
            Console.WriteLine($"  {ms,8:F0} ms {100 * ms / total,5:F1}%  {Short(frames[f])}");
    }

    private static string Library(string frame) => frame.IndexOf('!') is > 0 and var bang ? frame[..bang].ToLowerInvariant() : "?";

    private static bool Interesting(string frame) =>
        frame.StartsWith("SpeakersList", StringComparison.OrdinalIgnoreCase) || frame.StartsWith("Marten!", StringComparison.OrdinalIgnoreCase)
        || frame.StartsWith("Wolverine", StringComparison.OrdinalIgnoreCase) || frame.StartsWith("Weasel", StringComparison.OrdinalIgnoreCase)
        || frame.StartsWith("Npgsql!Npgsql.NpgsqlCommand", StringComparison.OrdinalIgnoreCase)
        || frame.Contains("Authentication", StringComparison.Ordinal) || frame.Contains("RateLimiting", StringComparison.Ordinal);

    // Without the parameter lists and the async state machines' boxes: a line a frame.
    private static string Short(string frame)
    {
        var paren = frame.IndexOf('(');
        var name = paren > 0 ? frame[..paren] : frame;
        return name.Length > 150 ? name[..150] : name;
    }
}
