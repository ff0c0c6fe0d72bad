using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SpeakersList.Cluster.Tests;

/// <summary>The repository's folders, found from the test assembly upwards.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string ServerDirectory => Path.Combine(Root, "src", "SpeakersList.Server");

    public static string ServerDll => Path.Combine(ServerDirectory, "bin", "Release", "net10.0", "SpeakersList.Server.dll");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpeakersList.sln"))) return dir.FullName;
        throw new InvalidOperationException("SpeakersList.sln not found above the test assembly.");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A child process whose output goes to a log file; ended by SIGTERM (graceful) or SIGKILL.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    public ChildProcess(string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, string logPath,
        string? standardInput = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (standardInput is not null)
        {
            _process.StandardInput.WriteLine(standardInput);
            _process.StandardInput.Close();
        }
        LogPath = logPath;
    }

    public string LogPath { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Every line the process wrote, so far.</summary>
    public IReadOnlyList<string> Output { get { lock (_lines) return _lines.ToList(); } }

    private readonly List<string> _lines = [];

    private void Write(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Add(line);
            _log.WriteLine(line);
        }
    }

    /// <summary>SIGKILL: the process dies on the spot, as on a crash.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as an operator's stop or a rolling upgrade, then wait for the process to end.</summary>
    public async Task StopAsync(TimeSpan? timeout = null)
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(20));
        _process.Dispose();
        await _log.DisposeAsync();
    }
}

/// <summary>
/// Redis for the backplane: SPEAKERSLIST_TEST_REDIS (host:port, started by ops/test), else a redis-server of our own
/// on a free port, removed at the end.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly ChildProcess? _own;
    private readonly string? _directory;

    private RedisServer(string endpoint, ChildProcess? own, string? directory)
    {
        Endpoint = endpoint;
        _own = own;
        _directory = directory;
    }

    public string Endpoint { get; }

    public static async Task<RedisServer> StartAsync()
    {
        if (Environment.GetEnvironmentVariable("SPEAKERSLIST_TEST_REDIS") is { Length: > 0 } given) return new RedisServer(given, null, null);
        var directory = Directory.CreateTempSubdirectory("speakerslist-redis-").FullName;
        var port = Repository.FreePort();
        var redis = new ChildProcess("redis-server",
            ["--bind", "127.0.0.1", "--port", port.ToString(), "--dir", directory, "--save", "", "--appendonly", "no"],
            directory, new Dictionary<string, string?>(), Path.Combine(directory, "redis.log"));
        await Wait.UntilAsync(async () => await Connectable(port), TimeSpan.FromSeconds(20), "Redis to listen");
        return new RedisServer($"127.0.0.1:{port}", redis, directory);
    }

    public static async Task<bool> Connectable(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_own is not null) await _own.DisposeAsync();
        if (_directory is not null) Directory.Delete(_directory, recursive: true);
    }
}

/// <summary>Waiting on a condition, never a fixed sleep.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        var delay = 20;
        while (!await condition())
        {
            if (clock.Elapsed > timeout) throw new TimeoutException($"Waited {timeout.TotalSeconds:F0} s for {what}.");
            await Task.Delay(delay);
            delay = Math.Min(250, delay * 2);
        }
    }
}
