using Npgsql;

namespace SpeakersList.Server.Operations;

/// <summary>
/// Start-up work that several nodes would otherwise race on (the schema, the participants' registry, the demo): run under a
/// PostgreSQL advisory lock, so nodes take turns and the second finds the work done.
/// </summary>
public static class OneNodeAtATime
{
    public const long ParticipantsSeed = 0x5EED_2013_0A67;
    public const long DemoLoader = 0x5EED_2013_0DE0;
    public const long Schema = 0x5EED_2013_05C0;

    public static async Task<T> RunAsync<T>(IDocumentStore store, long key, Func<Task<T>> work, CancellationToken cancellation)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using (var take = new NpgsqlCommand($"select pg_advisory_lock({key})", connection))
            await take.ExecuteNonQueryAsync(cancellation);
        try
        {
            return await work();
        }
        finally
        {
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({key})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
