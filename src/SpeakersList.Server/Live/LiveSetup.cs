using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using SpeakersList.Server.Infrastructure;
using SpeakersList.Server.Live.Screens;
using SpeakersList.Server.Operations;
using SpeakersList.Server.Programme;

namespace SpeakersList.Server.Live;

/// <summary>The live updates: the hub (with the Redis backplane when configured), the commit listeners and the publishers that push.</summary>
public static class LiveSetup
{
    public static WebApplicationBuilder AddLiveUpdates(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSignalR().AddJsonProtocol(json => Json.Configure(json.PayloadSerializerOptions)).AddBackplane(builder.Configuration);
        services.AddSingleton<LiveUpdates>();
        services.AddSingleton<LiveSubscriptions>();
        services.AddScreenRoster(builder.Configuration);
        services.AddHostedService<LivePublisher>();
        services.AddSingleton<ProgrammeChanges>();
        services.AddSingleton(WalkingTime.From(builder.Configuration));
        services.AddHostedService<ProgrammePublisher>();
        return builder;
    }

    /// <summary>Reading is public; <see cref="Access.AccessHubFilter"/> checks each method.</summary>
    public static WebApplication MapLiveUpdates(this WebApplication app)
    {
        // As MapHub maps it, but MapHub builds the hub's handler at once, and SignalR compiles an invoker for each of the hub's
        // methods then (about 160 ms of CPU, a fifth of a start): the first connection builds it instead.
        app.MapConnections("/hubs/live", new HttpConnectionDispatcherOptions(), connections =>
                connections.Run(connection => app.Services.GetRequiredService<HubConnectionHandler<LiveHub>>().OnConnectedAsync(connection)))
            .WithMetadata(new HubMetadata(typeof(LiveHub)))
            .AllowAnonymous();
        return app;
    }
}
