using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace SpeakersList.Server.Operations;

/// <summary>
/// Several nodes: with ConnectionStrings:Redis set, SignalR's hub groups span every node through Redis
/// (its pub/sub carries each push to the nodes that hold the group's connections). Without it, one node, as ever.
/// </summary>
public static class Backplane
{
    public static ISignalRServerBuilder AddBackplane(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Redis") is not { Length: > 0 } redis) return signalR;
        // One Redis may serve other applications, or two deployments (the schema tells them apart).
        var prefix = $"speakerslist:{configuration["SpeakersList:Schema"] ?? "speakerslist"}";
        signalR.Services.AddSingleton(services => new BackplaneGroups(redis, prefix, services.GetRequiredService<ILogger<BackplaneGroups>>()));
        return signalR.AddStackExchangeRedis(redis, options =>
        {
            options.Configuration.ChannelPrefix = RedisChannel.Literal(prefix);
            // A node that starts before Redis keeps retrying instead of failing its start.
            options.Configuration.AbortOnConnectFail = false;
        });
    }
}

/// <summary>
/// Which hub groups have a connection on some node, asked of Redis in one round trip: SignalR's backplane subscribes a node
/// to a group's channel while the node holds a connection in the group, so a channel without subscribers is a group that
/// nobody watches anywhere (PUBSUB NUMSUB). The publisher then computes and sends only the views someone will receive.
/// A subscriber that joins just after the question takes its snapshot after joining, so it misses nothing committed before.
/// </summary>
public sealed class BackplaneGroups(string redis, string channelPrefix, ILogger<BackplaneGroups> logger) : IAsyncDisposable
{
    // SignalR's channel of a group (Microsoft.AspNetCore.SignalR.StackExchangeRedis: the hub's full name, ":group:", the group),
    // after the ChannelPrefix that StackExchange.Redis puts before every channel. The cluster tests fail if this drifts.
    private readonly string _groupChannel = $"{channelPrefix}{typeof(Live.LiveHub).FullName}:group:";

    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectAsync(redis));

    private static Task<ConnectionMultiplexer> ConnectAsync(string redis)
    {
        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false; // as the backplane's: a Redis down now is retried, not fatal
        return ConnectionMultiplexer.ConnectAsync(options);
    }

    /// <summary>The groups among <paramref name="groups"/> with a subscriber on some node; null when Redis cannot tell (send to all then).</summary>
    public async Task<IReadOnlySet<string>?> WatchedAsync(IReadOnlyCollection<string> groups)
    {
        if (groups.Count == 0) return new HashSet<string>();
        try
        {
            var connection = await _connection.Value;
            var arguments = new List<object> { "NUMSUB" };
            arguments.AddRange(groups.Select(g => (object)(_groupChannel + g)));
            var answer = (RedisResult[])(await connection.GetDatabase().ExecuteAsync("PUBSUB", arguments))!;
            var watched = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < answer.Length; i += 2)
                if ((long)answer[i + 1] > 0) watched.Add(((string)answer[i]!)[_groupChannel.Length..]);
            return watched;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or InvalidCastException)
        {
            logger.LogWarning(ex, "Could not ask Redis which groups are watched; sending to all of them");
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated) await (await _connection.Value).DisposeAsync();
    }
}
