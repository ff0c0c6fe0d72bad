using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using SpeakersList.Server.Tests.Infrastructure;

// Inscription rush benchmark: N delegations inscribe on ONE meeting at the same moment, over real
// HTTP against the server that ops/bench starts (Release build, real PostgreSQL). Prints throughput, latency percentiles,
// refusals and the server's memory. Usage: ops/bench [rounds] [delegations]
namespace SpeakersList.Benchmarks;

internal static class InscriptionRush
{
    public static async Task Main(string[] args)
    {
        if (args is ["cross-node", .. var crossNode]) { await CrossNodePush.RunAsync(crossNode); return; } // ops/bench-cluster
        var rounds = args.Length > 0 ? int.Parse(args[0]) : 5;
        var delegations = args.Length > 1 ? int.Parse(args[1]) : 193;

        var address = Environment.GetEnvironmentVariable("SPEAKERSLIST_URL") ?? "http://127.0.0.1:5080";
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = new Uri(address) };
        var signIn = await http.PostAsJsonAsync("/api/auth/officer/sign-in",
            new { name = "bench", password = Environment.GetEnvironmentVariable("SPEAKERSLIST_BENCH_PASSWORD") });
        var token = (await signIn.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var api = new Api(http);
        var codes = (await http.GetFromJsonAsync<Participant[]>("/api/participants", Api.Json))!
            .Where(x => x.Category == "memberState").Select(x => x.Code).Take(delegations).ToArray();

        Console.WriteLine($"Inscription rush: {codes.Length} delegations on one meeting at once, {rounds} rounds (first is warm-up), {Environment.ProcessorCount} cores");
        var all = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var meeting = await api.ScheduleMeeting(title: $"Rush {round}", room: $"Bench room {round}");
            var latencies = new double[codes.Length];
            var clock = Stopwatch.StartNew();
            var statuses = await Task.WhenAll(codes.Select(async (code, i) =>
            {
                var started = Stopwatch.GetTimestamp();
                var response = await api.TryInscribe(meeting, code, "minister");
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                return response.StatusCode;
            }));
            clock.Stop();
            var refused = statuses.Count(s => s != HttpStatusCode.Created);
            var order = await api.SpeakingOrder(meeting);
            Array.Sort(latencies);
            Console.WriteLine($"round {round}: {codes.Length / clock.Elapsed.TotalSeconds,7:F0} inscriptions/s, all in {clock.Elapsed.TotalMilliseconds,6:F0} ms, " +
                $"p50 {Percentile(latencies, 50),5:F0} ms, p99 {Percentile(latencies, 99),5:F0} ms, max {latencies[^1],5:F0} ms, " +
                $"refused {refused}, on the list {order.Length}");
            if (round > 0) all.AddRange(latencies);
        }
        all.Sort();
        Console.WriteLine($"after warm-up: p50 {Percentile([.. all], 50):F0} ms, p99 {Percentile([.. all], 99):F0} ms");
    }

    private static double Percentile(double[] sorted, int p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
}

internal sealed record Participant(string Code, string Category);
