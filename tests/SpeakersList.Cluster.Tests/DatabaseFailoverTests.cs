using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SpeakersList.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SpeakersList.Cluster.Tests;

/// <summary>
/// The database server dies, or hands over for maintenance, during a live meeting: two service nodes behind nginx on a
/// PostgreSQL primary and its synchronous standby under pg_auto_failover. Clients retry with the same commandId.
/// </summary>
[Collection(FailoverClusterCollection.Name)]
public class Database_failover(FailoverCluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rush = 193;

    private readonly List<string> _codes = [];

    public async Task InitializeAsync()
    {
        // A test before may have moved the primary: start from a primary with its standby in sync.
        await cluster.Postgres.WaitInSyncAsync(TimeSpan.FromSeconds(120));
        using var http = cluster.Officer();
        _codes.AddRange((await http.GetFromJsonAsync<JsonElement[]>("/api/participants", Api.Json))!
            .Where(p => p.GetProperty("category").GetString() == "memberState").Select(p => p.GetProperty("code").GetString()!));
        Assert.True(_codes.Count >= Rush, $"{Rush} member states are needed, the registry has {_codes.Count}");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_primary_killed_mid_rush_loses_no_acknowledged_inscription_writes_resume_within_30_s_and_it_rejoins_as_standby()
    {
        using var http = cluster.Officer();
        var api = new Api(http);
        var meeting = await api.ScheduleMeeting(title: "Database failover", room: $"Room {Guid.NewGuid():N}");
        await api.Floor(meeting, "open");
        await using var display = await Screen.OpenAsync(cluster.Proxy, "SubscribeToMeeting", "speakersListChanged", meeting);
        var primary = (await cluster.Postgres.PrimaryAsync())!.Value;

        var clients = new Clients(api, meeting);
        var killedTicks = long.MaxValue; // once the processes are dead, not when the kill was asked for
        var kill = Task.CompletedTask;
        var killAfter = Rush / 3;
        using var gate = new SemaphoreSlim(16);
        var rush = _codes.Take(Rush).Select(async code =>
        {
            await gate.WaitAsync();
            try
            {
                return await clients.InscribeUntilAcknowledged(code, TimeSpan.FromMinutes(3), onAcknowledged: count =>
                {
                    if (count != killAfter) return;
                    kill = Task.Run(async () =>
                    {
                        await cluster.Postgres.KillAsync(primary.Name);
                        Interlocked.Exchange(ref killedTicks, clients.Clock.Elapsed.Ticks);
                    });
                });
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var acknowledged = await Task.WhenAll(rush);
        await kill;
        var killedAt = TimeSpan.FromTicks(Interlocked.Read(ref killedTicks));

        var firstAfterKill = clients.FirstAcknowledgementSentAfter(killedAt) - killedAt;
        output.WriteLine($"killed {primary.Name} after {killAfter} acknowledgements; first command sent after the kill acknowledged {firstAfterKill.TotalSeconds:F1} s after it; " +
                         $"answers: {clients.Statuses}; retries {clients.Retries}");
        Assert.True(clients.AcknowledgedAfter(killedAt) > Rush / 3, "the kill must fall in the middle of the rush");
        Assert.Empty(clients.Failures);
        Assert.True(firstAfterKill < TimeSpan.FromSeconds(30), $"writes resumed {firstAfterKill.TotalSeconds:F1} s after the kill");

        await WaitReadyAsync(http);
        var onTheList = await api.SpeakingOrder(meeting);
        Assert.Equal(onTheList.Length, onTheList.Distinct().Count());
        Assert.Equal(acknowledged.Select(a => a.Code).Order(), onTheList.Order());
        var seen = await display.SeesAsync(acknowledged.Max(a => a.Version), TimeSpan.FromSeconds(30));
        output.WriteLine($"the display showed the whole list {seen.TotalMilliseconds:F0} ms after the rush (reconnects: {display.Reconnects})");
        Assert.Equal(Rush, display.Latest.GetProperty("entries").GetArrayLength());

        // /health/ready names the database the node now writes to: the standby that was promoted.
        var ready = await http.GetFromJsonAsync<JsonElement>("/health/ready");
        var promoted = (await cluster.Postgres.PrimaryAsync())!.Value;
        Assert.NotEqual(primary.Name, promoted.Name);
        Assert.Equal($"127.0.0.1:{promoted.Port}", ready.GetProperty("database").GetProperty("host").GetString());
        Assert.Equal("primary", ready.GetProperty("database").GetProperty("role").GetString());

        // The dead machine comes back: its pg_autoctl rejoins it as the synchronous standby of the new primary.
        await cluster.Postgres.RunAsync(primary.Name);
        await cluster.Postgres.WaitInSyncAsync(TimeSpan.FromSeconds(120));
        Assert.Contains(await cluster.Postgres.StateAsync(), n => n.Name == primary.Name && n.Reported == "secondary");
        await Wait.UntilAsync(async () =>
            (await http.GetFromJsonAsync<JsonElement>("/health/ready")).GetProperty("database").GetProperty("synchronousStandbys").GetInt32() == 1,
            TimeSpan.FromSeconds(30), "the primary to report its synchronous standby");
    }

    [Fact]
    public async Task A_planned_switchover_during_a_meeting_fails_no_command_beyond_503s_and_darkens_no_screen()
    {
        using var http = cluster.Officer();
        var api = new Api(http);
        var meeting = await api.ScheduleMeeting(title: "Planned switchover", room: $"Room {Guid.NewGuid():N}");
        await api.Floor(meeting, "open");
        await using var display = await Screen.OpenAsync(cluster.Proxy, "SubscribeToMeeting", "speakersListChanged", meeting);
        var before = (await cluster.Postgres.PrimaryAsync())!.Value;

        var clients = new Clients(api, meeting);
        var switchover = cluster.Postgres.SwitchoverAsync();
        var acknowledged = new List<(string Code, long Version)>();
        var next = 0;
        // The officer keeps inscribing while the primary hands over, and a few times after.
        while (!switchover.IsCompleted) acknowledged.Add(await clients.InscribeUntilAcknowledged(_codes[next++], TimeSpan.FromMinutes(2)));
        await switchover;
        for (var i = 0; i < 5; i++) acknowledged.Add(await clients.InscribeUntilAcknowledged(_codes[next++], TimeSpan.FromMinutes(1)));

        var after = (await cluster.Postgres.PrimaryAsync())!.Value;
        output.WriteLine($"switchover {before.Name} -> {after.Name} during {acknowledged.Count} inscriptions; answers: {clients.Statuses}; retries {clients.Retries}");
        Assert.NotEqual(before.Name, after.Name);
        Assert.Empty(clients.Failures);
        await WaitReadyAsync(http);
        Assert.Equal(acknowledged.Select(a => a.Code).Order(), (await api.SpeakingOrder(meeting)).Order());
        await display.SeesAsync(acknowledged.Max(a => a.Version), TimeSpan.FromSeconds(10));
        Assert.Equal(0, display.Reconnects); // the screen's connection never dropped: it was never dark
        Assert.Equal(acknowledged.Count, display.Latest.GetProperty("entries").GetArrayLength());
    }

    private static Task WaitReadyAsync(HttpClient http) => Wait.UntilAsync(async () =>
    {
        using var response = await http.GetAsync("/health/ready");
        return response.IsSuccessStatusCode;
    }, TimeSpan.FromSeconds(60), "the service to be ready (a primary to take writes)");

    /// <summary>
    /// Officers' clients as the console behaves: a command answered 503 (or cut off) is sent again with the same commandId
    /// until it is acknowledged; every other answer that is not a success is a failure.
    /// </summary>
    private sealed class Clients(Api api, Guid meeting)
    {
        private readonly ConcurrentQueue<(TimeSpan Sent, TimeSpan Answered)> _acknowledgements = new();
        private readonly ConcurrentDictionary<string, int> _statuses = new();
        private int _acknowledged;
        private int _retries;

        public Stopwatch Clock { get; } = Stopwatch.StartNew();

        public ConcurrentQueue<string> Failures { get; } = new();

        public int Retries => _retries;

        public string Statuses => string.Join(", ", _statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"));

        public TimeSpan FirstAcknowledgementSentAfter(TimeSpan moment) =>
            _acknowledgements.Where(a => a.Sent > moment).Select(a => a.Answered).DefaultIfEmpty(TimeSpan.MaxValue).Min();

        public int AcknowledgedAfter(TimeSpan moment) => _acknowledgements.Count(a => a.Answered > moment);

        public async Task<(string Code, long Version)> InscribeUntilAcknowledged(string code, TimeSpan within, Action<int>? onAcknowledged = null)
        {
            var commandId = Guid.NewGuid();
            var deadline = Clock.Elapsed + within;
            while (true)
            {
                var sent = Clock.Elapsed;
                string outcome;
                try
                {
                    using var response = await api.TryInscribe(meeting, code, commandId: commandId);
                    outcome = ((int)response.StatusCode).ToString();
                    _statuses.AddOrUpdate(outcome, 1, (_, n) => n + 1);
                    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    {
                        var version = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
                        _acknowledgements.Enqueue((sent, Clock.Elapsed));
                        onAcknowledged?.Invoke(Interlocked.Increment(ref _acknowledged));
                        return (code, version);
                    }
                    if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                    {
                        Failures.Enqueue($"{code}: {outcome} {await response.Content.ReadAsStringAsync()}");
                        return (code, 0);
                    }
                    if (!response.Headers.Contains("Retry-After")) Failures.Enqueue($"{code}: a 503 without Retry-After");
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    _statuses.AddOrUpdate("cut off", 1, (_, n) => n + 1);
                }
                if (Clock.Elapsed > deadline)
                {
                    Failures.Enqueue($"{code}: not acknowledged within {within.TotalSeconds:F0} s");
                    return (code, 0);
                }
                Interlocked.Increment(ref _retries);
                // Sooner than Retry-After (5 s): the test measures when writes resume, to half a second.
                await Task.Delay(500);
            }
        }
    }
}
