using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Cluster.Tests;

/// <summary>
/// What ops/cluster runs, on free ports: Release-built server nodes on one PostgreSQL database and one Redis,
/// nginx in front with the configuration ops/lib.sh writes. One per test collection.
/// </summary>
public class Cluster : IAsyncLifetime
{
    public const string OfficerName = "cluster-officer";
    public const string OfficerPassword = "cluster tests officer password";
    public const int NodeCount = 2;

    private readonly string _directory = Directory.CreateTempSubdirectory("speakerslist-cluster-").FullName;
    private readonly ChildProcess?[] _nodes = new ChildProcess?[NodeCount];
    private ChildProcess? _nginx;
    private RedisServer? _redis;
    private string _officerToken = "";

    public string ConnectionString { get; private set; } = "";

    public int ProxyPort { get; } = Repository.FreePort();

    public int[] NodePorts { get; } = Enumerable.Range(0, NodeCount).Select(_ => Repository.FreePort()).ToArray();

    public Uri Proxy => new($"http://127.0.0.1:{ProxyPort}");

    public Uri Node(int index) => new($"http://127.0.0.1:{NodePorts[index]}");

    public string Redis => _redis?.Endpoint ?? throw new InvalidOperationException("Redis has not started.");

    public string OfficerToken => _officerToken;

