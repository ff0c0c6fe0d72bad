using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SpeakersList.Server.Access;
using Wolverine;

namespace SpeakersList.Server.Tests.Infrastructure;

/// <summary>Who a test client is: each is signed in through the real sign-in endpoints.</summary>
public sealed record TestRole(string Kind, string? Subject = null)
{
    public static readonly TestRole Anonymous = new("anonymous");
    public static readonly TestRole Officer = new("officer");

    public static TestRole Delegation(string code) => new("delegation", code);

    public static TestRole Display(string room = "General Assembly Hall") => new("display", room);

    public static TestRole Booth(string room = "General Assembly Hall") => new("booth", room);

    public override string ToString() => Subject is null ? Kind : $"{Kind} {Subject}";
}

/// <summary>
/// The service on a real PostgreSQL database of its own, one per test collection. Time is a
/// FakeTimeProvider the tests move by hand. Data is reset between tests.
/// Clients are signed in for real: <see cref="CreateClient()"/> is an officer (a bearer token from
/// POST /api/auth/officer/sign-in); other roles come from <see cref="CreateClientAsync"/>.
/// </summary>
public class SpeakersListApp : IAsyncLifetime
{
    public const string OfficerName = "test-officer";
    public const string OfficerPassword = "correct horse battery staple";

