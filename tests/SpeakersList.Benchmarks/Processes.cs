using System.Diagnostics;

namespace SpeakersList.Benchmarks;

/// <summary>A server process started by the benchmark: its start time to a first good answer, its memory, its end.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringWriter _output = new();

    private ServerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public Uri Address { get; private init; } = null!;

    /// <summary>Seconds from the process start to the first 200 from <paramref name="readyPath"/>.</summary>
    public double StartSeconds { get; private set; }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static async Task<ServerProcess> StartAsync(string dll, int port, string readyPath, IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in environment) info.Environment[key] = value;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        var server = new ServerProcess(process) { Address = new Uri($"http://127.0.0.1:{port}") };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (server._output) server._output.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (server._output) server._output.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited) throw new InvalidOperationException($"{Path.GetFileName(dll)} stopped during start-up:\n{server.Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(server.Address, readyPath));
                if (response.IsSuccessStatusCode)
                {
                    server.StartSeconds = clock.Elapsed.TotalSeconds;
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }
            await Task.Delay(20);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"{Path.GetFileName(dll)} was not ready within 120 s:\n{server.Output}");
    }

    /// <summary>Resident memory of the process, in MB (VmRSS).</summary>
    public double ResidentMegabytes() => Memory.ResidentMegabytes(_process.Id);

    /// <summary>Anonymous, file-backed and shared parts of the resident memory.</summary>
    public string MemoryBreakdown() => Memory.Breakdown(_process.Id);

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    /// <summary>Runs a command of a server's dll (such as "officer add") to its end, with <paramref name="input"/> on its standard input.</summary>
    public static async Task RunToEndAsync(string dll, IReadOnlyDictionary<string, string> environment, string? input, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        if (input is not null) await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
    }
}

public static class Memory
{
    public static double ResidentMegabytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) / 1024.0;
        return 0;
    }

    /// <summary>What the resident memory is made of: the process's own (anonymous: heaps, stacks), mapped files (code) and shared memory.</summary>
    public static string Breakdown(int processId)
    {
        var parts = File.ReadLines($"/proc/{processId}/status")
            .Where(line => line.StartsWith("RssAnon:", StringComparison.Ordinal) || line.StartsWith("RssFile:", StringComparison.Ordinal) || line.StartsWith("RssShmem:", StringComparison.Ordinal))
            .Select(line => (Name: line[3..line.IndexOf(':')].ToLowerInvariant(), Mb: long.Parse(line[(line.IndexOf(':') + 1)..].Trim().Split(' ')[0]) / 1024.0));
        return string.Join(", ", parts.Select(x => $"{x.Name} {x.Mb:F0} MB"));
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
