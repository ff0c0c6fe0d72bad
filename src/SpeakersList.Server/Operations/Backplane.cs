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
        return signalR.AddStackExchangeRedis(redis, options =>
        {
            // One Redis may serve other applications, or two deployments (the schema tells them apart).
            options.Configuration.ChannelPrefix = RedisChannel.Literal($"speakerslist:{configuration["SpeakersList:Schema"] ?? "speakerslist"}");
            // A node that starts before Redis keeps retrying instead of failing its start.
            options.Configuration.AbortOnConnectFail = false;
        });
    }
}
