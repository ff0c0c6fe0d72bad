using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Cluster.Tests;

/// <summary>The roster of screens is complete whichever node a screen is on and whichever node is asked.</summary>
[Collection(ClusterCollection.Name)]
public class Screens_across_nodes(Cluster cluster)
{
    [Fact]
    public async Task A_display_on_one_node_is_listed_by_the_other_and_marked_lost_there_when_it_goes()
    {
        using var http = cluster.Officer(cluster.Node(0));
        var api = new Api(http);
        var room = $"Room {Guid.NewGuid():N}";
        var meeting = await api.ScheduleMeeting(title: "Screens across nodes", room: room);
        await using var onNode2 = await ReportingDisplayAsync(cluster.Node(1), room, meeting);
        await using var onNode1 = await ReportingDisplayAsync(cluster.Node(0), room, meeting);

        var listed = Stopwatch.StartNew();
        var both = await ScreensAsync(http, room, s => s.Length == 2);
        Assert.True(listed.Elapsed < TimeSpan.FromSeconds(3), $"listed after {listed.Elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(["node1", "node2"], both.Select(s => s.GetProperty("node").GetString()).Order());
        Assert.All(both, s => Assert.True(s.GetProperty("connected").GetBoolean()));
        // Node 2 lists node 1's display too.
        using var http2 = cluster.Officer(cluster.Node(1));
        await ScreensAsync(http2, room, s => s.Length == 2);

        var lost = Stopwatch.StartNew();
        await onNode2.DisposeAsync();
        var after = await ScreensAsync(http, room, s => s.Any(x => !x.GetProperty("connected").GetBoolean()));
        Assert.True(lost.Elapsed < TimeSpan.FromSeconds(10), $"marked lost after {lost.Elapsed.TotalMilliseconds:F0} ms");
        var gone = Assert.Single(after, s => !s.GetProperty("connected").GetBoolean());
        Assert.Equal("node2", gone.GetProperty("node").GetString());
        Assert.NotEqual(JsonValueKind.Null, gone.GetProperty("disconnectedAt").ValueKind);
    }

    /// <summary>A display as the page behaves: it says what it is, and again every 3 seconds.</summary>
    private static async Task<IAsyncDisposable> ReportingDisplayAsync(Uri node, string room, Guid meeting)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(node, "/hubs/live")).Build();
        await connection.StartAsync();
        var stop = new CancellationTokenSource();
        async Task ReportAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                await connection.InvokeAsync("ReportScreen", "display", room, (Guid?)meeting, (string?)null, (long?)1);
                try { await Task.Delay(TimeSpan.FromSeconds(3), stop.Token); } catch (OperationCanceledException) { }
            }
        }
        var reporting = ReportAsync();
        return new Reporting(connection, stop, reporting);
    }

    private sealed class Reporting(HubConnection connection, CancellationTokenSource stop, Task reporting) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (stop.IsCancellationRequested) return;
            await stop.CancelAsync();
            await reporting;
            await connection.DisposeAsync();
        }
    }

    private static async Task<JsonElement[]> ScreensAsync(HttpClient http, string room, Func<JsonElement[], bool> until)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var screens = (await http.GetFromJsonAsync<JsonElement[]>($"/api/screens?room={Uri.EscapeDataString(room)}", Api.Json))!;
            if (until(screens)) return screens;
            if (deadline.Elapsed > TimeSpan.FromSeconds(15)) Assert.Fail($"the roster of {room} is still {JsonSerializer.Serialize(screens)}");
            await Task.Delay(100);
        }
    }
}
