using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Server.Tests.Infrastructure;

// Push latency across nodes: a command posted to node A, the time until the LAST of N screens on node B shows it,
// beside the same figure for N screens on node A itself, measured on the same pushes. Run by ops/bench-cluster
// (two Release nodes on one PostgreSQL and one Redis). Usage: cross-node [rounds=30] [screens=100]
namespace SpeakersList.Benchmarks;

internal static class CrossNodePush
{
    public static async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0]) : 30;
        var screens = args.Length > 1 ? int.Parse(args[1]) : 100;
        var nodeA = new Uri(Environment.GetEnvironmentVariable("SPEAKERSLIST_NODE_A") ?? "http://127.0.0.1:5081");
        var nodeB = new Uri(Environment.GetEnvironmentVariable("SPEAKERSLIST_NODE_B") ?? "http://127.0.0.1:5082");

        using var http = new HttpClient { BaseAddress = nodeA };
        var signIn = await http.PostAsJsonAsync("/api/auth/officer/sign-in",
            new { name = "bench", password = Environment.GetEnvironmentVariable("SPEAKERSLIST_BENCH_PASSWORD") });
        var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var api = new Api(http);
        var codes = (await http.GetFromJsonAsync<JsonElement[]>("/api/participants", Api.Json))!
            .Select(p => p.GetProperty("code").GetString()!).Take(rounds + 1).ToArray();
        var meeting = await api.ScheduleMeeting(title: "Push across nodes", room: $"Bench room {Guid.NewGuid():N}");

        var onA = await Task.WhenAll(Enumerable.Range(0, screens).Select(_ => Watcher.OpenAsync(nodeA, meeting)));
        var onB = await Task.WhenAll(Enumerable.Range(0, screens).Select(_ => Watcher.OpenAsync(nodeB, meeting)));
        Console.WriteLine($"Push latency: a command on node A ({nodeA}) until the last of {screens} screens shows it, " +
            $"on node A and on node B ({nodeB}), {rounds} rounds after a warm-up, {Environment.ProcessorCount} cores");

        var same = new List<double>();
        var across = new List<double>();
        for (var round = 0; round <= rounds; round++)
        {
            var sent = Stopwatch.GetTimestamp();
            var response = await api.TryInscribe(meeting, codes[round]);
            var version = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
            var lastA = await LastToShow(onA, version);
            var lastB = await LastToShow(onB, version);
            if (round == 0) continue; // warm-up
            same.Add(Stopwatch.GetElapsedTime(sent, lastA).TotalMilliseconds);
            across.Add(Stopwatch.GetElapsedTime(sent, lastB).TotalMilliseconds);
        }
        same.Sort();
        across.Sort();
        Console.WriteLine($"same node   (A -> {screens} screens on A): p50 {Percentile(same, 50),6:F1} ms, p95 {Percentile(same, 95),6:F1} ms, max {same[^1],6:F1} ms");
        Console.WriteLine($"across nodes (A -> {screens} screens on B): p50 {Percentile(across, 50),6:F1} ms, p95 {Percentile(across, 95),6:F1} ms, max {across[^1],6:F1} ms");
        foreach (var watcher in onA.Concat(onB)) await watcher.DisposeAsync();
    }

    private static async Task<long> LastToShow(Watcher[] watchers, long version)
    {
        var times = await Task.WhenAll(watchers.Select(w => w.WhenShown(version)));
        return times.Max();
    }

    private static double Percentile(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

    /// <summary>A screen subscribed to the meeting's floor, noting when each version arrived.</summary>
    private sealed class Watcher : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly ConcurrentDictionary<long, TaskCompletionSource<long>> _shown = new();

        private Watcher(Uri node)
        {
            _connection = new HubConnectionBuilder().WithUrl(new Uri(node, "/hubs/live"))
                .AddJsonProtocol(json => JsonDefaults.Configure(json.PayloadSerializerOptions)).Build();
            _connection.On<JsonElement>("floorChanged", view =>
            {
                // Pushes are whole snapshots: a newer version also shows every older one.
                var now = Stopwatch.GetTimestamp();
                var version = view.GetProperty("version").GetInt64();
                Arrived(version).TrySetResult(now);
                foreach (var (older, shown) in _shown)
                    if (older <= version) shown.TrySetResult(now);
            });
        }

        private TaskCompletionSource<long> Arrived(long version) =>
            _shown.GetOrAdd(version, _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

        public static async Task<Watcher> OpenAsync(Uri node, Guid meeting)
        {
            var watcher = new Watcher(node);
            await watcher._connection.StartAsync();
            await watcher._connection.InvokeAsync<JsonElement>("SubscribeToFloor", meeting);
            return watcher;
        }

        public async Task<long> WhenShown(long version)
        {
            var shown = Arrived(version).Task;
            if (await Task.WhenAny(shown, Task.Delay(TimeSpan.FromSeconds(30))) != shown)
                throw new TimeoutException($"A screen did not show version {version} within 30 s.");
            return await shown;
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
