using System.Security.Cryptography;
using System.Text;
using JasperFx;
using Npgsql;
using Wolverine;

namespace SpeakersList.Server.Operations;

/// <summary>
/// The database's schema is compared with the code's once per build, not at every start: after a build has applied
/// its schema (tables, functions, Wolverine's envelopes) it writes its stamp beside them, and a later start of the same
/// build finds the stamp and skips the comparison (a dozen catalogue queries and the DDL they are compared with).
/// A new build, a new database or a dropped schema has no stamp and is brought up to date as before.
/// </summary>
public sealed class SchemaStamp
{
    public const string Table = "speakerslist_schema_stamp";

    /// <summary>This build: the server's and the domain's code, and the versions of the libraries that own the schema.</summary>
    public static readonly string OfThisBuild = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|',
        new[] { typeof(SchemaStamp), typeof(SpeakersList.SpeakersLists.ListOfSpeakers), typeof(IDocumentStore), typeof(WolverineOptions), typeof(Weasel.Core.SchemaMigration) }
            .Select(type => $"{type.Assembly.GetName().Name}:{type.Assembly.ManifestModule.ModuleVersionId}")))))[..32];

    public SchemaStamp(string connectionString, string schema)
    {
        ConnectionString = connectionString;
        Schema = schema;
        IsCurrent = Read(connectionString, schema) == OfThisBuild;
    }

    /// <summary>The event store's database, as configured (ConnectionStrings:Marten).</summary>
    public string ConnectionString { get; }

    public string Schema { get; }

    /// <summary>The schema was applied by this very build: nothing to compare.</summary>
    public bool IsCurrent { get; private set; }

    // Read once, synchronously, while the store's options are built: they depend on it.
    private static string? Read(string connectionString, string schema)
    {
        try
        {
            // One query at start-up: no pool of its own left behind.
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            connection.Open();
            using var exists = new NpgsqlCommand($"select to_regclass('{schema}.{Table}') is not null", connection);
            if (exists.ExecuteScalar() is not true) return null;
            using var read = new NpgsqlCommand($"select stamp from {schema}.{Table} limit 1", connection);
            return read.ExecuteScalar() as string;
        }
        catch (NpgsqlException)
        {
            return null; // the database away: the start applies the schema, and fails there as it always did
        }
    }

    /// <summary>
    /// Brings the schema up to date unless this build did already, one node at a time; stamps it once the whole host has
    /// started (Wolverine brings its own tables up to date in its start, after this).
    /// </summary>
    public sealed class AtStart(SchemaStamp stamp, IDocumentStore store, WolverineOptions wolverine, IHostApplicationLifetime lifetime,
        ILogger<SchemaStamp> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellation)
        {
            if (stamp.IsCurrent)
            {
                wolverine.AutoBuildMessageStorageOnStartup = AutoCreate.None; // its tables are part of the stamped schema
                logger.LogInformation("The schema {Schema} was applied by this build ({Stamp}): not compared again", stamp.Schema, OfThisBuild);
                return;
            }
            await OneNodeAtATime.RunAsync(store, OneNodeAtATime.Schema, async () =>
            {
                await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
                return true;
            }, cancellation);
            lifetime.ApplicationStarted.Register(() => _ = WriteAsync());
        }

        private async Task WriteAsync()
        {
            try
            {
                await using var connection = store.Storage.Database.CreateConnection();
                await connection.OpenAsync(lifetime.ApplicationStopping);
                await using var write = new NpgsqlCommand(
                    $"create table if not exists {stamp.Schema}.{Table} (stamp text not null, applied_at timestamptz not null default now()); " +
                    $"delete from {stamp.Schema}.{Table}; insert into {stamp.Schema}.{Table} (stamp) values (@stamp)", connection);
                write.Parameters.AddWithValue("stamp", OfThisBuild);
                await write.ExecuteNonQueryAsync(lifetime.ApplicationStopping);
                stamp.IsCurrent = true;
                logger.LogInformation("The schema {Schema} is up to date and stamped with this build ({Stamp})", stamp.Schema, OfThisBuild);
            }
            catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException)
            {
                // Not stamped: the next start compares the schema again, as before.
                logger.LogWarning("The schema {Schema} was not stamped ({Error}): the next start compares it again", stamp.Schema, ex.Message);
            }
        }

        public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
    }
}
