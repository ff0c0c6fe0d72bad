using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using SpeakersList.Server.Infrastructure;
using StackExchange.Redis;

namespace SpeakersList.Server.Live.Screens;

/// <summary>
/// Every node's screens. One node: its own roster. Several nodes (ConnectionStrings:Redis): each node keeps its own
/// screens in a Redis hash of its own (<c>speakerslist:{schema}:screens:{node}</c>, one field per connection), written
/// once a second with what changed, its expiry pushed back at each write; the nodes are named in a set beside it. Any node
/// reads them all. Redis holds only this copy: a node that dies stops writing, its screens fall silent and are shown lost
/// (<see cref="ScreenEntry.At"/>), and its hash expires after the ten minutes they stay listed. Pub/sub over the backplane was
/// the other way: it would need every node to answer every listing, and a dead node could not say its screens went dark.
/// </summary>
public sealed class ScreenDirectory(ScreenRoster roster, TimeProvider clock, IConnectionMultiplexer? redis, string keyPrefix)
{
    private static readonly TimeSpan Expiry = ScreenRoster.KeptAfterLoss + TimeSpan.FromMinutes(1);
    private static readonly JsonSerializerOptions Options = JsonOptions();

    private static JsonSerializerOptions JsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Json.Configure(options);
        return options;
    }

    private RedisKey Nodes => $"{keyPrefix}:screens";
    private RedisKey NodeKey(string node) => $"{keyPrefix}:screens:{node}";

    public bool AcrossNodes => redis is not null;

    public async Task<IReadOnlyList<ScreenEntry>> AllAsync()
    {
        if (redis is null) return roster.Here();
        var db = redis.GetDatabase();
        var now = clock.GetUtcNow();
        var screens = new List<ScreenEntry>();
        foreach (var node in await db.SetMembersAsync(Nodes))
        {
            var fields = await db.HashGetAllAsync(NodeKey(node!));
            if (fields.Length == 0) { await db.SetRemoveAsync(Nodes, node); continue; }
            foreach (var field in fields)
                if (JsonSerializer.Deserialize<ScreenEntry>((string)field.Value!, Options)?.At(now) is { } entry && !entry.Forgotten(now))
                    screens.Add(entry);
        }
        // This node's own are read from memory: the freshest, and there even if Redis blinked.
        return [.. screens.Where(x => x.Node != roster.Node), .. roster.Here()];
    }

    /// <summary>Writes what changed on this node since the last write.</summary>
    public async Task FlushAsync()
    {
        if (redis is null) return;
        var changed = roster.TakeChanged();
        if (changed.Count == 0) return;
        var db = redis.GetDatabase();
        var key = NodeKey(roster.Node);
        var gone = changed.Where(x => x.Entry is null).Select(x => (RedisValue)x.Id).ToArray();
        var kept = changed.Where(x => x.Entry is not null).Select(x => new HashEntry(x.Id, JsonSerializer.Serialize(x.Entry, Options))).ToArray();
        if (kept.Length > 0) await db.HashSetAsync(key, kept);
        if (gone.Length > 0) await db.HashDeleteAsync(key, gone);
        await db.KeyExpireAsync(key, Expiry);
        await db.SetAddAsync(Nodes, roster.Node);
    }
}

/// <summary>Once a second, this node's changed screens to Redis (only with the backplane).</summary>
public sealed class ScreenDirectoryWriter(ScreenDirectory directory, ILogger<ScreenDirectoryWriter> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!directory.AcrossNodes) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try { await directory.FlushAsync(); }
            catch (RedisException ex) { log.LogWarning("The roster of screens could not be written to Redis: {Reason}", ex.Message); }
        }
    }
}

public static class ScreensSetup
{
    /// <summary>The roster of screens (GET /api/screens), across nodes when the backplane's Redis is configured.</summary>
    public static IServiceCollection AddScreenRoster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(ScreenNode.From(configuration));
        services.AddSingleton<ScreenRoster>();
        services.AddSingleton(sp =>
        {
            IConnectionMultiplexer? redis = null;
            if (configuration.GetConnectionString("Redis") is { Length: > 0 } connection)
            {
                var options = ConfigurationOptions.Parse(connection);
                options.AbortOnConnectFail = false; // as the backplane: a node that starts before Redis keeps retrying
                redis = ConnectionMultiplexer.Connect(options);
            }
            return new ScreenDirectory(sp.GetRequiredService<ScreenRoster>(), sp.GetRequiredService<TimeProvider>(), redis,
                $"speakerslist:{configuration["SpeakersList:Schema"] ?? "speakerslist"}");
        });
        services.AddHostedService<ScreenDirectoryWriter>();
        services.Configure<HubOptions>(hub => hub.AddFilter<ScreenRosterFilter>()); // the one hub: LiveHub
        return services;
    }
}
