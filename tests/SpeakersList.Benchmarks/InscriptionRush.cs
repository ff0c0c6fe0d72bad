using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Benchmarks;

/// <summary>
/// N delegations inscribe on ONE meeting at the same moment, over real HTTP, a fresh meeting per round (the first round
/// warms up and is not counted). Throughput is the round's inscriptions over its wall time.
/// </summary>
public static class InscriptionRush
{
    public sealed record Result(double PerSecond, double P50, double P99, int Refused, Guid LastMeeting, string Room);

    public static async Task<Result> RunAsync(Api api, int rounds, int delegations)
    {
        var codes = (await api.Http.GetFromJsonAsync<Participant[]>("/api/participants", Api.Json))!
            .Where(x => x.Category == "memberState").Select(x => x.Code).Take(delegations).ToArray();
        var all = new List<double>();
        var rates = new List<double>();
        var refused = 0;
        var meeting = Guid.Empty;
        var room = "";
        var run = Guid.NewGuid().ToString("N")[..6]; // rooms of their own: several builds may share a database
        for (var round = 0; round < rounds; round++)
        {
            room = $"Bench room {run}-{round}";
            meeting = await api.ScheduleMeeting(title: $"Rush {round}", room: room);
            var latencies = new double[codes.Length];
            var clock = Stopwatch.StartNew();
            var statuses = await Task.WhenAll(codes.Select(async (code, i) =>
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await api.TryInscribe(meeting, code, "minister");
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                return response.StatusCode;
            }));
            clock.Stop();
            var refusedNow = statuses.Count(s => s != HttpStatusCode.Created);
            Console.WriteLine($"    rush round {round}{(round == 0 && rounds > 1 ? " (warm-up)" : "")}: {codes.Length / clock.Elapsed.TotalSeconds:F0}/s, " +
                $"p50 {Stats.Percentile(latencies, 50):F0} ms, p99 {Stats.Percentile(latencies, 99):F0} ms, refused {refusedNow}");
            if (round == 0 && rounds > 1) continue;
            all.AddRange(latencies);
            rates.Add(codes.Length / clock.Elapsed.TotalSeconds);
            refused += refusedNow;
        }
        return new Result(Stats.Median(rates), Stats.Percentile(all, 50), Stats.Percentile(all, 99), refused, meeting, room);
    }

    private sealed record Participant(string Code, string Category);
}