    private WebApplicationFactory<Program>? _factory;
    private Officer? _officer;
    private string? _officerToken;
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"speakerslist-keys-{Guid.NewGuid():N}");

    /// <summary>The service's clock: 24 September 2013, 09:00 in New York, until a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2013, 9, 24, 9, 0, 0, TimeSpan.FromHours(-4)));

    /// <summary>Every message the service logged, for tests that check what the logs say (and what they must not).</summary>
    public CapturedLogs Logs { get; } = new();

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
                // A free port of its own: parallel runs (other worktrees, ops/run) never collide on 5000.
                ["urls"] = UseKestrel ? "http://127.0.0.1:0" : null,
                ["SpeakersList:KeysPath"] = _keys,
                ["SpeakersList:CreateFirstOfficer"] = "false",
                ["SpeakersList:SessionHours"] = "87600", // the officer's token must outlive any clock a test moves
                ["SpeakersList:RateLimits:SignInsPerMinute"] = "100000",
                ["SpeakersList:RateLimits:InscriptionsPerMinute"] = "100000",
            }));
            web.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
                services.RunWolverineInSoloMode();
                services.MartenDaemonModeIsSolo();
            });
            ConfigureHost(web);
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
        await AddOfficerAsync();
        _officerToken = await SignInAsync("/api/auth/officer/sign-in", new { name = OfficerName, password = OfficerPassword });
    }

    /// <summary>A test host's own settings or services, applied after the common ones.</summary>
    protected virtual void ConfigureHost(IWebHostBuilder web)
    {
    }

    /// <summary>The officer's bearer token, from the real sign-in at start-up (it outlives the data resets).</summary>
    public string OfficerToken => _officerToken ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>An officer's client: what every test used before sign-in existed.</summary>
    public HttpClient CreateClient() => CreateClient(OfficerToken);

    /// <summary>A client with no credentials: the public.</summary>
    public HttpClient CreateAnonymousClient() => CreateClient((string?)null);

    /// <summary>A client with the given bearer token (or none).</summary>
    public HttpClient CreateClient(string? bearerToken)
    {
        var client = UseKestrel ? new HttpClient { BaseAddress = BaseAddress } : Factory.CreateClient();
        if (bearerToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    /// <summary>A client signed in with the role: a delegation or a display gets a code issued by the officer, then signs in with it.</summary>
    public async Task<HttpClient> CreateClientAsync(TestRole role) => CreateClient(await TokenForAsync(role));

    public Task<HttpClient> CreateDelegationClientAsync(string code) => CreateClientAsync(TestRole.Delegation(code));

    /// <summary>The bearer token of a role, obtained through the real endpoints; null for anonymous.</summary>
    public async Task<string?> TokenForAsync(TestRole role) => role.Kind switch
    {
        "anonymous" => null,
        "officer" => OfficerToken,
        "delegation" => await SignInAsync("/api/auth/delegation/sign-in", new { code = await IssueAsync($"/api/delegations/{role.Subject}/access-codes") }),
        "display" => await SignInAsync("/api/auth/display/sign-in", new { code = await IssueAsync($"/api/displays/{Uri.EscapeDataString(role.Subject!)}/tokens") }),
        "booth" => await SignInAsync("/api/auth/booth/sign-in", new { code = await IssueAsync($"/api/booths/{Uri.EscapeDataString(role.Subject!)}/tokens") }),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The session cookie (name, value) of a role signed in as a browser page does (?useCookies=true), for a browser context.</summary>
    public async Task<(string Name, string Value)> SessionCookieAsync(TestRole role)
    {
        var (path, body) = role.Kind switch
        {
            "officer" => ("/api/auth/officer/sign-in", (object)new { name = OfficerName, password = OfficerPassword }),
            "delegation" => ("/api/auth/delegation/sign-in", new { code = await IssueAsync($"/api/delegations/{role.Subject}/access-codes") }),
            "display" => ("/api/auth/display/sign-in", new { code = await IssueAsync($"/api/displays/{Uri.EscapeDataString(role.Subject!)}/tokens") }),
            "booth" => ("/api/auth/booth/sign-in", new { code = await IssueAsync($"/api/booths/{Uri.EscapeDataString(role.Subject!)}/tokens") }),
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
        };
        using var client = CreateAnonymousClient();
        var response = await client.PostAsJsonAsync($"{path}?useCookies=true", body);
        await Api.Expect(response, System.Net.HttpStatusCode.OK);
        var cookie = response.Headers.GetValues("Set-Cookie").First(x => x.StartsWith("SpeakersList.Session=", StringComparison.Ordinal));
        var pair = cookie.Split(';')[0];
        return (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
    }

    private async Task<string> IssueAsync(string path)
    {
        using var officer = CreateClient();
        var issued = await Api.Expect(await officer.PostAsync(path, null), System.Net.HttpStatusCode.Created);
        return issued["secret"]!.GetValue<string>();
    }

    private async Task<string> SignInAsync(string path, object credentials)
    {
        using var client = CreateAnonymousClient();
        var body = await Api.Expect(await client.PostAsJsonAsync(path, credentials), System.Net.HttpStatusCode.OK);
        return body["accessToken"]!.GetValue<string>();
    }

    // The hash is computed once; the document is put back after every reset.
    private async Task AddOfficerAsync()
    {
        var store = Services.GetRequiredService<IDocumentStore>();
        _officer ??= new Officer(Officers.IdFor(OfficerName), OfficerName, Secrets.HashPassword(OfficerPassword), Clock.GetUtcNow());
        await using var session = store.LightweightSession();
        session.Store(_officer);
        await session.SaveChangesAsync();
    }

    /// <summary>A SignalR client for /hubs/live signed in as an officer, through the in-memory server or the real port.</summary>
    public HubConnection CreateHubConnection() => CreateHubConnection(OfficerToken);

    public HubConnection CreateAnonymousHubConnection() => CreateHubConnection((string?)null);

    public async Task<HubConnection> CreateHubConnectionAsync(TestRole role) => CreateHubConnection(await TokenForAsync(role));

    /// <summary>A SignalR client with the given bearer token (or none).</summary>
    public HubConnection CreateHubConnection(string? bearerToken) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "/hubs/live"), options =>
            {
                if (bearerToken is not null) options.AccessTokenProvider = () => Task.FromResult<string?>(bearerToken);
                if (UseKestrel) return;
                options.HttpMessageHandlerFactory = _ => Factory.Server.CreateHandler();
                options.WebSocketFactory = async (context, cancellation) =>
                {
                    var socket = Factory.Server.CreateWebSocketClient();
                    if (bearerToken is not null) socket.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {bearerToken}";
                    return await socket.ConnectAsync(context.Uri, cancellation);
                };
            })
            .AddJsonProtocol(json => Infrastructure.JsonDefaults.Configure(json.PayloadSerializerOptions))
            .Build();

    /// <summary>Deletes every event and document, then puts back the initial data (the participants).</summary>
    public async Task ResetAsync()
    {
        Clock.AdjustTime(new DateTimeOffset(2013, 9, 24, 9, 0, 0, TimeSpan.FromHours(-4)));
        await Services.GetRequiredService<IDocumentStore>().Advanced.ResetAllData();
        await Services.GetRequiredService<SpeakersList.Server.Participants.ParticipantsSeed>().RegisterMissingAsync(CancellationToken.None);
        // What the forecast read of the history went with the data (a node hears only its own commits at once).
        Services.GetRequiredService<SpeakersList.Server.Forecasting.SpeakingHistory>().Changed();
        await AddOfficerAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (Directory.Exists(_keys)) Directory.Delete(_keys, recursive: true);
    }
}

public static class JsonDefaults
{
    public static void Configure(System.Text.Json.JsonSerializerOptions options) => SpeakersList.Server.Infrastructure.Json.Configure(options);
}

/// <summary>Keeps the formatted log messages (with exceptions) of the service under test.</summary>
public sealed class CapturedLogs : Microsoft.Extensions.Logging.ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => _messages.ToArray();

    // Errors by W3C trace id, across every app in the run: a 5xx's ProblemDetails names its trace, and a failing
    // assertion can then show the exception the service logged instead of a bare "500".
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Errors = new();

    /// <summary>What the service logged as errors for the request whose ProblemDetails carries this traceId ("00-trace-span-00").</summary>
    public static string? ErrorsOf(string? traceparent) =>
        traceparent?.Split('-') is [_, var trace, ..] && Errors.TryGetValue(trace, out var logged) ? logged : null;

    public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new Logger(categoryName, _messages);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> messages) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)} {exception}";
            if (messages.Count < 100_000) messages.Enqueue(line);
            if (logLevel >= Microsoft.Extensions.Logging.LogLevel.Error && System.Diagnostics.Activity.Current is { } activity)
                Errors.AddOrUpdate(activity.TraceId.ToHexString(), line, (_, before) => before + "\n" + line);
        }
    }
}
