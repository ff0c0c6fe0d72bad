using System.Diagnostics;

namespace SpeakersList.Cluster.Tests;

/// <summary>
/// PostgreSQL as ops/cluster runs it with SPEAKERSLIST_PG_NODES=2: a pg_auto_failover monitor, a primary and a synchronous
/// standby, on free ports in a throwaway folder, driven through the same functions of ops/lib.sh (installed with apt when missing).
/// </summary>
public sealed class PostgresFailover : IAsyncDisposable
{
    public const string Database = "speakerslist";

    private PostgresFailover(string home, int monitorPort, int[] nodePorts)
    {
        Home = home;
        MonitorPort = monitorPort;
        NodePorts = nodePorts;
    }

    public string Home { get; }

    public int MonitorPort { get; }

    public int[] NodePorts { get; }

    /// <summary>As ops/cluster gives it: every data node, the session must take writes; a host found down is tried again after 2 s.</summary>
    public string ConnectionString =>
        $"Host={string.Join(',', NodePorts.Select(p => $"127.0.0.1:{p}"))};Username=postgres;Database={Database};" +
        "Target Session Attributes=read-write;Host Recheck Seconds=2";

    public static async Task<PostgresFailover> StartAsync(int nodes = 2)
    {
        var home = (await Shell("pg_work_dir speakerslist-test-pgaf")).Trim();
        var failover = new PostgresFailover(home, Repository.FreePort(), Enumerable.Range(0, nodes).Select(_ => Repository.FreePort()).ToArray());
        await Shell($"ensure_auto_failover && start_pg_failover '{home}' {failover.MonitorPort} {Database} {string.Join(' ', failover.NodePorts)}", TimeSpan.FromMinutes(5));
        return failover;
    }

    /// <summary>The data nodes as the monitor sees them: name, host:port, reported state, assigned state.</summary>
    public async Task<IReadOnlyList<(string Name, string Address, string Reported, string Assigned)>> StateAsync() =>
        (await Shell($"pg_state '{Home}'")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Select(line => line.Split(' ')).Select(f => (f[0], f[1], f[2], f[3])).ToList();

    /// <summary>The node that takes writes (primary, or wait_primary while its standby is away); null while none does.</summary>
    public async Task<(string Name, int Port)?> PrimaryAsync()
    {
        var line = (await Shell($"pg_primary '{Home}'")).Trim();
        if (line.Length == 0) return null;
        var parts = line.Split(' ');
        return (parts[0], int.Parse(parts[1][(parts[1].LastIndexOf(':') + 1)..]));
    }

    /// <summary>
    /// SIGKILL a node's pg_autoctl keeper and everything under it (its PostgreSQL and that one's backends) in one sweep, as
    /// when its machine dies (a shell would take a few hundred milliseconds to start).
    /// </summary>
    public async Task KillAsync(string node)
    {
        var keeper = int.Parse((await File.ReadAllTextAsync(Path.Combine(Home, $"{node}.pid"))).Trim());
        foreach (var pid in ProcessTree(keeper))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // Ended already.
            }
        }
        File.Delete(Path.Combine(Home, $"{node}.pid"));
        var port = NodePorts[int.Parse(node["node".Length..]) - 1];
        await Wait.UntilAsync(async () => !await RedisServer.Connectable(port), TimeSpan.FromSeconds(10), $"{node}'s port to close");
    }

    /// <summary>A process and its descendants, the root first, from /proc.</summary>
    private static List<int> ProcessTree(int root)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            // pid (comm) state ppid ...: the name may hold spaces and parentheses, the fields after the last ')' do not.
            var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
            (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
        }
        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++)
            if (children.TryGetValue(tree[i], out var list)) tree.AddRange(list);
        return tree;
    }

    /// <summary>Starts a node's pg_autoctl again, as its machine's service manager does when it comes back.</summary>
    public Task RunAsync(string node) => Shell($"pg_autoctl_run '{Home}' {node}");

    public async Task WaitInSyncAsync(TimeSpan within)
    {
        try
        {
            await Shell($"pg_wait_in_sync '{Home}' {(int)within.TotalSeconds}", within + TimeSpan.FromSeconds(60));
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
        {
            // What the nodes said: the folder is removed with the fixture.
            throw new TimeoutException($"{ex.Message}\n{await Shell($"pg_state '{Home}' || true; tail -n 40 '{Home}'/node*.log")}", ex);
        }
    }

    /// <summary>The planned switchover of ops/cluster switchover: the primary hands over to its synchronous standby.</summary>
    public Task SwitchoverAsync() => Shell($"pg_switchover '{Home}'", TimeSpan.FromMinutes(4));

    public async ValueTask DisposeAsync()
    {
        await Shell($"stop_pg_failover '{Home}'; rm -rf '{Home}'", TimeSpan.FromMinutes(2));
    }

    /// <summary>Runs ops/lib.sh's functions in bash; the standard output, or an exception with the standard error.</summary>
    private static async Task<string> Shell(string script, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("bash", ["-c", $"set -e; root='{Repository.Root}'; . \"$root/ops/lib.sh\"; {script}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"ops/lib.sh: `{script}` did not end within {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:F0} s: {await error}");
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"ops/lib.sh: `{script}` failed ({process.ExitCode}): {await error}");
        return await output;
    }
}

/// <summary>The cluster of the other tests, with its database on a primary and a synchronous standby under pg_auto_failover.</summary>
public sealed class FailoverCluster : Cluster
{
    private PostgresFailover? _postgres;

    public PostgresFailover Postgres => _postgres ?? throw new InvalidOperationException("PostgreSQL has not started.");

    protected override async Task<string> CreateDatabaseAsync()
    {
        _postgres = await PostgresFailover.StartAsync();
        return _postgres.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FailoverClusterCollection : ICollectionFixture<FailoverCluster>
{
    public const string Name = "postgres-failover";
}
