using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Benchmarks;

/// <summary>
/// Twenty rooms at once (ops/bench-scale): two nodes behind nginx with Redis. Twenty rushes at the same moment (a list
/// each), then screens spread over the twenty meetings, each following one meeting's floor, connected through the proxy
/// from several local addresses (the proxy pins a client address to a node); the twenty meetings' floors run at once,
/// and each command's figure is the time until the last of its meeting's screens has it. The baseline: a bare SignalR
/// app with as many connections as one node has, in as many groups, broadcast to at the same pace.
/// </summary>
internal static class Rooms
{
    public static async Task RunAsync(FigureTable table, int meetings, int screenCount, int rounds, int delegations, string dll, string connectionString,
        string redis, int proxyPort, int[] nodePorts)
    {
        var environment = Scale.ServerEnvironment(connectionString, Path.Combine(Path.GetTempPath(), "speakerslist-scale-rooms-keys"));
        environment["ConnectionStrings__Redis"] = redis;
        var officer = $"rooms-{Guid.NewGuid():N}"[..14];
        var password = $"rooms-{Guid.NewGuid():N}";
        await ServerProcess.RunToEndAsync(dll, environment, password, "officer", "add", "--name", officer);
        // One node first (it applies the schema), then the other.
        var nodes = new List<ServerProcess>();
        try
        {
            foreach (var port in nodePorts) nodes.Add(await ServerProcess.StartAsync(dll, port, "/health/ready", environment));
            var proxy = new Uri($"http://127.0.0.1:{proxyPort}");
            var api = await Scale.SignInAsync(proxy, officer, password);
            var codes = (await Scale.ParticipantsAsync(api)).Take(delegations).ToList();
            var day = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.FromHours(-4)).AddDays(60);
            var ids = new List<Guid>();
            for (var i = 0; i < meetings; i++) ids.Add(await Scale.ScheduleAsync(api, $"Room meeting {i + 1}", $"Rooms room {i + 1}", day));

            // Twenty lists opening in the same second.
            Console.WriteLine($"  {meetings} rushes of {codes.Count} at once, through the proxy, on two nodes");
            var clock = Stopwatch.StartNew();
            var rushes = await Task.WhenAll(ids.Select(id => Scale.RushAsync(api, id, codes)));
            clock.Stop();
            var all = rushes.SelectMany(x => x.Latencies).ToList();
            Console.WriteLine($"    {all.Count / clock.Elapsed.TotalSeconds:F0} inscriptions/s; each rush's p99: {string.Join(", ", rushes.Select(x => Stats.Percentile(x.Latencies, 99).ToString("F0")))} ms");
            table.Add(new Figure($"{meetings} rushes at once", $"{meetings} × {codes.Count} inscriptions: p50", Stats.Median(all), "ms"));
            table.Add(new Figure($"{meetings} rushes at once", $"{meetings} × {codes.Count} inscriptions: p99", Stats.Percentile(all, 99), "ms", Goal: "≤ 150 ms"));
            table.Add(new Figure($"{meetings} rushes at once", $"{meetings} × {codes.Count} inscriptions: refused", rushes.Sum(x => x.Refused), "", Goal: "0"));

            foreach (var id in ids) await api.Floor(id, "open");
            var perMeeting = screenCount / meetings;
            Console.WriteLine($"  connecting {perMeeting * meetings} screens through the proxy ({perMeeting} per meeting)");
            var hub = new Uri(proxy, "/hubs/live");
            var screens = new List<Screens>();
            var connected = 0;
            try
            {
                for (var m = 0; m < meetings; m++)
                {
                    var first = m * perMeeting;
                    // Fifty local addresses: the proxy's hash of the client address spreads them over the two nodes.
                    screens.Add(await Screens.ConnectAsync(hub, perMeeting, "SubscribeToFloor", [ids[m]],
                        i => IPAddress.Parse($"127.0.0.{2 + (first + i) % 50}"), "floorChanged"));
                    connected += perMeeting;
                }
            }
            catch (Exception ex)
            {
                Console.WriteLine($"    connecting stopped at {connected + screens.Sum(_ => 0)} screens: {ex.GetBaseException().Message}");
                throw;
            }
            Console.WriteLine($"    {screens.Sum(x => x.Count)} connected; node memory {string.Join(", ", nodes.Select(n => $"{n.ResidentMegabytes():F0} MB"))}");
            var floorBytes = screens[0].PushBytes.GetValueOrDefault("floorChanged", 1900);

            var cpuBefore = nodes.Select(Cpu).ToArray();
            var wall = Stopwatch.StartNew();
            var running = FloorsAsync(api, ids, screens, rounds);
            List<double>[] results;
            try
            {
                results = await running;
            }
            catch (Exception)
            {
                Console.WriteLine($"    the floors stopped; screens: {Screens.Summary(screens)}");
                Diagnose(nodes, redis);
                throw;
            }
            var seconds = wall.Elapsed.TotalSeconds;
            Console.WriteLine($"    screens: {Screens.Summary(screens)}");
            table.Add(new Figure($"{meetings} rooms, {perMeeting * meetings} screens, 2 nodes", "screens' connections lost (each back with a fresh snapshot)",
                screens.Sum(x => x.Lost), ""));
            table.Add(new Figure($"{meetings} rooms, {perMeeting * meetings} screens, 2 nodes", "pushes missed by a screen connected all along (resynced)",
                screens.Sum(x => x.MissedWhileConnected), "", Goal: "0"));
            var cpu = nodes.Select((n, i) => (Cpu(n) - cpuBefore[i]) / seconds * 100).ToArray();
            var memory = nodes.Select(n => n.ResidentMegabytes()).ToArray();
            for (var m = 0; m < meetings; m++)
                Console.WriteLine($"    meeting {m + 1}: command → last of {perMeeting} screens p50 {Stats.Median(results[m]):F0} ms, p99 {Stats.Percentile(results[m], 99):F0} ms; " +
                    Splits(screens[m]));
            Console.WriteLine($"    all meetings: {Splits(screens.ToArray())}");
            var p50s = results.Select(x => Stats.Median(x)).ToList();
            var p99s = results.Select(x => Stats.Percentile(x, 99)).ToList();
            Diagnose(nodes, redis);
            foreach (var s in screens) await s.DisposeAsync();
            screens.Clear();
            foreach (var node in nodes) await node.DisposeAsync();
            nodes.Clear();

            // The baseline: a bare app with one node's share of the connections, in as many groups, the same pace.
            Console.WriteLine($"  bare SignalR app: {perMeeting * meetings / 2} connections in {meetings} groups");
            var bareP50s = new List<double>();
            var bareP99s = new List<double>();
            double bareMemory;
            double bareCpu;
            await using (var bare = await ServerProcess.StartAsync(typeof(Program).Assembly.Location, Memory.FreePort(), "/health",
                new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" }, "bare-server"))
            {
                using var bareHttp = new HttpClient { BaseAddress = bare.Address };
                for (var m = 0; m < meetings; m++)
                    screens.Add(await Screens.ConnectAsync(new Uri(bare.Address, "/hub"), perMeeting / 2, "SubscribeTo", [$"g{m}"]));
                var before = Cpu(bare);
                var bareWall = Stopwatch.StartNew();
                var bareResults = await PacedRoundsAsync(screens, m => Bare.Broadcast(bareHttp, 0, floorBytes, $"g{m}"), rounds);
                bareCpu = (Cpu(bare) - before) / bareWall.Elapsed.TotalSeconds * 100;
                Console.WriteLine($"    bare, all groups: {Splits(screens.ToArray())}");
                bareMemory = bare.ResidentMegabytes();
                bareP50s.AddRange(bareResults.Select(x => Stats.Median(x)));
                bareP99s.AddRange(bareResults.Select(x => Stats.Percentile(x, 99)));
                foreach (var s in screens) await s.DisposeAsync();
            }

            var who = $"{meetings} rooms, {perMeeting * meetings} screens, 2 nodes";
            table.Add(new Figure(who, $"command → last of a meeting's {perMeeting} screens, p50 (median of meetings)", Stats.Median(p50s), "ms",
                $"bare broadcast of {floorBytes:N0} B to {perMeeting / 2} of {perMeeting * meetings / 2} on one app (p50)", Stats.Median(bareP50s), "≤ 1.25x"));
            table.Add(new Figure(who, "command → last screen, p99 (worst meeting)", p99s.Max(), "ms", "bare broadcast p99 (worst group)", bareP99s.Max()));
            for (var i = 0; i < memory.Length; i++)
            {
                table.Add(new Figure(who, $"node {(char)('A' + i)} memory (RSS)", memory[i], "MB", $"bare app with {perMeeting * meetings / 2}", bareMemory));
                table.Add(new Figure(who, $"node {(char)('A' + i)} CPU while the floors run", cpu[i], "%", "bare app CPU", bareCpu));
            }
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
        }
    }

    /// <summary>
    /// The meetings' floors run at once: in each, an officer's command (next, start, end in turn) every 200-600 ms once
    /// the last one reached all of its screens; each meeting's times to the last screen after the first round (a warm-up).
    /// </summary>
    internal static Task<List<double>[]> FloorsAsync(Api api, IReadOnlyList<Guid> ids, IReadOnlyList<Screens> screens, int rounds)
    {
        var actions = new[] { "next", "start", "end" };
        return PacedRoundsAsync(screens, m =>
        {
            var step = 0;
            return async () => (await api.Floor(ids[m], actions[step++ % 3]))["version"]!.GetValue<long>();
        }, rounds);
    }

    /// <summary>Each group of screens' rounds at once, at the floors' pace, with the command <paramref name="commandOf"/> gives the group.</summary>
    private static Task<List<double>[]> PacedRoundsAsync(IReadOnlyList<Screens> screens, Func<int, Func<Task<long>>> commandOf, int rounds) =>
        Task.WhenAll(screens.Select(async (group, m) =>
        {
            var random = new Random(m);
            var command = commandOf(m);
            var times = new List<double>();
            for (var round = 0; round <= rounds; round++)
            {
                await Task.Delay(200 + random.Next(400));
                var ms = await group.RoundAsync(command);
                if (round > 0) times.Add(ms);
            }
            return times;
        }));

    /// <summary>
    /// ops/profile's floors against one running server: the meetings' lists filled by a rush each, opened, a few screens on
    /// each floor, then the floors run at once; prints the rounds' split.
    /// </summary>
    internal static async Task<int> FloorsAgainstAsync(Uri server, string officer, int meetings, int perMeeting, int rounds)
    {
        var password = (await Console.In.ReadLineAsync())?.Trim() ?? "";
        var api = await Scale.SignInAsync(server, officer, password);
        var codes = (await Scale.ParticipantsAsync(api)).Take(193).ToList();
        var day = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.FromHours(-4)).AddDays(30 + Random.Shared.Next(300));
        var tag = Guid.NewGuid().ToString("N")[..6];
        var ids = new List<Guid>();
        for (var i = 0; i < meetings; i++) ids.Add(await Scale.ScheduleAsync(api, $"Floors {tag} {i + 1}", $"Floors room {tag} {i + 1}", day));
        foreach (var id in ids) await Scale.RushAsync(api, id, codes);
        foreach (var id in ids) await api.Floor(id, "open");
        var screens = new List<Screens>();
        foreach (var id in ids) screens.Add(await Screens.ConnectAsync(new Uri(server, "/hubs/live"), perMeeting, "SubscribeToFloor", [id]));
        var results = await FloorsAsync(api, ids, screens, rounds);
        Console.WriteLine($"floors: {meetings} meetings, {perMeeting} screens each, {rounds} rounds; command → last screen p50 " +
            $"{Stats.Median(results.SelectMany(x => x).ToList()):F0} ms; {Splits(screens.ToArray())}");
        foreach (var s in screens) await s.DisposeAsync();
        return 0;
    }

