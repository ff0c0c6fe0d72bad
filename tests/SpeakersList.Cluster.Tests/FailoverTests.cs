using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SpeakersList.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SpeakersList.Cluster.Tests;

/// <summary>A node dies, or is restarted for an upgrade, during a live meeting: the proxy and the screens carry on.</summary>
[Collection(ClusterCollection.Name)]
public class Failover(Cluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(5);

    private readonly List<string> _codes = [];
    private int _next;

    public async Task InitializeAsync()
    {
        using var http = cluster.Officer();
        _codes.AddRange((await http.GetFromJsonAsync<JsonElement[]>("/api/participants", Api.Json))!
            .Where(p => p.GetProperty("category").GetString() == "memberState").Select(p => p.GetProperty("code").GetString()!));
    }

    // Every node runs again for the next test.
    public async Task DisposeAsync()
    {
        for (var i = 0; i < Cluster.NodeCount; i++)
            if (!cluster.IsRunning(i)) await cluster.StartNodeAsync(i);
    }

    [Fact]
    public async Task After_a_node_is_killed_commands_through_the_proxy_succeed_by_the_second_try_none_is_lost_and_the_display_follows()
    {
        using var http = cluster.Officer();
        var api = new Api(http);
        var meeting = await api.ScheduleMeeting(title: "Failover", room: $"Room {Guid.NewGuid():N}");
        await api.Floor(meeting, "open");
        await using var display = await Screen.OpenAsync(cluster.Proxy, "SubscribeToFloor", "floorChanged", meeting);
        var victim = await cluster.HubNodeAsync(); // the node serving the display: its screens must move

        var acknowledged = new List<(string Code, long Version)>();
        for (var i = 0; i < 6; i++) acknowledged.Add(await InscribeWithOneRetry(api, meeting));
        await display.SeesAsync(acknowledged[^1].Version, Resync);

        var killing = cluster.KillNodeAsync(victim);
        // Commands keep flowing while the node dies, and after.
        var during = Enumerable.Range(0, 4).Select(_ => InscribeWithOneRetry(api, meeting)).ToList();
        await killing;
        acknowledged.AddRange(await Task.WhenAll(during));
        for (var i = 0; i < 10; i++)
        {
            var (code, version) = await InscribeWithOneRetry(api, meeting);
            acknowledged.Add((code, version));
            var took = await display.SeesAsync(version, Resync);
            if (i == 0) output.WriteLine($"first change after the kill seen by the display in {took.TotalMilliseconds:F0} ms (reconnects: {display.Reconnects})");
        }

        Assert.True(display.Reconnects >= 1, "the display was on the killed node and must have reconnected");
        var onTheList = (await api.SpeakingOrder(meeting)).ToHashSet();
        Assert.All(acknowledged, a => Assert.Contains(a.Code, onTheList));
        Assert.Equal(acknowledged.Count, onTheList.Count);
    }

    [Fact]
    public async Task A_rolling_restart_keeps_a_display_live_throughout()
    {
        using var http = cluster.Officer();
        var api = new Api(http);
        var meeting = await api.ScheduleMeeting(title: "Rolling restart", room: $"Room {Guid.NewGuid():N}");
        await api.Floor(meeting, "open");
        await using var display = await Screen.OpenAsync(cluster.Proxy, "SubscribeToFloor", "floorChanged", meeting);

        async Task ChangeIsShown(string when)
        {
            var (_, version) = await InscribeWithOneRetry(api, meeting);
            var took = await display.SeesAsync(version, Resync);
            output.WriteLine($"{when}: version {version} shown in {took.TotalMilliseconds:F0} ms");
        }

        // A node restarted by an earlier test may still be out of the proxy's rotation: start from both in it.
        for (var node = 0; node < Cluster.NodeCount; node++) await cluster.WaitUntilProxyUsesAsync(node);
        await ChangeIsShown("before");
        for (var node = 0; node < Cluster.NodeCount; node++)
        {
            await cluster.StopNodeAsync(node);
            await ChangeIsShown($"node {node + 1} stopped");
            await cluster.StartNodeAsync(node);
            await cluster.WaitUntilProxyUsesAsync(node);
            await ChangeIsShown($"node {node + 1} started again");
        }
        Assert.True(display.Reconnects >= 1, "one of the stops must have moved the display");
    }

    /// <summary>An officer's inscription through the proxy; a failed try (the node died under it) is retried once with the same commandId.</summary>
    private async Task<(string Code, long Version)> InscribeWithOneRetry(Api api, Guid meeting)
    {
        var code = _codes[Interlocked.Increment(ref _next) - 1];
        var commandId = Guid.NewGuid();
        for (var attempt = 1; ; attempt++)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var response = await api.TryInscribe(meeting, code, commandId: commandId);
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                    return (code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
                if (attempt == 2) Assert.Fail($"{code}: the retry was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                output.WriteLine($"{code}: first try answered {(int)response.StatusCode} after {clock.ElapsedMilliseconds} ms; retrying");
            }
            catch (HttpRequestException ex) when (attempt == 1)
            {
                output.WriteLine($"{code}: first try failed ({ex.Message}); retrying");
            }
        }
    }
}
