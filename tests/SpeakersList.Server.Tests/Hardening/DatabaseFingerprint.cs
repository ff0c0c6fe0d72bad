using Microsoft.Extensions.Configuration;
using Npgsql;

namespace SpeakersList.Server.Tests.Hardening;

/// <summary>
/// A cheap digest of everything the service stored: per document table its row count and latest
/// modification, the events' count and highest sequence, the streams' versions. Any write changes it.
/// </summary>
public sealed class DatabaseFingerprint(IConfiguration configuration)
{
    private string? _query;

    public async Task<string> TakeAsync()
    {
        var schema = configuration["SpeakersList:Schema"] ?? "speakerslist";
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Marten"));
        await connection.OpenAsync();
        if (_query is null)
        {
            var parts = new List<string>();
            await using (var list = new NpgsqlCommand(
                "select table_name from information_schema.tables where table_schema = @schema and table_name like 'mt_doc_%' order by table_name", connection))
            {
                list.Parameters.AddWithValue("schema", schema);
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    parts.Add($"(select count(*)::text || '@' || coalesce(max(mt_last_modified)::text, '') from \"{schema}\".\"{reader.GetString(0)}\")");
            }
            parts.Add($"(select count(*)::text || '#' || coalesce(max(seq_id), 0)::text from \"{schema}\".mt_events)");
            parts.Add($"(select count(*)::text || '~' || coalesce(sum(version), 0)::text from \"{schema}\".mt_streams)");
            _query = "select " + string.Join(" || ';' || ", parts);
        }
        await using var command = new NpgsqlCommand(_query, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
