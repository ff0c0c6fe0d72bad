using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Benchmarks;

/// <summary>
/// ops/bench: every figure of the server beside a baseline measured in the same run, on the same machine.
/// Usage: SpeakersList.Benchmarks.dll [--quick] [--screens N,N] --server NAME DLL DATABASE [--env NAME KEY=VALUE] [--server ...]
/// (SPEAKERSLIST_BENCH_PG: the PostgreSQL server, without a database). Also: SpeakersList.Benchmarks.dll bare-server.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["backtest", .. var worlds]) return Backtest.Run(worlds); // ops/backtest
        if (args is ["cross-node", .. var crossNode]) { await CrossNodePush.RunAsync(crossNode); return 0; } // ops/bench-cluster
        if (args is ["scale", .. var scale]) return await Scale.RunAsync(scale); // ops/bench-scale
        if (args is ["profile-summary", var file, .. var until]) { ProfileSummary.Print(file, 25, until is [var ms] ? double.Parse(ms) : null); return 0; } // ops/profile
        if (args is ["floors", var floorsUrl, var floorsOfficer, var meetings, var perMeeting, var floorRounds]) // ops/profile
            return await Rooms.FloorsAgainstAsync(new Uri(floorsUrl), floorsOfficer, int.Parse(meetings), int.Parse(perMeeting), int.Parse(floorRounds));
        if (args is ["rush", var url, var officer, var rounds]) return await RushAgainstAsync(new Uri(url), officer, int.Parse(rounds)); // ops/profile
        if (args.FirstOrDefault() == "bare-server")
        {
            await BareServer.RunAsync(args[1..]);
            return 0;
        }
        var quick = args.Contains("--quick");
        var servers = new List<(string Name, string Dll, string Database)>();
        var environments = new Dictionary<string, Dictionary<string, string>>();
        int[]? screenCounts = null;
        for (var i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--server": servers.Add((args[i + 1], args[i + 2], args[i + 3])); i += 3; break;
                // An environment variable of one server's process (GC settings to compare, say).
                case "--env":
                    var (key, value) = (args[i + 2][..args[i + 2].IndexOf('=')], args[i + 2][(args[i + 2].IndexOf('=') + 1)..]);
                    (environments.TryGetValue(args[i + 1], out var set) ? set : environments[args[i + 1]] = [])[key] = value;
                    i += 2;
                    break;
                case "--screens": screenCounts = args[i + 1].Split(',').Select(int.Parse).ToArray(); i++; break;
            }
        var pg = Environment.GetEnvironmentVariable("SPEAKERSLIST_BENCH_PG")
            ?? throw new InvalidOperationException("SPEAKERSLIST_BENCH_PG is not set: ops/bench sets it.");
        if (servers.Count == 0) throw new InvalidOperationException("Name a server build: --server NAME DLL DATABASE.");

        var settings = quick ? Settings.Quick : Settings.Full;
        if (screenCounts is not null) settings = settings with { ScreenCounts = screenCounts };
        var machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
        Console.WriteLine($"ops/bench{(quick ? " --quick" : "")}: {machine}; load {Memory.Load()} at {DateTimeOffset.UtcNow:u}");
        var table = new FigureTable();

        // Baselines measured once per run.
        Console.WriteLine("bare ASP.NET Core + SignalR app: start");
        var self = typeof(Program).Assembly.Location;
        var bareEnvironment = new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" }; // a web app's default
        var bareStarts = new List<double>();
        ServerProcess? bare = null;
        for (var i = 0; i < settings.Starts; i++)
        {
            if (bare is not null) await bare.DisposeAsync();
            bare = await ServerProcess.StartAsync(self, Memory.FreePort(), "/health", bareEnvironment, "bare-server");
            bareStarts.Add(bare.StartSeconds);
        }
        await Task.Delay(settings.Settle);
        var bareIdle = bare!.ResidentMegabytes();
        Console.WriteLine($"  bare start {Stats.Median(bareStarts):F2} s (of {string.Join(", ", bareStarts.Select(x => x.ToString("F2")))}), idle {bareIdle:F0} MB");

        Console.WriteLine($"raw sequential Marten Append, one stream, {settings.Appends} appends");
        var raw = await RawAppend.MeasureAsync($"{pg};Database={servers[0].Database}", settings.Appends);
        Console.WriteLine($"  {raw.PerSecond:F0}/s, p50 {raw.P50:F1} ms, p99 {raw.P99:F1} ms");

        try
        {
            await bare.DisposeAsync();
            foreach (var (name, dll, database) in servers)
            {
                // A fresh bare app beside each build: its memory after thousands of connections is its own, not the run's.
                bare = await ServerProcess.StartAsync(self, Memory.FreePort(), "/health", bareEnvironment, "bare-server");
                await MeasureServerAsync(table, settings, name, dll, $"{pg};Database={database};Maximum Pool Size=200",
                    environments.GetValueOrDefault(name) ?? [], bare, bareStarts, bareIdle, raw);
                await bare.DisposeAsync();
            }
        }
        finally
        {
            await bare.DisposeAsync();
        }

        table.Print(Console.Out, $"{machine}; load average at the end {Memory.Load()}");
        return 0;
    }

    private static async Task MeasureServerAsync(FigureTable table, Settings settings, string name, string dll, string connectionString,
        IReadOnlyDictionary<string, string> extraEnvironment, ServerProcess bare, List<double> bareStarts, double bareIdle, (double PerSecond, double P50, double P99) raw)
    {
        Console.WriteLine($"server '{name}': {dll}");
        var password = $"bench-{Guid.NewGuid():N}";
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marten"] = connectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["SpeakersList__KeysPath"] = Path.Combine(Path.GetTempPath(), $"speakerslist-bench-keys-{name}"),
            ["SpeakersList__CreateFirstOfficer"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in extraEnvironment) environment[key] = value;
        var officer = $"bench-{Guid.NewGuid():N}"[..14];
        // The password on standard input; a revision from before that (ops/bench --before) took it as --password, which is refused now.
        try { await ServerProcess.RunToEndAsync(dll, environment, null, "officer", "add", "--name", officer, "--password", password); }
        catch (InvalidOperationException) { await ServerProcess.RunToEndAsync(dll, environment, password, "officer", "add", "--name", officer); }

        // A first start creates the schema and warms the disk cache; the cold starts after it are counted.
        var starts = new List<double>();
        var server = await ServerProcess.StartAsync(dll, Memory.FreePort(), "/health/ready", environment);
        Console.WriteLine($"  first start (schema) {server.StartSeconds:F2} s");
        for (var i = 0; i < settings.Starts; i++)
        {
            await server.DisposeAsync();
            server = await ServerProcess.StartAsync(dll, Memory.FreePort(), "/health/ready", environment);
            starts.Add(server.StartSeconds);
        }
        try
        {
            table.Add(new Figure(name, "cold start to /health/ready (median)", Stats.Median(starts), "s", "bare app to its first answer", Stats.Median(bareStarts), "≤ 2.5x"));
            await Task.Delay(settings.Settle);
            table.Add(new Figure(name, "memory idle (RSS)", server.ResidentMegabytes(), "MB", "bare app idle", bareIdle));
            Console.WriteLine($"  idle: {server.MemoryBreakdown()}; the bare app: {bare.MemoryBreakdown()}");

            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
            var signIn = await http.PostAsJsonAsync("/api/auth/officer/sign-in", new { name = officer, password });
            var token = (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var api = new Api(http);

            Console.WriteLine($"  rush: {settings.Delegations} delegations, {settings.RushRounds} rounds");
            var rush = await InscriptionRush.RunAsync(api, settings.RushRounds, settings.Delegations);
            table.Add(new Figure(name, $"rush of {settings.Delegations}: inscriptions/s", rush.PerSecond, "/s", "raw sequential Append/s", raw.PerSecond, "≥ 3.0x", HigherIsBetter: true));
            table.Add(new Figure(name, $"rush of {settings.Delegations}: p50", rush.P50, "ms", "raw Append p50", raw.P50));
            table.Add(new Figure(name, $"rush of {settings.Delegations}: p99", rush.P99, "ms", "raw Append p99", raw.P99, "≤ 150 ms"));
            table.Add(new Figure(name, $"rush of {settings.Delegations}: refused", rush.Refused, "", Goal: "0"));

            // The screens follow the floor of the rush's last meeting (its list as long as the rush): a speech runs and is paused and resumed.
            var meeting = rush.LastMeeting;
            await api.Floor(meeting, "open");
            await api.Floor(meeting, "next");
            await api.Floor(meeting, "start");
            var paused = false;
            Func<Task<long>> command = async () =>
            {
                var view = await api.Floor(meeting, paused ? "resume" : "pause");
                paused = !paused;
                return view["version"]!.GetValue<long>();
            };
            var hub = new Uri(server.Address, "/hubs/live");
            await using (var probe = await Screens.ConnectAsync(hub, 1, "SubscribeToFloor", [meeting], "speakersListChanged", "floorChanged"))
            await using (var room = await Screens.ConnectAsync(hub, 1, "SubscribeToRoom", [rush.Room], "roomChanged"))
            {
                await probe.RoundAsync(command);
                await Task.Delay(500); // the room's push follows the meeting's
                foreach (var push in new[] { "speakersListChanged", "floorChanged" })
                    table.Add(new Figure(name, $"bytes of {push} ({settings.Delegations} on the list)", probe.PushBytes.GetValueOrDefault(push), "B"));
                table.Add(new Figure(name, $"bytes of roomChanged ({settings.Delegations} on the list)", room.PushBytes.GetValueOrDefault("roomChanged"), "B"));
            }
            var listBytes = 0;
            var floorBytes = 0;
            foreach (var count in settings.ScreenCounts)
            {
                Console.WriteLine($"  {count} screens");
                double serverP50, bareP50;
                await using (var screens = await Screens.ConnectAsync(hub, count, "SubscribeToFloor", [meeting], "speakersListChanged", "floorChanged"))
                {
                    var rounds = new List<double>();
                    for (var i = 0; i <= settings.BroadcastRounds; i++)
                    {
                        var ms = await screens.RoundAsync(command);
                        if (i > 0) rounds.Add(ms); // the first round warms up
                    }
                    serverP50 = Stats.Median(rounds);
                    listBytes = screens.PushBytes.GetValueOrDefault("speakersListChanged");
                    floorBytes = screens.PushBytes.GetValueOrDefault("floorChanged");
                    Console.WriteLine($"    server: {string.Join(", ", rounds.Select(x => x.ToString("F0")))} ms");
                    if (count == settings.ScreenCounts[^1])
                    {
                        table.Add(new Figure(name, $"memory with {count} screens (RSS)", server.ResidentMegabytes(), "MB", $"bare app with {count}", null, "≤ 1.5x"));
                        Console.WriteLine($"    with {count} screens, the server: {server.MemoryBreakdown()}");
                    }
                }
                using var bareHttp = new HttpClient { BaseAddress = bare.Address };
                await using (var screens = await Screens.ConnectAsync(new Uri(bare.Address, "/hub"), count, "Subscribe", []))
                {
                    var rounds = new List<double>();
                    var broadcast = Bare.Broadcast(bareHttp, listBytes, floorBytes);
                    for (var i = 0; i <= settings.BroadcastRounds; i++)
                    {
                        var ms = await screens.RoundAsync(broadcast);
                        if (i > 0) rounds.Add(ms);
                    }
                    bareP50 = Stats.Median(rounds);
                    Console.WriteLine($"    bare:   {string.Join(", ", rounds.Select(x => x.ToString("F0")))} ms");
                    if (count == settings.ScreenCounts[^1])
                    {
                        table.CompleteBaseline(name, $"memory with {count} screens (RSS)", bare.ResidentMegabytes());
                        Console.WriteLine($"    with {count} screens, the bare app: {bare.MemoryBreakdown()}");
                    }
                }
                table.Add(new Figure(name, $"command → last of {count} screens (p50)", serverP50, "ms",
                    $"bare broadcast of {listBytes:N0} + {floorBytes:N0} B to {count} (p50)", bareP50, count == 1000 ? "≤ 1.25x" : null));
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>
    /// Rushes on a server that is already running (ops/profile attaches a profiler to it): the officer's password
    /// on standard input, rounds of 193 inscriptions on a fresh meeting each.
    /// </summary>
    private static async Task<int> RushAgainstAsync(Uri server, string officer, int rounds)
    {
        var password = (await Console.In.ReadLineAsync())?.Trim() ?? "";
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000 }) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(2) };
        var signIn = await http.PostAsJsonAsync("/api/auth/officer/sign-in", new { name = officer, password });
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var rush = await InscriptionRush.RunAsync(new Api(http), rounds, Settings.Full.Delegations);
        Console.WriteLine($"rush: {rush.PerSecond:F0}/s, p50 {rush.P50:F0} ms, p99 {rush.P99:F0} ms, refused {rush.Refused}");
        return 0;
    }

    private sealed record Settings(int Starts, TimeSpan Settle, int Appends, int Delegations, int RushRounds, int[] ScreenCounts, int BroadcastRounds)
    {
        public static readonly Settings Full = new(3, TimeSpan.FromSeconds(3), 500, 193, 6, [100, 1000, 2000], 10);
        public static readonly Settings Quick = new(1, TimeSpan.FromSeconds(1), 50, 20, 2, [10, 50], 2);
    }
}
