using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using SpeakersList.Participants;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Hardening;

/// <summary>
/// The real server process, killed with SIGKILL in the middle of a rush of 193 delegations'
/// inscriptions, then started again: every inscription acknowledged before the kill is on the list,
/// and retrying every inscription with its commandId lands each exactly once.
/// The server is the build of the same configuration as these tests (SPEAKERSLIST_SERVER_DLL overrides it, e.g. the Release build).
/// </summary>
public sealed class CrashDuringRush : IAsyncLifetime
{
    private const string Password = "crash test password";
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"speakerslist-crash-keys-{Guid.NewGuid():N}");
    private string _connectionString = "";
    private Process? _server;

    public async Task InitializeAsync() => _connectionString = await PostgresServer.CreateDatabaseAsync("speakerslist_crash");

    [Fact]
    public async Task A_sigkill_mid_rush_loses_no_acknowledged_inscription_and_retries_land_once()
    {
        // The officer is created with the ops command, its password on standard input.
        var add = await RunToEndAsync(["officer", "add", "--name", "crash"], Password + "\n");
        Assert.True(add.ExitCode == 0, add.Output);

        var baseAddress = await StartServerAsync();
        var officer = await OfficerClientAsync(baseAddress);
        var api = new Api(officer);
        var meeting = await api.ScheduleMeeting(room: "General Assembly Hall");
        var participants = (await api.Get<IReadOnlyList<Participant>>("/api/participants"))
            .Where(x => x.Category == ParticipantCategory.MemberState).Select(x => x.Code.Value).Take(193).ToList();
        Assert.Equal(193, participants.Count);
        var commands = participants.ToDictionary(x => x, _ => Guid.NewGuid());

        // The rush: all at once; the server is killed as soon as the first inscriptions are acknowledged.
        var acknowledged = new ConcurrentBag<string>();
        var firstAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var rush = participants.Select(async participant =>
        {
            try
            {
                using var response = await officer.PostAsJsonAsync($"/api/meetings/{meeting}/inscriptions", Inscription(participant, commands[participant]), Api.Json);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Add(participant);
                    firstAcknowledged.TrySetResult();
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                // Killed before answering: not acknowledged, its outcome unknown.
            }
        }).ToList();
        await Task.WhenAny(firstAcknowledged.Task, Task.WhenAll(rush));
        _server!.Kill(); // SIGKILL
        await _server.WaitForExitAsync();
        await Task.WhenAll(rush);
        var acked = acknowledged.ToHashSet();
        Assert.NotEmpty(acked);

        baseAddress = await StartServerAsync();
        officer = await OfficerClientAsync(baseAddress);
        api = new Api(officer);
        var afterRestart = (await api.SpeakingOrder(meeting)).ToHashSet();
        var lost = acked.Except(afterRestart).ToList();
        Assert.True(lost.Count == 0, $"acknowledged before the kill, missing after the restart: {string.Join(", ", lost)}");

        // Every delegation retries with its commandId: each lands once, the acknowledged ones answer as before (200).
        var retries = await Task.WhenAll(participants.Select(async participant =>
        {
            using var response = await officer.PostAsJsonAsync($"/api/meetings/{meeting}/inscriptions", Inscription(participant, commands[participant]), Api.Json);
            return (participant, response.StatusCode);
        }));
        Assert.All(retries, x => Assert.True(x.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"{x.participant}: {(int)x.StatusCode}"));
        Assert.All(retries.Where(x => afterRestart.Contains(x.participant)), x => Assert.Equal(HttpStatusCode.OK, x.StatusCode));
        var order = await api.SpeakingOrder(meeting);
        Assert.Equal(193, order.Length);
        Assert.Equal(participants.Order(), order.Order());
        Console.WriteLine($"Crash mid-rush: {acked.Count} acknowledged before SIGKILL, {afterRestart.Count} on the list after restart, 193 after retries.");
    }

    private static object Inscription(string participant, Guid commandId) => new
    {
        commandId, participant, level = "minister", speakerName = $"Speaker of {participant}", speakerTitle = "Minister for Foreign Affairs",
    };

    private static async Task<HttpClient> OfficerClientAsync(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        var signedIn = await Api.Expect(await client.PostAsJsonAsync("/api/auth/officer/sign-in", new { name = "crash", password = Password }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signedIn["accessToken"]!.GetValue<string>());
        return client;
    }

    private async Task<Uri> StartServerAsync()
    {
        var port = FreePort();
        var start = Start([], port);
        start.RedirectStandardInput = false;
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(_server.HasExited, $"the server stopped with {(_server.HasExited ? _server.ExitCode : 0)}");
            try
            {
                if ((await probe.GetAsync("/health/ready")).IsSuccessStatusCode) return address;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The server did not become ready within 3 minutes.");
    }

    private async Task<(int ExitCode, string Output)> RunToEndAsync(string[] args, string input)
    {
        var start = Start(args, FreePort());
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private ProcessStartInfo Start(string[] args, int port)
    {
        var dll = ServerDll();
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ConnectionStrings__Marten"] = _connectionString;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["SpeakersList__LoadDemo"] = "false";
        start.Environment["SpeakersList__CreateFirstOfficer"] = "false";
        start.Environment["SpeakersList__KeysPath"] = _keys;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    private static string ServerDll()
    {
        if (Environment.GetEnvironmentVariable("SPEAKERSLIST_SERVER_DLL") is { Length: > 0 } given) return given;
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // .../bin/<Configuration>/net10.0/
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var dll = Path.Combine(directory.FullName, "src", "SpeakersList.Server", "bin", configuration, "net10.0", "SpeakersList.Server.dll");
            if (File.Exists(dll)) return dll;
        }
        throw new FileNotFoundException($"SpeakersList.Server.dll ({configuration}) was not found; build the server first.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            await _server.WaitForExitAsync();
        }
        _server?.Dispose();
        if (Directory.Exists(_keys)) Directory.Delete(_keys, recursive: true);
    }
}
