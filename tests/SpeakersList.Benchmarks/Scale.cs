using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Benchmarks;

/// <summary>
/// ops/bench-scale (issue 25): a whole session. History: meetings loaded through the public API and run through
/// (inscriptions, then next, start and end for each speaker), at 1x, 10x and 100x (100 meetings of 200 speakers); at
/// each size the fixed-size reads (p50, p99), cold start and idle memory, each beside the same figure at 1x. Then the
/// rush's rounds right after a start; then twenty meetings at once on two nodes behind nginx with Redis, with screens
/// spread over them, beside a bare SignalR broadcast to as many connections per node; and twenty rushes at once.
/// Environment (ops/bench-scale sets it): SPEAKERSLIST_BENCH_PG, SCALE_SERVER (the server's dll), SCALE_DATABASE,
/// SCALE_ROOMS_DATABASE, SCALE_REDIS, SCALE_NGINX_PORT, SCALE_NODE_PORTS (two, comma-separated).
/// Usage: scale [--quick] [--sizes 1,10,100] [--speakers 200] [--screens 10000] [--rounds 20] [--rush 6x193] [--no-rooms] [--no-history] [--rooms-first]
/// </summary>
internal static class Scale
{
    private sealed record Settings(int[] Sizes, int Speakers, int Starts, int Reads, int Concurrency, int Screens, int Rooms, int RoomRounds,
        int RushRounds, int RushDelegations, TimeSpan Settle)
    {
        public static readonly Settings Full = new([1, 10, 100], 200, 3, 60, 6, 10_000, 20, 20, 6, 193, TimeSpan.FromSeconds(3));
        public static readonly Settings Quick = new([1, 3], 12, 1, 8, 3, 200, 4, 3, 2, 20, TimeSpan.FromSeconds(1));
    }

