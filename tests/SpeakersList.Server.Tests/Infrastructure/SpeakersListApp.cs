using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Wolverine;

namespace SpeakersList.Server.Tests.Infrastructure;

/// <summary>
/// The service on a real PostgreSQL database of its own, one per test collection. Time is a
/// FakeTimeProvider the tests move by hand. Data is reset between tests.
/// </summary>
public class SpeakersListApp : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _factory;

    /// <summary>The service's clock: 24 September 2013, 09:00 in New York, until a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2013, 9, 24, 9, 0, 0, TimeSpan.FromHours(-4)));

    /// <summary>Serve over a real Kestrel port (for browsers) instead of the in-memory test server.</summary>
    protected virtual bool UseKestrel => false;

    public WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The app has not started.");

    public IServiceProvider Services => Factory.Services;

    public Uri BaseAddress { get; private set; } = new("http://localhost");

    public virtual async Task InitializeAsync()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync("speakerslist_test");
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Marten"] = connectionString,
                ["SpeakersList:LoadDemo"] = "false",
            }));
            web.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.RunWolverineInSoloMode();
                services.MartenDaemonModeIsSolo();
            });
        });
        if (UseKestrel)
        {
            _factory.UseKestrel(0);
            _factory.StartServer();
            BaseAddress = new Uri(Factory.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());
        }
        else
        {
            _ = _factory.Server;
        }
    }

    public HttpClient CreateClient() => UseKestrel ? new HttpClient { BaseAddress = BaseAddress } : Factory.CreateClient();

    /// <summary>A SignalR client for /hubs/live, through the in-memory server or the real port.</summary>
    public HubConnection CreateHubConnection() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/live"), options =>
            {
                if (UseKestrel) return;
                options.HttpMessageHandlerFactory = _ => Factory.Server.CreateHandler();
                options.WebSocketFactory = async (context, cancellation) =>
                {
                    var socket = Factory.Server.CreateWebSocketClient();
                    return await socket.ConnectAsync(context.Uri, cancellation);
                };
            })
            .AddJsonProtocol(json => Infrastructure.JsonDefaults.Configure(json.PayloadSerializerOptions))
            .Build();

    /// <summary>Deletes every event and document, then puts back the initial data (the participants).</summary>
    public async Task ResetAsync()
    {
        Clock.SetUtcNow(new DateTimeOffset(2013, 9, 24, 9, 0, 0, TimeSpan.FromHours(-4)));
        await Services.GetRequiredService<IDocumentStore>().Advanced.ResetAllData();
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

public static class JsonDefaults
{
    public static void Configure(System.Text.Json.JsonSerializerOptions options) => SpeakersList.Server.Infrastructure.Json.Configure(options);
}