    /// <summary>The rounds' split (after the first, which warms up): until the command answered, the first screen, the last (p50s).</summary>
    private static string Splits(params Screens[] screens)
    {
        var rounds = screens.SelectMany(x => x.Splits.Skip(1)).ToList();
        return rounds.Count == 0 ? "no rounds" : $"answered p50 {Stats.Median(rounds.Select(x => x.Answered).ToList()):F0} ms, " +
            $"first screen p50 {Stats.Median(rounds.Select(x => x.First).ToList()):F0} ms, last screen p50 {Stats.Median(rounds.Select(x => x.Last).ToList()):F0} ms";
    }

    /// <summary>
    /// What the nodes and Redis say about lost messages: each node's warnings and errors (a push that failed is logged), and
    /// Redis's pub/sub clients closed for their output buffer (the backplane's messages to a slow node are dropped then).
    /// </summary>
    private static void Diagnose(IReadOnlyList<ServerProcess> nodes, string redis)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var lines = nodes[i].Output.Split('\n');
            var warnings = lines.Select((line, n) => (line, n)).Where(x => x.line.StartsWith("warn:", StringComparison.Ordinal) || x.line.StartsWith("fail:", StringComparison.Ordinal) || x.line.StartsWith("crit:", StringComparison.Ordinal)).ToList();
            Console.WriteLine($"    node {(char)('A' + i)}: {warnings.Count} warnings or errors in its log");
            foreach (var (line, n) in warnings.Take(8)) Console.WriteLine($"      {line.Trim()} {(n + 1 < lines.Length ? lines[n + 1].Trim() : "")}");
        }
        var port = redis.Split(':')[1];
        foreach (var section in new[] { "stats", "clients" })
        {
            var info = new ProcessStartInfo("redis-cli", ["-h", "127.0.0.1", "-p", port, "info", section]) { RedirectStandardOutput = true };
            using var process = Process.Start(info)!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            var wanted = text.Split('\n').Select(x => x.Trim()).Where(x => x.StartsWith("pubsub", StringComparison.Ordinal) || x.Contains("buffer_limit_disconnections", StringComparison.Ordinal)
                || x.StartsWith("connected_clients", StringComparison.Ordinal) || x.StartsWith("total_connections_received", StringComparison.Ordinal));
            Console.WriteLine($"    redis {section}: {string.Join(", ", wanted)}");
        }
    }

    /// <summary>The process's CPU time so far, in seconds (user + system, from /proc).</summary>
    private static double Cpu(ServerProcess process)
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }
}
