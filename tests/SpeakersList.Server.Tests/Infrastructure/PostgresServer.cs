using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Testcontainers.PostgreSql;

namespace SpeakersList.Server.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server for the whole test run, found in this order: the connection string in
/// SPEAKERSLIST_TEST_DB; a Testcontainers container where a Docker engine answers; else a
/// throwaway cluster started from the local PostgreSQL binaries and removed at exit.
/// </summary>
public static class PostgresServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _connectionString;

    public static async Task<string> ConnectionStringAsync()
    {
        if (_connectionString is not null) return _connectionString;
        await Gate.WaitAsync();
        try
        {
            return _connectionString ??= await Provision();
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>A fresh, empty database on the shared server, for one test collection.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await ConnectionStringAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<string> Provision()
    {
        if (Environment.GetEnvironmentVariable("SPEAKERSLIST_TEST_DB") is { Length: > 0 } configured) return configured;
        if (DockerAnswers())
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return container.GetConnectionString();
        }
        return LocalCluster.Start();
    }

    // Cheap detection: Testcontainers takes a while to give up when no engine runs.
    private static bool DockerAnswers()
    {
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 }) return true;
        const string socket = "/var/run/docker.sock";
        if (!File.Exists(socket)) return false;
        try
        {
            using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            probe.Connect(new UnixDomainSocketEndPoint(socket));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>initdb + pg_ctl from the machine's PostgreSQL binaries, run as the postgres user when we are root.</summary>
    private static class LocalCluster
    {
        public static string Start()
        {
            var bin = FindBinaries();
            var directory = Path.Combine(Path.GetTempPath(), $"speakerslist-pg-{Guid.NewGuid():N}");
            Directory.CreateDirectory(directory);
            var asRoot = Environment.UserName == "root";
            if (asRoot) Run("chown", $"postgres:postgres {directory}", asRoot: false);
            var port = FreePort();
            Run(Path.Combine(bin, "initdb"), $"-D {directory}/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync", asRoot);
            Run(Path.Combine(bin, "pg_ctl"),
                $"-D {directory}/data -w -l {directory}/log -o \"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start",
                asRoot);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                Run(Path.Combine(bin, "pg_ctl"), $"-D {directory}/data -m immediate stop", asRoot, check: false);
                Directory.Delete(directory, recursive: true);
            };
            return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=200";
        }

        private static string FindBinaries() =>
            Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                      .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
                  ?? throw new InvalidOperationException("No PostgreSQL binaries under /usr/lib/postgresql: run ops/test, which installs them.")
                : throw new InvalidOperationException("PostgreSQL is not installed: run ops/test, which installs it, or set SPEAKERSLIST_TEST_DB.");

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static void Run(string file, string arguments, bool asRoot, bool check = true)
        {
            var start = asRoot
                ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
                : new ProcessStartInfo(file, arguments);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (check && process.ExitCode != 0)
                throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {error} {output.Result}");
        }
    }
}
