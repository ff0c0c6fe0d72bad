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
/// </summary>
public sealed class Screens : IAsyncDisposable
{
    private sealed class Screen
    {
        public HubConnection Connection = null!;
        public long Version;
        public long ReachedAt;
    }

    private readonly List<Screen> _screens = [];

    /// <summary>The bytes of the last payload of each push name one screen received (the first screen).</summary>
    public Dictionary<string, int> PushBytes { get; } = [];

    public static Task<Screens> ConnectAsync(Uri hub, int count, string subscribe, object?[] arguments, params string[] recordSizesOf) =>
        ConnectAsync(hub, count, subscribe, arguments, null, recordSizesOf);

    /// <param name="source">The local address of screen i's connection (a proxy that pins by client address spreads them), or null.</param>
    public static async Task<Screens> ConnectAsync(Uri hub, int count, string subscribe, object?[] arguments, Func<int, IPAddress>? source,
        params string[] recordSizesOf)
    {
        var screens = new Screens();
        using var gate = new SemaphoreSlim(50); // connect 50 at a time: the server, not the client, is measured
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var screen = new Screen
                {
                    Connection = new HubConnectionBuilder()
                        .WithUrl(hub, options =>
                        {
                            options.SkipNegotiation = true;
                            options.Transports = HttpTransportType.WebSockets;
                            if (source is not null) options.WebSocketFactory = (context, cancellation) => Bound(context.Uri, source(i), cancellation);
                        })
                        .Build(),
                };
                screen.Connection.ServerTimeout = TimeSpan.FromMinutes(5);
                screen.Connection.On<JsonElement>("floorChanged", view =>
                {
                    var version = view.GetProperty("version").GetInt64();
                    if (version > Volatile.Read(ref screen.Version))
                    {
                        Volatile.Write(ref screen.ReachedAt, Stopwatch.GetTimestamp());
                        Volatile.Write(ref screen.Version, version);
                    }
                    if (i == 0) screens.Record("floorChanged", view);
                });
                if (i == 0)
                    foreach (var name in recordSizesOf.Where(x => x != "floorChanged"))
                        screen.Connection.On<JsonElement>(name, view => screens.Record(name, view));
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

    /// <summary>Sends the command, then waits for every screen to reach its version; milliseconds from sending to the last screen.</summary>
    public async Task<double> RoundAsync(Func<Task<long>> command)
    {
        var sent = Stopwatch.GetTimestamp();
        var version = await command();
        var clock = Stopwatch.StartNew();
        while (_screens.Any(s => Volatile.Read(ref s.Version) < version))
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
                throw new TimeoutException($"{_screens.Count(s => Volatile.Read(ref s.Version) < version)} of {_screens.Count} screens never had version {version}.");
            await Task.Delay(1);
        }
        var last = _screens.Max(s => Volatile.Read(ref s.ReachedAt));
        return Stopwatch.GetElapsedTime(sent, last).TotalMilliseconds;
    }

    public async ValueTask DisposeAsync()
    {
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
