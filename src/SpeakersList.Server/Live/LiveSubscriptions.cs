using SpeakersList.Server.Operations;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace SpeakersList.Server.Live;

/// <summary>
/// Which rooms and delegations have subscribers on this node, so that a commit computes their views only when
/// someone is watching. Counts per key, with each connection's keys, released when it disconnects.
/// Per node: with a SignalR backplane (several nodes) the watchers may be on another node, so the node that
/// commits asks Redis which of the touched rooms' and delegations' groups have a connection on some node
/// (<see cref="AudienceAsync"/>), and computes every one of them when Redis cannot tell.
/// </summary>
public sealed class LiveSubscriptions(HubLifetimeManager<LiveHub> lifetime, BackplaneGroups? backplane = null)
{
    /// <summary>True when hub groups span nodes (the Redis backplane): this node alone cannot know who watches.</summary>
    public bool AcrossNodes { get; } = lifetime is not DefaultHubLifetimeManager<LiveHub>;

    /// <summary>
    /// The touched keys to compute a view for: those watched here, or across nodes those whose group has a connection on
    /// some node (all of them when Redis cannot say). The group of a key is <paramref name="prefix"/> and the key.
    /// </summary>
    public async Task<IReadOnlyList<string>> AudienceAsync(string prefix, IEnumerable<string> touched)
    {
        if (!AcrossNodes) return Watched(prefix).Intersect(touched).ToList();
        var keys = touched.Distinct().ToList();
        var watched = backplane is null ? null : await backplane.WatchedAsync(keys.Select(k => prefix + k).ToList());
        return watched is null ? keys : keys.Where(k => watched.Contains(prefix + k)).ToList();
    }

    private readonly ConcurrentDictionary<string, HashSet<string>> _byConnection = new();
    private readonly ConcurrentDictionary<string, int> _watchers = new();

    /// <summary>How many rooms and delegations one connection may follow at once: a screen follows one, a portal a few.</summary>
    public const int MaximumPerConnection = 32;

    public const string TooMany = "This connection follows too many rooms or delegations already; unsubscribe from some first.";

    /// <summary>Counts a connection's interest in a key; false when the connection follows too many already.</summary>
    public bool Add(string connectionId, string key)
    {
        var keys = _byConnection.GetOrAdd(connectionId, _ => []);
        lock (keys)
        {
            if (keys.Contains(key)) return true;
            if (keys.Count >= MaximumPerConnection) return false;
            keys.Add(key);
            _watchers.AddOrUpdate(key, 1, (_, n) => n + 1);
            return true;
        }
    }

    /// <summary>A connection joins a counted group (a room, a delegation, an agenda): counted first, refused when it follows too many.</summary>
    public async Task JoinAsync(Hub hub, string group)
    {
        if (!Add(hub.Context.ConnectionId, group)) throw new HubException(TooMany);
        await hub.Groups.AddToGroupAsync(hub.Context.ConnectionId, group, hub.Context.ConnectionAborted);
    }

    /// <summary>A connection leaves a counted group, and no longer counts towards it.</summary>
    public Task LeaveAsync(Hub hub, string group)
    {
        Remove(hub.Context.ConnectionId, group);
        return hub.Groups.RemoveFromGroupAsync(hub.Context.ConnectionId, group, hub.Context.ConnectionAborted);
    }

    public void Remove(string connectionId, string key)
    {
        if (!_byConnection.TryGetValue(connectionId, out var keys)) return;
        lock (keys)
            if (keys.Remove(key)) Release(key);
    }

    public void Disconnected(string connectionId)
    {
        if (!_byConnection.TryRemove(connectionId, out var keys)) return;
        lock (keys)
            foreach (var key in keys) Release(key);
    }

    /// <summary>The watched keys that start with a prefix ("room:", "delegation:"), without it.</summary>
    public IReadOnlyList<string> Watched(string prefix) =>
        _watchers.Where(x => x.Value > 0 && x.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(x => x.Key[prefix.Length..]).ToList();

    // A key nobody watches any more is forgotten, so made-up keys do not pile up.
    private void Release(string key)
    {
        var left = _watchers.AddOrUpdate(key, 0, (_, n) => Math.Max(0, n - 1));
        if (left == 0) _watchers.TryRemove(new KeyValuePair<string, int>(key, 0));
    }
}
