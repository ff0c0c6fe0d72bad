using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Cluster.Tests;

/// <summary>
/// A hall screen as the pages behave: subscribed with a hub method that answers a versioned snapshot, keeping the
/// newest view pushed, reconnecting with backoff and taking a fresh snapshot after a reconnect.
/// </summary>
public sealed class Screen : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly string _method;
    private readonly object[] _arguments;
    private readonly object _gate = new();
    private readonly List<(long Version, TaskCompletionSource Seen)> _waiting = [];
    private long _version = -1;

    private Screen(Uri address, string? accessToken, string method, string @event, object[] arguments)
    {
        _method = method;
        _arguments = arguments;
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(address, "/hubs/live"), options => options.AccessTokenProvider = () => Task.FromResult(accessToken))
            .WithAutomaticReconnect(new Backoff())
            .AddJsonProtocol(json => JsonDefaults.Configure(json.PayloadSerializerOptions))
            .Build();
        _connection.On<JsonElement>(@event, Show);
        _connection.Reconnected += async _ =>
        {
            Reconnects++;
            await SnapshotAsync();
        };
    }

    /// <summary>The newest version shown.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>The newest view shown.</summary>
    public JsonElement Latest { get; private set; }

    /// <summary>The newest view shown, read into the view's own record (FloorView, RoomView, DelegationView, SpeakersListView).</summary>
    public TView LatestAs<TView>() => Latest.Deserialize<TView>(Api.Json) ?? throw new InvalidOperationException($"The screen shows no {typeof(TView).Name}.");

    public int Reconnects { get; private set; }

    /// <summary>An anonymous screen (reading is public).</summary>
    public static Task<Screen> OpenAsync(Uri address, string method, string @event, params object[] arguments) =>
        OpenSignedInAsync(address, null, method, @event, arguments);

    /// <summary>A screen signed in with a bearer token (a delegation's portal, or an officer).</summary>
    public static async Task<Screen> OpenSignedInAsync(Uri address, string? accessToken, string method, string @event, params object[] arguments)
    {
        var screen = new Screen(address, accessToken, method, @event, arguments);
        await screen._connection.StartAsync();
        await screen.SnapshotAsync();
        return screen;
    }

    private async Task SnapshotAsync() => Show(await _connection.InvokeCoreAsync<JsonElement>(_method, _arguments));

    private void Show(JsonElement view)
    {
        var version = view.GetProperty("version").GetInt64();
        lock (_gate)
        {
            if (version < _version) return;
            _version = version;
            Latest = view.Clone();
            foreach (var waiting in _waiting.Where(x => x.Version <= version).ToList())
            {
                waiting.Seen.TrySetResult();
                _waiting.Remove(waiting);
            }
        }
    }

    /// <summary>Waits until the screen shows a version at least this new; answers how long it took.</summary>
    public async Task<TimeSpan> SeesAsync(long version, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        TaskCompletionSource seen;
        lock (_gate)
        {
            if (_version >= version) return TimeSpan.Zero;
            seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((version, seen));
        }
        if (await Task.WhenAny(seen.Task, Task.Delay(within)) != seen.Task)
            throw new TimeoutException($"The screen did not show version {version} within {within.TotalSeconds:F1} s (it shows {Version}, state {_connection.State}).");
        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    /// <summary>As the pages (wwwroot/js/live.js): 0.5 s, then doubling, at most 10 s, forever.</summary>
    private sealed class Backoff : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) =>
            TimeSpan.FromMilliseconds(Math.Min(10000, 500 * Math.Pow(2, Math.Min(context.PreviousRetryCount, 5))));
    }
}
