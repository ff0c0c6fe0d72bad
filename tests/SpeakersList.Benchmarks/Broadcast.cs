using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace SpeakersList.Benchmarks;

/// <summary>
/// N screens connected over WebSockets, each following a meeting's floor. A round: one command is sent, and the round's
/// figure is the time from its sending to the moment the LAST screen has a floorChanged with the command's version.
/// Each screen behaves as a page's (wwwroot/js/live.js): it reconnects for ever and takes a fresh snapshot when it is back.
/// A screen still connected that has not had a command's version after <see cref="MissAfter"/> takes a fresh snapshot too
/// (a real screen would show the stale view until the next push): every such resync is counted, so a lost push is seen.
/// </summary>
public sealed class Screens : IAsyncDisposable
{
    private sealed class Screen
    {
        public HubConnection Connection = null!;
        public long Version;
        public long ReachedAt;
        public int Index;
    }

    /// <summary>How long a connected screen may lack a command's version before it takes a fresh snapshot (and is counted).</summary>
    public static readonly TimeSpan MissAfter = TimeSpan.FromSeconds(10);

    private readonly List<Screen> _screens = [];
    private readonly string _subscribe;
    private readonly object?[] _arguments;
    private volatile bool _disposing;
    private int _lost;
    private int _resyncs;
    private int _missed;
    private readonly Dictionary<string, int> _reasons = [];

    private Screens(string subscribe, object?[] arguments) => (_subscribe, _arguments) = (subscribe, arguments);

    /// <summary>The bytes of the last payload of each push name one screen received (the first screen).</summary>
    public Dictionary<string, int> PushBytes { get; } = [];

    /// <summary>Connections lost (and made again, as a page's are).</summary>
    public int Lost => Volatile.Read(ref _lost);

    /// <summary>Fresh snapshots taken after the first: on reconnecting, and after a missed push.</summary>
    public int Resyncs => Volatile.Read(ref _resyncs);

    /// <summary>Times a screen that stayed connected lacked a command's version after <see cref="MissAfter"/>: pushes the server lost.</summary>
    public int MissedWhileConnected => Volatile.Read(ref _missed);

    /// <summary>
    /// Where each round's time went: until the command answered, until the first screen had its version, until the last.
    /// A push that waits on the server shows as a late first screen; a slow fan-out to the sockets (or a slow client) as a
    /// long way from the first screen to the last.
    /// </summary>
    public List<(double Answered, double First, double Last)> Splits { get; } = [];

    /// <summary>Why connections were lost, and how often.</summary>
    public IReadOnlyDictionary<string, int> LossReasons { get { lock (_reasons) return new Dictionary<string, int>(_reasons); } }

    public static Task<Screens> ConnectAsync(Uri hub, int count, string subscribe, object?[] arguments, params string[] recordSizesOf) =>
        ConnectAsync(hub, count, subscribe, arguments, null, recordSizesOf);

    /// <summary>Reconnects for ever, as a page does (live.js): at once, then after 1, 2, 5 and every 10 seconds.</summary>
    private sealed class Forever : IRetryPolicy
    {
        private static readonly int[] Seconds = [0, 1, 2, 5, 10];

        public TimeSpan? NextRetryDelay(RetryContext context) => TimeSpan.FromSeconds(Seconds[Math.Min(context.PreviousRetryCount, Seconds.Length - 1)]);
    }

