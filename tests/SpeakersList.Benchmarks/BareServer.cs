using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SpeakersList.Benchmarks;

/// <summary>
/// The baseline: a bare ASP.NET Core app with one SignalR hub and nothing else, started as its own process
/// (<c>SpeakersList.Benchmarks.dll bare-server</c>) with the defaults of a web app (server GC). Screens join one group;
/// POST /broadcast?list=A&amp;floor=B sends that group two pushes of A and B bytes of JSON, named as the server's.
/// </summary>
public static class BareServer
{
    public const string Group = "screens";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        var app = builder.Build();
        long version = 0;
        var paddings = new ConcurrentDictionary<int, string>();
        string Padding(int bytes) => paddings.GetOrAdd(bytes, n => new string('x', Math.Max(0, n - 30)));

        app.MapGet("/health", () => "ok");
        app.MapHub<BareHub>("/hub");
        app.MapPost("/broadcast", async (int list, int floor, string? group, IHubContext<BareHub> hub) =>
        {
            var v = Interlocked.Increment(ref version);
            var screens = hub.Clients.Group(group ?? Group);
            await screens.SendAsync("speakersListChanged", new BarePush(v, Padding(list)));
            await screens.SendAsync("floorChanged", new BarePush(v, Padding(floor)));
            return Results.Ok(new BarePush(v, ""));
        });
        await app.RunAsync();
    }
}

public sealed record BarePush(long Version, string Padding);

public sealed class BareHub : Hub
{
    public async Task<BarePush> Subscribe()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, BareServer.Group);
        return new BarePush(0, "");
    }

    /// <summary>Joins one of several groups (ops/bench-scale: a group per meeting, as the server's floor groups).</summary>
    public async Task<BarePush> SubscribeTo(string group)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        return new BarePush(0, "");
    }
}