    public async Task InitializeAsync()
    {
        await EnsureServerBuiltAsync();
        ConnectionString = await CreateDatabaseAsync();
        _redis = await RedisServer.StartAsync();
        await AddOfficerAsync(ConnectionString, OfficerName, OfficerPassword);
        await Task.WhenAll(Enumerable.Range(0, NodeCount).Select(StartNodeAsync));
        await StartNginxAsync();
        using var anonymous = new HttpClient { BaseAddress = Proxy };
        var signIn = await anonymous.PostAsJsonAsync("/api/auth/officer/sign-in", new { name = OfficerName, password = OfficerPassword });
        _officerToken = (await Api.Expect(signIn, System.Net.HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
    }

    /// <summary>The event store's database: one on the test PostgreSQL (SPEAKERSLIST_TEST_DB).</summary>
    protected virtual Task<string> CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync("speakerslist_cluster");

    /// <summary>The environment of a node, as ops/cluster gives it.</summary>
    public Dictionary<string, string?> NodeEnvironment(int port, string connectionString, string name) => new()
    {
        ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__Marten"] = connectionString,
        ["ConnectionStrings__Redis"] = Redis,
        ["SpeakersList__KeysPath"] = Path.Combine(_directory, "keys"),
        ["SpeakersList__Node"] = name,
        ["SpeakersList__LoadDemo"] = "false",
        ["SpeakersList__CreateFirstOfficer"] = "false",
        ["SpeakersList__RateLimits__SignInsPerMinute"] = "100000",
        ["SpeakersList__RateLimits__InscriptionsPerMinute"] = "100000",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
    };

    public async Task StartNodeAsync(int index)
    {
        if (_nodes[index] is { HasExited: false }) throw new InvalidOperationException($"Node {index + 1} is running.");
        _nodes[index] = StartServer(NodeEnvironment(NodePorts[index], ConnectionString, $"node{index + 1}"), $"node{index + 1}");
        await WaitReadyAsync(Node(index), _nodes[index]!);
    }

    /// <summary>
    /// Until the proxy sends requests to the node again: it leaves a node that failed out of rotation for fail_timeout, and
    /// an operator waits for this before stopping the next node (README, "Upgrading without interrupting a meeting").
    /// </summary>
    public async Task WaitUntilProxyUsesAsync(int index)
    {
        using var http = new HttpClient { BaseAddress = Proxy, Timeout = TimeSpan.FromSeconds(5) };
        var address = $"127.0.0.1:{NodePorts[index]}";
        await Wait.UntilAsync(async () =>
        {
            using var response = await http.GetAsync("/health/live");
            return response.Headers.TryGetValues("X-SpeakersList-Node", out var nodes) && nodes.Any(n => n.Contains(address, StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(60), $"the proxy to send requests to node {index + 1} again");
    }

    public ChildProcess StartServer(IReadOnlyDictionary<string, string?> environment, string name, params string[] arguments) =>
        new("dotnet", [Repository.ServerDll, .. arguments], Repository.ServerDirectory, environment, Path.Combine(_directory, $"{name}.log"));

    public static async Task WaitReadyAsync(Uri node, ChildProcess process)
    {
        using var http = new HttpClient { BaseAddress = node, Timeout = TimeSpan.FromSeconds(5) };
        await Wait.UntilAsync(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"The node {node} ended during start-up; its log: {process.LogPath}\n{string.Join('\n', process.Output.TakeLast(40))}");
            try
            {
                return (await http.GetAsync("/health/ready")).IsSuccessStatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(300), $"{node} to be ready");
    }

    /// <summary>SIGKILL a node.</summary>
    public Task KillNodeAsync(int index) => _nodes[index]?.KillAsync() ?? Task.CompletedTask;

    /// <summary>SIGTERM a node and wait until it has ended.</summary>
    public Task StopNodeAsync(int index) => _nodes[index]?.StopAsync() ?? Task.CompletedTask;

    public bool IsRunning(int index) => _nodes[index] is { HasExited: false };

    /// <summary>The node (index) behind the proxy that serves the hub to this machine's address.</summary>
    public async Task<int> HubNodeAsync()
    {
        using var http = new HttpClient { BaseAddress = Proxy };
        var response = await http.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
        response.EnsureSuccessStatusCode();
        var upstream = response.Headers.GetValues("X-SpeakersList-Node").Last().Split(',').Last().Trim();
        return Array.IndexOf(NodePorts, int.Parse(upstream[(upstream.LastIndexOf(':') + 1)..]));
    }

    /// <summary>An officer's client through the proxy, or straight to a node.</summary>
    public HttpClient Officer(Uri? address = null)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1000, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = address ?? Proxy,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _officerToken);
        return http;
    }

    private async Task StartNginxAsync()
    {
        var dir = Path.Combine(_directory, "nginx");
        Directory.CreateDirectory(dir);
        var write = Process.Start(new ProcessStartInfo("bash",
            ["-c", $". '{Repository.Root}/ops/lib.sh' && write_nginx_conf \"$1\" \"$2\" \"${{@:3}}\"", "bash", dir, ProxyPort.ToString(), .. NodePorts.Select(p => p.ToString())])
        { UseShellExecute = false })!;
        await write.WaitForExitAsync();
        if (write.ExitCode != 0) throw new InvalidOperationException("write_nginx_conf failed");
        var nginx = File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";
        _nginx = new ChildProcess(nginx, ["-e", Path.Combine(dir, "error.log"), "-p", dir, "-c", Path.Combine(dir, "nginx.conf"), "-g", "daemon off;"],
            dir, new Dictionary<string, string?>(), Path.Combine(dir, "nginx.out"));
        await Wait.UntilAsync(async () =>
        {
            if (_nginx.HasExited) throw new InvalidOperationException($"nginx ended: {File.ReadAllText(Path.Combine(dir, "error.log"))}");
            return await RedisServer.Connectable(ProxyPort);
        }, TimeSpan.FromSeconds(20), "nginx to listen");
    }

    /// <summary>The officer, created with the ops command as an operator would: the password on standard input.</summary>
    private async Task AddOfficerAsync(string connectionString, string name, string password)
    {
        await using var add = new ChildProcess("dotnet", [Repository.ServerDll, "officer", "add", "--name", name], Repository.ServerDirectory,
            NodeEnvironment(Repository.FreePort(), connectionString, "officer-add"), Path.Combine(_directory, "officer-add.log"), standardInput: password);
        await Wait.UntilAsync(() => Task.FromResult(add.HasExited), TimeSpan.FromSeconds(180), "the officer command");
    }

    private static readonly SemaphoreSlim BuildGate = new(1, 1);

    /// <summary>ops/test builds the Release server first; run by hand, the tests build it when it is missing.</summary>
    private static async Task EnsureServerBuiltAsync()
    {
        await BuildGate.WaitAsync();
        try
        {
            if (File.Exists(Repository.ServerDll)) return;
            using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", Repository.ServerDirectory, "-c", "Release", "-nologo", "-v", "q"]) { UseShellExecute = false })!;
            await build.WaitForExitAsync();
            if (build.ExitCode != 0) throw new InvalidOperationException("The Release build of the server failed.");
        }
        finally
        {
            BuildGate.Release();
        }
    }

    public virtual async Task DisposeAsync()
    {
        if (_nginx is not null) await _nginx.DisposeAsync();
        foreach (var node in _nodes)
            if (node is not null) await node.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // nginx's temporary folders may belong to its worker's user; the folder is under /tmp.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<Cluster>
{
    public const string Name = "cluster";
}