    /// <param name="source">The local address of screen i's connection (a proxy that pins by client address spreads them), or null.</param>
    public static async Task<Screens> ConnectAsync(Uri hub, int count, string subscribe, object?[] arguments, Func<int, IPAddress>? source,
        params string[] recordSizesOf)
    {
        var screens = new Screens(subscribe, arguments);
        using var gate = new SemaphoreSlim(50); // connect 50 at a time: the server, not the client, is measured
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var screen = new Screen
                {
                    Index = i,
                    Connection = new HubConnectionBuilder()
                        .WithUrl(hub, options =>
                        {
                            options.SkipNegotiation = true;
                            options.Transports = HttpTransportType.WebSockets;
                            if (source is not null) options.WebSocketFactory = (context, cancellation) => Bound(context.Uri, source(i), cancellation);
                        })
                        .WithAutomaticReconnect(new Forever())
                        .Build(),
                };
                screen.Connection.ServerTimeout = TimeSpan.FromMinutes(5);
                screen.Connection.On<JsonElement>("floorChanged", view =>
                {
                    Reached(screen, view.GetProperty("version").GetInt64());
                    if (i == 0) screens.Record("floorChanged", view);
                });
                if (i == 0)
                    foreach (var name in recordSizesOf.Where(x => x != "floorChanged"))
                        screen.Connection.On<JsonElement>(name, view => screens.Record(name, view));
                screen.Connection.Reconnecting += error =>
                {
                    screens.LostFor(error);
                    return Task.CompletedTask;
                };
                // Back: a fresh snapshot, as a page takes (pushes sent while it was away are lost).
                screen.Connection.Reconnected += _ => screens.ResyncAsync(screen);
                // Closed for good (the retries never end, so only when the server refuses to reconnect): start again, as live.js does.
                screen.Connection.Closed += async error =>
                {
                    if (screens._disposing) return;
                    screens.LostFor(error);
                    while (!screens._disposing)
                    {
                        try
                        {
                            await screen.Connection.StartAsync();
                            await screens.ResyncAsync(screen);
                            return;
                        }
                        catch (Exception) when (!screens._disposing)
                        {
                            await Task.Delay(TimeSpan.FromSeconds(2));
                        }
                    }
                };
                await screen.Connection.StartAsync();
                var snapshot = await screen.Connection.InvokeCoreAsync<JsonElement>(subscribe, arguments);
                if (snapshot.ValueKind == JsonValueKind.Object && snapshot.TryGetProperty("version", out var v)) screen.Version = v.GetInt64();
                lock (screens._screens) screens._screens.Add(screen);
            }
            finally
            {
                gate.Release();
            }
        }));
        return screens;
    }

    private static void Reached(Screen screen, long version)
    {
        // A push and a snapshot may report at once: the version only grows, with the moment it was first reached (written first).
        lock (screen)
        {
            if (version <= screen.Version) return;
            Volatile.Write(ref screen.ReachedAt, Stopwatch.GetTimestamp());
            Volatile.Write(ref screen.Version, version);
        }
    }

    private void LostFor(Exception? error)
    {
        Interlocked.Increment(ref _lost);
        var reason = error?.GetBaseException().Message ?? "closed without an error";
        lock (_reasons) _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
    }

    /// <summary>A fresh snapshot (the subscription again), counted.</summary>
    private async Task ResyncAsync(Screen screen)
    {
        Interlocked.Increment(ref _resyncs);
        try
        {
            var snapshot = await screen.Connection.InvokeCoreAsync<JsonElement>(_subscribe, _arguments);
            if (snapshot.ValueKind == JsonValueKind.Object && snapshot.TryGetProperty("version", out var v)) Reached(screen, v.GetInt64());
        }
        catch (Exception ex) when (!_disposing)
        {
            LostFor(ex); // the next reconnection resynchronises it
        }
    }

    private static async ValueTask<WebSocket> Bound(Uri uri, IPAddress local, CancellationToken cancellation)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, token);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        var webSocket = new ClientWebSocket();
        await webSocket.ConnectAsync(uri, new HttpMessageInvoker(handler), cancellation);
        return webSocket;
    }

    /// <summary>How many screens are connected.</summary>
    public int Count => _screens.Count;

    private void Record(string name, JsonElement view)
    {
        lock (PushBytes) PushBytes[name] = Encoding.UTF8.GetByteCount(view.GetRawText());
    }

    /// <summary>
    /// Sends the command, then waits for every screen to reach its version; milliseconds from sending to the last screen.
    /// A screen connected all along that lacks the version after <see cref="MissAfter"/> takes a fresh snapshot (counted).
    /// </summary>
    public async Task<double> RoundAsync(Func<Task<long>> command)
    {
        var sent = Stopwatch.GetTimestamp();
        var version = await command();
        var answered = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        var clock = Stopwatch.StartNew();
        var resynced = new HashSet<Screen>();
        while (_screens.Any(s => Volatile.Read(ref s.Version) < version))
        {
            if (clock.Elapsed > MissAfter)
                foreach (var late in _screens.Where(s => Volatile.Read(ref s.Version) < version && s.Connection.State == HubConnectionState.Connected && resynced.Add(s)))
                {
                    Interlocked.Increment(ref _missed);
                    Console.WriteLine($"    screen {late.Index} ({late.Connection.ConnectionId}), connected, lacks version {version} after {MissAfter.TotalSeconds:F0} s " +
                        $"(has {Volatile.Read(ref late.Version)}): a fresh snapshot");
                    _ = ResyncAsync(late);
                }
            if (clock.Elapsed > TimeSpan.FromSeconds(120))
            {
                var behind = _screens.Where(s => Volatile.Read(ref s.Version) < version).ToList();
                throw new TimeoutException($"{behind.Count} of {_screens.Count} screens never had version {version} " +
                    $"(states {string.Join(", ", behind.GroupBy(s => s.Connection.State).Select(g => $"{g.Key} {g.Count()}"))}; " +
                    $"lost {Lost}, resyncs {Resyncs}, missed while connected {MissedWhileConnected}).");
            }
            await Task.Delay(1);
        }
        var last = _screens.Max(s => Volatile.Read(ref s.ReachedAt));
        var first = _screens.Min(s => Volatile.Read(ref s.ReachedAt));
        Splits.Add((answered, Math.Max(0, Stopwatch.GetElapsedTime(sent, first).TotalMilliseconds), Stopwatch.GetElapsedTime(sent, last).TotalMilliseconds));
        return Stopwatch.GetElapsedTime(sent, last).TotalMilliseconds;
    }

    /// <summary>What happened to the screens' connections: losses (with their reasons), resyncs, pushes missed while connected.</summary>
    public static string Summary(IReadOnlyCollection<Screens> all) =>
        $"connections lost {all.Sum(x => x.Lost)}, fresh snapshots after the first {all.Sum(x => x.Resyncs)}, " +
        $"pushes missed by a connected screen {all.Sum(x => x.MissedWhileConnected)}" +
        string.Concat(all.SelectMany(x => x.LossReasons).GroupBy(x => x.Key).Select(g => $"; lost for \"{g.Key}\" {g.Sum(x => x.Value)}"));

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        using var gate = new SemaphoreSlim(100);
        await Task.WhenAll(_screens.Select(async s =>
        {
            await gate.WaitAsync();
            try { await s.Connection.DisposeAsync(); } finally { gate.Release(); }
        }));
        _screens.Clear();
    }
}

public static class Bare
{
    public static Func<Task<long>> Broadcast(HttpClient http, int listBytes, int floorBytes, string? group = null) => async () =>
    {
        using var response = await http.PostAsync($"/broadcast?list={listBytes}&floor={floorBytes}{(group is null ? "" : $"&group={group}")}", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
    };
}
