using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
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

    /// <summary>Two meetings on an item of their own, the morning's open with <paramref name="unheard"/> inscribed: its adjournment carries them over.</summary>
    private static async Task<(Guid Morning, Guid Afternoon)> MorningAndAfternoonAsync(Api api, string how, string[] unheard)
    {
        var item = $"Item {how} {Guid.NewGuid():N}";
        var morning = await api.ScheduleMeeting(title: $"Carried over {how}", room: $"Room {Guid.NewGuid():N}", start: "10:00", end: "13:00", agendaItem: item);
        var afternoon = await api.ScheduleMeeting(title: $"Carried into {how}", room: $"Room {Guid.NewGuid():N}", start: "15:00", end: "18:00", agendaItem: item);
        foreach (var code in unheard) await api.Inscribe(morning, code);
        await api.Floor(morning, "open");
        return (morning, afternoon);
    }

    /// <summary>Holds a meeting's stream row (Marten's exclusive lock) on the primary: a handler writing to it waits inside its transaction.</summary>
    private static async Task<(NpgsqlConnection Connection, NpgsqlTransaction Hold)> HoldStreamAsync(string direct, Guid stream)
    {
        var connection = new NpgsqlConnection(direct);
        await connection.OpenAsync();
        var hold = await connection.BeginTransactionAsync();
        await using var lockRow = new NpgsqlCommand("select 1 from speakerslist.mt_streams where id = @id for update", connection, hold);
        lockRow.Parameters.AddWithValue("id", stream);
        Assert.Equal(1, await lockRow.ExecuteScalarAsync());
        return (connection, hold);
    }

    [Fact]
    public async Task A_draw_by_lot_and_a_carry_over_pending_when_the_primary_is_killed_each_run_exactly_once_on_the_promoted_standby()
    {
        using var http = cluster.Officer();
        var api = new Api(http);
        var primary = (await cluster.Postgres.PrimaryAsync())!.Value;

        // The carry-over: the morning meeting's unheard speakers go to the afternoon's, on an item of this test's own.
        string[] unheard = [_codes[0], _codes[1], _codes[2]];
        var (morning, afternoon) = await MorningAndAfternoonAsync(api, "across a failover", unheard);

        // The draw: an opening window that closes well after the kill, so its durable scheduled message is pending then.
        var draw = await api.ScheduleMeeting(title: "Drawn across a failover", room: $"Room {Guid.NewGuid():N}", agendaItem: $"Draw {Guid.NewGuid():N}");
        var opensAt = DateTimeOffset.UtcNow.AddSeconds(2);
        using (var schedule = await http.PutAsJsonAsync($"/api/meetings/{draw}/speakers-list/opening",
                   new { commandId = Guid.NewGuid(), opensAt, windowSeconds = 60 }, Api.Json))
            await Api.Expect(schedule, HttpStatusCode.OK);
        string[] held = [_codes[3], _codes[4], _codes[5], _codes[6], _codes[7]];
        // Refused (422) until the list opens: the first inscription is sent until it lands in the window.
        await Wait.UntilAsync(async () =>
        {
            using var first = await api.TryInscribe(draw, held[0]);
            if (first.StatusCode == HttpStatusCode.UnprocessableEntity) return false;
            await Api.Expect(first, HttpStatusCode.Created);
            return true;
        }, TimeSpan.FromSeconds(30), "the list to open");
        foreach (var code in held[1..]) await api.Inscribe(draw, code);

        // The carry-over is made to wait: this test holds the afternoon's stream row (Marten's exclusive lock) on the primary,
        // so the handler of the adjournment, started once the adjournment committed, is blocked inside its transaction.
        var direct = $"Host=127.0.0.1;Port={primary.Port};Username=postgres;Database={PostgresFailover.Database};Pooling=false";
        var (locker, _) = await HoldStreamAsync(direct, afternoon);
        await api.Floor(morning, "adjourn");
        await Wait.UntilAsync(async () => await LockWaiterAsync(direct) != 0, TimeSpan.FromSeconds(30), "the carry-over to wait on the afternoon's stream");
        var before = await api.SpeakersList(draw);
        Assert.True(before["opening"]!["seed"] is null, "the window closed before the kill (a machine this slow needs a longer window)");
        Assert.Empty(await api.SpeakingOrder(afternoon)); // the carry-over too

        await cluster.Postgres.KillAsync(primary.Name);
        try
        {
            await locker.DisposeAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or ObjectDisposedException)
        {
            // Its server is gone.
        }
        try
        {
            await WaitReadyAsync(http);
            // Both run on the promoted standby: the lot drawn with the five held inscriptions, the three unheard carried in.
            await Wait.UntilAsync(async () =>
            {
                using var response = await http.GetAsync($"/api/meetings/{draw}/speakers-list");
                return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("opening").GetProperty("seed").ValueKind == JsonValueKind.String;
            }, TimeSpan.FromSeconds(120), "the lot to be drawn after the failover");
            await Wait.UntilAsync(async () =>
            {
                using var response = await http.GetAsync($"/api/meetings/{afternoon}/speakers-list");
                return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entries").GetArrayLength() == unheard.Length;
            }, TimeSpan.FromSeconds(120), "the unheard speakers to be carried into the afternoon after the failover");

            // Nothing of either is left to run again: every stored message of both handled (Wolverine's inbox on the new primary).
            var promoted = (await cluster.Postgres.PrimaryAsync())!.Value;
            Assert.NotEqual(primary.Name, promoted.Name);
            var inbox = $"Host=127.0.0.1;Port={promoted.Port};Username=postgres;Database={PostgresFailover.Database};Pooling=false";
            await Wait.UntilAsync(async () => (await InboxAsync(inbox)).All(m => m.Status == "Handled"), TimeSpan.FromSeconds(60), "no draw or adjournment message left to handle");
            var handled = await InboxAsync(inbox);
            output.WriteLine($"Wolverine's inbox: {string.Join("; ", handled.Select(m => $"{m.Type} {m.Status} x{m.Count}"))}");
            Assert.Contains(handled, m => m.Type.Contains("DrawOpeningLot", StringComparison.Ordinal));
            Assert.Contains(handled, m => m.Type.Contains("adjourned", StringComparison.OrdinalIgnoreCase));

            Assert.Single(await History(http, draw), type => type == "LotDrawn");
            Assert.Equal(held.Order(), (await api.SpeakingOrder(draw)).Order());
            Assert.Single(await History(http, morning), type => type == "SpeakersCarriedOver");
            Assert.Single(await History(http, afternoon), type => type == "SpeakersCarriedIn");
            Assert.Equal(unheard, await api.SpeakingOrder(afternoon));
            output.WriteLine($"killed {primary.Name} with the draw and the carry-over pending; both ran once on {promoted.Name}");
        }
        finally
        {
            // The dead machine comes back as the standby, for the tests after this one (once the other is promoted: until
            // then the monitor still shows the dead one as primary, and the pair would look in sync).
            await Wait.UntilAsync(async () => (await cluster.Postgres.PrimaryAsync())?.Name is { } name && name != primary.Name,
                TimeSpan.FromSeconds(120), "the standby to be promoted");
            await cluster.Postgres.RunAsync(primary.Name);
            await cluster.Postgres.WaitInSyncAsync(TimeSpan.FromSeconds(120));
        }
    }

    [Fact]
    public async Task A_carry_over_whose_database_connection_is_cut_in_the_middle_runs_again_and_once()
    {
        // What a failover does to a handler in flight: its connection dies under it, and by the time it has failed the database
        // may answer again (here at once: the session is ended by the server, which stays up).
        using var http = cluster.Officer();
        var api = new Api(http);
        var primary = (await cluster.Postgres.PrimaryAsync())!.Value;
        string[] unheard = [_codes[10], _codes[11], _codes[12]];
        var (morning, afternoon) = await MorningAndAfternoonAsync(api, "with its connection cut", unheard);

        var direct = $"Host=127.0.0.1;Port={primary.Port};Username=postgres;Database={PostgresFailover.Database};Pooling=false";
        var (locker, hold) = await HoldStreamAsync(direct, afternoon);
        await using var _ = locker;
        await api.Floor(morning, "adjourn");
        var handler = 0;
        await Wait.UntilAsync(async () => (handler = await LockWaiterAsync(direct)) != 0, TimeSpan.FromSeconds(30), "the carry-over to wait on the afternoon's stream");

        // The handler's session is ended by the server (57P01), then the afternoon's row is released.
        await using (var watcher = new NpgsqlConnection(direct))
        {
            await watcher.OpenAsync();
            await using var terminate = new NpgsqlCommand("select pg_terminate_backend(@pid)", watcher);
            terminate.Parameters.AddWithValue("pid", handler);
            Assert.Equal(true, await terminate.ExecuteScalarAsync());
        }
        await hold.RollbackAsync();

        await Wait.UntilAsync(async () => (await api.SpeakingOrder(afternoon)).Length == unheard.Length, TimeSpan.FromSeconds(90),
            "the unheard speakers to be carried into the afternoon after the handler's connection was cut");
        await Wait.UntilAsync(async () => (await InboxAsync(direct)).All(m => m.Status == "Handled"), TimeSpan.FromSeconds(60), "no adjournment message left to handle");
        Assert.Single(await History(http, morning), type => type == "SpeakersCarriedOver");
        Assert.Single(await History(http, afternoon), type => type == "SpeakersCarriedIn");
        Assert.Equal(unheard, await api.SpeakingOrder(afternoon));
    }

    /// <summary>
    /// The backend waiting on a row lock of mt_streams (Marten's exclusive lock of a stream), 0 when none waits. Asked on a
    /// connection of its own: a transaction sees the server's activity as it was when it began.
    /// </summary>
    private static async Task<int> LockWaiterAsync(string connectionString)
    {
        await using var watcher = new NpgsqlConnection(connectionString);
        await watcher.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "select pid from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid() and query ilike '%mt_streams%' limit 1", watcher);
        return await waiting.ExecuteScalarAsync() is int pid ? pid : 0;
    }

    /// <summary>The draw and adjournment messages in Wolverine's inbox, by type and status (Handled, or still to run: Scheduled, Incoming).</summary>
    private static async Task<List<(string Type, string Status, long Count)>> InboxAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "select message_type, status, count(*) from speakerslist.wolverine_incoming_envelopes " +
            "where message_type ilike '%DrawOpeningLot%' or message_type ilike '%adjourned%' group by 1, 2 order by 1, 2", connection);
        await using var reader = await query.ExecuteReaderAsync();
        var rows = new List<(string, string, long)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        return rows;
    }

    private static async Task<string[]> History(HttpClient http, Guid meeting) =>
        (await http.GetFromJsonAsync<JsonElement[]>($"/api/meetings/{meeting}/history", Api.Json))!.Select(e => e.GetProperty("type").GetString()!).ToArray();

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