    private static readonly string[] Reads = ["list", "list ?at=", "journal of the day", "calendar .ics", "agenda", "record", "programme", "forecast-accuracy"];

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var settings = quick ? Settings.Quick : Settings.Full;
        var rooms = !args.Contains("--no-rooms");
        for (var i = 0; i < args.Length - 1; i++)
            settings = args[i] switch
            {
                "--sizes" => settings with { Sizes = args[i + 1].Split(',').Select(int.Parse).ToArray() },
                "--speakers" => settings with { Speakers = int.Parse(args[i + 1]) },
                "--screens" => settings with { Screens = int.Parse(args[i + 1]) },
                "--rounds" => settings with { RoomRounds = int.Parse(args[i + 1]) },
                "--rush" => settings with { RushRounds = int.Parse(args[i + 1].Split('x')[0]), RushDelegations = int.Parse(args[i + 1].Split('x')[1]) },
                _ => settings,
            };
        var pg = Need("SPEAKERSLIST_BENCH_PG");
        var dll = Need("SCALE_SERVER");
        var machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}";
        Console.WriteLine($"ops/bench-scale{(quick ? " --quick" : "")}: {machine}; load {Memory.Load()} at {DateTimeOffset.UtcNow:u}");
        Console.WriteLine($"  sizes {string.Join(", ", settings.Sizes.Select(x => x + "x"))} (meetings of {settings.Speakers} speakers), " +
            $"{settings.Screens} screens over {settings.Rooms} meetings");
        var table = new FigureTable();
        var clock = Stopwatch.StartNew();

        // The bare app: start and memory, the baseline of the start and memory figures.
        var self = typeof(Program).Assembly.Location;
        var bareEnvironment = new Dictionary<string, string> { ["DOTNET_gcServer"] = "1" };
        var bareStarts = new List<double>();
        double bareIdle = 0;
        for (var i = 0; i < settings.Starts; i++)
        {
            await using var bare = await ServerProcess.StartAsync(self, Memory.FreePort(), "/health", bareEnvironment, "bare-server");
            bareStarts.Add(bare.StartSeconds);
            if (i == settings.Starts - 1) { await Task.Delay(settings.Settle); bareIdle = bare.ResidentMegabytes(); }
        }
        Console.WriteLine($"  bare app: start {Stats.Median(bareStarts):F2} s, idle {bareIdle:F0} MB");

        async Task HistoryAsync()
        {
            var history = new History(settings, dll, $"{pg};Database={Need("SCALE_DATABASE")};Maximum Pool Size=200");
            await history.RunAsync(table, Stats.Median(bareStarts), bareIdle);
            Console.WriteLine($"  history done after {clock.Elapsed.TotalSeconds:F0} s");
        }
        async Task RoomsAsync()
        {
            if (!rooms || Environment.GetEnvironmentVariable("SCALE_NGINX_PORT") is not { Length: > 0 } nginx) return;
            var ports = Need("SCALE_NODE_PORTS").Split(',').Select(int.Parse).ToArray();
            await Rooms.RunAsync(table, settings.Rooms, settings.Screens, settings.RoomRounds, settings.RushDelegations, dll,
                $"{pg};Database={Need("SCALE_ROOMS_DATABASE")};Maximum Pool Size=200", Need("SCALE_REDIS"), int.Parse(nginx), ports);
            Console.WriteLine($"  rooms done after {clock.Elapsed.TotalSeconds:F0} s");
        }
        // --rooms-first: the twenty rooms before the long history (a run cut short keeps them).
        if (args.Contains("--no-history")) await RoomsAsync(); // the rooms alone (the history run apart, --no-rooms)
        else if (args.Contains("--rooms-first")) { await RoomsAsync(); await HistoryAsync(); }
        else { await HistoryAsync(); await RoomsAsync(); }

        table.Print(Console.Out, $"{machine}; load average at the end {Memory.Load()}; {clock.Elapsed.TotalMinutes:F1} min");
        return 0;
    }

    private static string Need(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set: ops/bench-scale sets it.");

    internal static Dictionary<string, string> ServerEnvironment(string connectionString, string keys) => new()
    {
        ["ConnectionStrings__Marten"] = connectionString,
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["SpeakersList__KeysPath"] = keys,
        ["SpeakersList__CreateFirstOfficer"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
    };

    internal static async Task<Api> SignInAsync(Uri server, string officer, string password)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = server, Timeout = TimeSpan.FromMinutes(5),
        };
        var signIn = await http.PostAsJsonAsync("/api/auth/officer/sign-in", new { name = officer, password });
        signIn.EnsureSuccessStatusCode();
        var token = (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return new Api(http);
    }

    /// <summary>Schedules a three-hour meeting at <paramref name="day"/> (10:00 when it is a midnight; venue time, UTC-4) in a room, on an agenda item of its own.</summary>
    internal static async Task<Guid> ScheduleAsync(Api api, string title, string room, DateTimeOffset day, Guid? conferenceId = null)
    {
        day = day.TimeOfDay == TimeSpan.Zero ? day.AddHours(10) : day;
        var id = Guid.NewGuid();
        var response = await api.Http.PostAsJsonAsync("/api/meetings", new
        {
            commandId = id, kind = "plenary", title, room, start = day, end = day.AddHours(3), agendaItem = $"Item of {title}", conferenceId,
        }, Api.Json);
        await Api.Expect(response, HttpStatusCode.Created);
        return id;
    }

    /// <summary>Inscribes the codes at once; the latencies (ms) and how many were refused.</summary>
    internal static async Task<(double[] Latencies, int Refused)> RushAsync(Api api, Guid meeting, IReadOnlyList<string> codes)
    {
        var latencies = new double[codes.Count];
        var statuses = await Task.WhenAll(codes.Select(async (code, i) =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await api.TryInscribe(meeting, code, "minister");
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return response.StatusCode;
        }));
        return (latencies, statuses.Count(s => s != HttpStatusCode.Created));
    }

    internal static async Task<IReadOnlyList<string>> ParticipantsAsync(Api api) =>
        (await api.Http.GetFromJsonAsync<JsonObject[]>("/api/participants", Api.Json))!
            .OrderBy(x => x["category"]!.GetValue<string>() == "memberState" ? 0 : 1).Select(x => x["code"]!.GetValue<string>()).ToList();

    /// <summary>The history: meetings loaded and run through, several at once, and the reads measured at each size.</summary>
    private sealed class History(Settings settings, string dll, string connectionString)
    {
        private readonly string _officer = $"scale-{Guid.NewGuid():N}"[..14];
        private readonly string _password = $"scale-{Guid.NewGuid():N}";
        private readonly Dictionary<string, string> _environment = ServerEnvironment(connectionString, Path.Combine(Path.GetTempPath(), "speakerslist-scale-keys"));
        // A Monday at least a day ahead (venue time; the venue's winter offset).
        private readonly DateTimeOffset _day0 = new DateTimeOffset(DateTimeOffset.UtcNow.Date, TimeSpan.FromHours(-5))
            .AddDays(7 - ((int)DateTimeOffset.UtcNow.DayOfWeek + 6) % 7);
        private int _loaded;
        private Guid _first;
        private DateTimeOffset _midway;
        private string _special = "";
        private string _calendar = "";
        private Guid? _conference;

        public async Task RunAsync(FigureTable table, double bareStart, double bareIdle)
        {
            await ServerProcess.RunToEndAsync(dll, _environment, _password, "officer", "add", "--name", _officer);
            var server = await ServerProcess.StartAsync(dll, Memory.FreePort(), "/health/ready", _environment);
            Console.WriteLine($"  first start (schema) {server.StartSeconds:F2} s");
            var baseline = new Dictionary<string, double>();
            try
            {
                foreach (var size in settings.Sizes)
                {
                    var api = await SignInAsync(server.Address, _officer, _password);
                    var load = Stopwatch.StartNew();
                    var loadedBefore = _loaded;
                    await LoadAsync(api, size);
                    Console.WriteLine($"  {size}x: {size - loadedBefore} meetings loaded in {load.Elapsed.TotalSeconds:F0} s " +
                        $"({(size - loadedBefore) * settings.Speakers * 4 / Math.Max(1, load.Elapsed.TotalSeconds):F0} events/s); load {Memory.Load()}");

                    // Cold starts on this history (the schema stamped already), then the idle memory of the last.
                    var starts = new List<double>();
                    for (var i = 0; i < settings.Starts; i++)
                    {
                        await server.DisposeAsync();
                        server = await ServerProcess.StartAsync(dll, Memory.FreePort(), "/health/ready", _environment);
                        starts.Add(server.StartSeconds);
                    }
                    await Task.Delay(settings.Settle);
                    var figures = new Dictionary<string, (double Value, string Unit)>
                    {
                        ["cold start to /health/ready (median)"] = (Stats.Median(starts), "s"),
                        ["memory idle (RSS)"] = (server.ResidentMegabytes(), "MB"),
                    };
                    Console.WriteLine($"  {size}x idle: {server.MemoryBreakdown()}");
                    api = await SignInAsync(server.Address, _officer, _password);
                    foreach (var (read, p50, p99) in await MeasureReadsAsync(api))
                    {
                        figures[$"{read} (p50)"] = (p50, "ms");
                        figures[$"{read} (p99)"] = (p99, "ms");
                    }
                    foreach (var (what, (value, unit)) in figures)
                    {
                        if (size == settings.Sizes[0]) baseline[what] = value;
                        var growth = what.StartsWith("cold", StringComparison.Ordinal) || what.StartsWith("memory", StringComparison.Ordinal) ? "≤ 1.2x" : what.EndsWith("(p50)") ? "≤ 1.5x" : null;
                        table.Add(new Figure($"history {size}x", what, value, unit, $"same at {settings.Sizes[0]}x", baseline.GetValueOrDefault(what),
                            size == settings.Sizes[^1] && size != settings.Sizes[0] ? growth : null));
                    }
                    if (size == settings.Sizes[0])
                    {
                        table.Add(new Figure($"history {size}x", "cold start beside the bare app", Stats.Median(starts), "s", "bare app start", bareStart, "≤ 2.5x"));
                        table.Add(new Figure($"history {size}x", "memory idle beside the bare app", figures["memory idle (RSS)"].Value, "MB", "bare app idle", bareIdle));
                    }
                }

                // The rush right after a start: every round counts, the first one included (the issue's stall).
                await server.DisposeAsync();
                server = await ServerProcess.StartAsync(dll, Memory.FreePort(), "/health/ready", _environment);
                var rushApi = await SignInAsync(server.Address, _officer, _password);
                var codes = (await ParticipantsAsync(rushApi)).Take(settings.RushDelegations).ToList();
                var worst = 0.0;
                var refused = 0;
                var all = new List<double>();
                for (var round = 0; round < settings.RushRounds; round++)
                {
                    var meeting = await ScheduleAsync(rushApi, $"Rush {round}", $"Rush room {round}", _day0.AddDays(30));
                    // What the round did to the runtime and the database: the server's threads (the thread pool's injections),
                    // the database's backends (the connection pool's growth), checkpoints.
                    var (threads, backends, checkpoints) = (Threads(server.Id), await Database("select count(*) from pg_stat_activity where datname = current_database()"),
                        await Database("select checkpoints_timed + checkpoints_req from pg_stat_bgwriter"));
                    var clock = Stopwatch.StartNew();
                    var (latencies, refusedNow) = await RushAsync(rushApi, meeting, codes);
                    var p99 = Stats.Percentile(latencies, 99);
                    Console.WriteLine($"    rush round {round} after a start: {codes.Count / clock.Elapsed.TotalSeconds:F0}/s, p50 {Stats.Median(latencies):F0} ms, p99 {p99:F0} ms, refused {refusedNow}; " +
                        $"server threads {threads} → {Threads(server.Id)}, database backends {backends} → {await Database("select count(*) from pg_stat_activity where datname = current_database()")}, " +
                        $"checkpoints {await Database("select checkpoints_timed + checkpoints_req from pg_stat_bgwriter") - checkpoints}");
                    worst = Math.Max(worst, p99);
                    refused += refusedNow;
                    all.AddRange(latencies);
                }
                table.Add(new Figure("rush after a start", $"{settings.RushRounds} rounds of {codes.Count}, worst round's p99", worst, "ms", Goal: "≤ 150 ms"));
                table.Add(new Figure("rush after a start", $"{settings.RushRounds} rounds of {codes.Count}, p50", Stats.Median(all), "ms"));
                table.Add(new Figure("rush after a start", $"{settings.RushRounds} rounds of {codes.Count}, refused", refused, "", Goal: "0"));
            }
            finally
            {
                await server.DisposeAsync();
            }
        }

        private async Task<long> Database(string sql)
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString.Replace("Maximum Pool Size=200", "Pooling=false"));
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        private static int Threads(int processId) =>
            int.Parse(File.ReadLines($"/proc/{processId}/status").First(x => x.StartsWith("Threads:", StringComparison.Ordinal))["Threads:".Length..].Trim(), CultureInfo.InvariantCulture);

        /// <summary>Meetings up to <paramref name="size"/>, several at once: the first alone on its day, then eight a day.</summary>
        private async Task LoadAsync(Api api, int size)
        {
            var participants = await ParticipantsAsync(api);
            if (_loaded == 0)
            {
                // The delegation whose calendar and agenda are read: on the first meeting only.
                _special = participants[^1];
                // The session's conference (the agenda and /api/programme read its meetings): its days, each with an evening briefing.
                var imported = await api.TryImportProgramme(Programme(Days(100)));
                await Api.Expect(imported, HttpStatusCode.Created);
                _conference = Guid.Parse(imported.Headers.Location!.OriginalString.Split("conferenceId=")[1]);
                var link = await Api.Expect(await api.Http.PostAsync($"/api/delegations/{_special}/calendar-links", null), HttpStatusCode.Created);
                _calendar = new Uri(link["url"]!.GetValue<string>()).PathAndQuery;
            }
            var others = participants.Where(x => x != _special).ToList();
            using var gate = new SemaphoreSlim(settings.Concurrency);
            // A room holds one meeting at a time (opening a second one there is refused): each room's meetings in turn, the rooms at once.
            var rooms = Enumerable.Range(_loaded, size - _loaded).GroupBy(i => i == 0 ? 0 : (i - 1) % 10 % 5);
            await Task.WhenAll(rooms.Select(async room =>
            {
                foreach (var i in room)
                {
                    await gate.WaitAsync();
                    try
                    {
                        var speakers = i == 0 ? others.Take(settings.Speakers - 1).Append(_special).ToList() : others.Take(settings.Speakers).ToList();
                        // Five rooms, morning and afternoon: ten meetings a weekday (two weeks for 100), the first alone on its day.
                        var slot = Math.Max(0, i - 1) % 10;
                        var day = i == 0 ? _day0.AddHours(10) : Weekday(1 + (i - 1) / 10).AddHours(slot < 5 ? 10 : 15);
                        await RunThroughAsync(api, i, speakers, day, ConferenceRooms[slot % 5]);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }
            }));
            _loaded = size;
        }

        private static readonly string[] ConferenceRooms = ["General Assembly Hall", "Conference Room 1", "Conference Room 2", "Conference Room 3", "Conference Room 4"];

        private static int Days(int meetings) => 1 + (meetings + 8) / 10;

        /// <summary>The n-th weekday of the conference (day 0: <see cref="_day0"/>, a Monday).</summary>
        private DateTimeOffset Weekday(int n)
        {
            var day = _day0;
            for (var i = 0; i < n; i++) day = day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
            return day;
        }

        private string Programme(int days)
        {
            var text = new System.Text.StringBuilder($"""
                conference:
                  name: Scale session
                  agendaItem: The session's agenda
                  timeZone: America/New_York
                  firstDay: {_day0:yyyy-MM-dd}
                rooms:
                {string.Join("\n", ConferenceRooms.Select(r => "  - " + r))}
                days:

                """);
            for (var d = 0; d < days; d++)
                text.Append($"""
                      - day: {d}
                        title: Day {d + 1}
                        meetings:
                          - code: BRIEF{d}
                            kind: plenary
                            title: Evening briefing {d + 1}
                            room: Conference Room 4
                            start: "19:00"
                            end: "19:30"

                    """);
            return text.ToString();
        }

        private async Task RunThroughAsync(Api api, int index, IReadOnlyList<string> speakers, DateTimeOffset at, string room)
        {
            var meeting = await ScheduleAsync(api, $"Meeting {index + 1}", room, at, _conference);
            if (index == 0) _first = meeting;
            var (_, refused) = await RushAsync(api, meeting, speakers);
            if (refused > 0) throw new InvalidOperationException($"{refused} of {speakers.Count} inscriptions on meeting {index + 1} were refused.");
            await api.Floor(meeting, "open");
            for (var s = 0; s < speakers.Count; s++)
            {
                if (index == 0 && s == speakers.Count / 2)
                {
                    _midway = DateTimeOffset.UtcNow;
                    await Task.Delay(20); // the moment lies between two events
                }
                await api.Floor(meeting, "next");
                await api.Floor(meeting, "start");
                await api.Floor(meeting, "end");
            }
            await api.Floor(meeting, "adjourn");
        }

        private async Task<IReadOnlyList<(string Read, double P50, double P99)>> MeasureReadsAsync(Api api)
        {
            var date = _day0.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var paths = new Dictionary<string, string>
            {
                ["list"] = $"/api/meetings/{_first}/speakers-list",
                ["list ?at="] = $"/api/meetings/{_first}/speakers-list?at={Uri.EscapeDataString(_midway.ToString("O"))}",
                ["journal of the day"] = $"/api/journal/{date}",
                ["calendar .ics"] = _calendar,
                ["agenda"] = $"/api/delegations/{_special}/agenda",
                ["record"] = $"/api/meetings/{_first}/record",
                ["programme"] = "/api/programme",
                ["forecast-accuracy"] = $"/api/meetings/{_first}/forecast-accuracy",
            };
            var results = new List<(string, double, double)>();
            foreach (var read in Reads)
            {
                var path = paths[read];
                using (var probe = await api.Http.GetAsync(path))
                {
                    if (probe.StatusCode == HttpStatusCode.NotFound && read == "forecast-accuracy")
                    {
                        Console.WriteLine("    forecast-accuracy: the route does not answer (404) in this build: skipped");
                        continue;
                    }
                    if (!probe.IsSuccessStatusCode) throw new InvalidOperationException($"{read} ({path}) answered {(int)probe.StatusCode}: {await probe.Content.ReadAsStringAsync()}");
                }
                for (var i = 0; i < 3; i++) await api.Http.GetByteArrayAsync(path); // warm-up
                var times = new List<double>();
                var bytes = 0;
                for (var i = 0; i < settings.Reads; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    bytes = (await api.Http.GetByteArrayAsync(path)).Length;
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                Console.WriteLine($"    {read}: p50 {Stats.Median(times):F1} ms, p99 {Stats.Percentile(times, 99):F1} ms, {bytes:N0} B");
                results.Add((read, Stats.Median(times), Stats.Percentile(times, 99)));
            }
            return results;
        }
    }
}
