using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// Ready means the database this node writes to answers and takes writes. The answer names that database (host:port,
/// which moves to the standby after a failover) and its role: "primary" with its synchronous standbys counted, so an
/// operator sees at a glance that the node followed a failover and whether commits are copied before they are acknowledged.
/// </summary>
public sealed class PostgresHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var query = new NpgsqlCommand(
                "select pg_is_in_recovery(), current_setting('transaction_read_only') = 'on', " +
                "(select count(*)::int from pg_stat_replication where sync_state in ('sync', 'quorum'))", connection);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var (inRecovery, readOnly, synchronous) = (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetInt32(2));
            var role = inRecovery ? "standby" : readOnly ? "read-only" : "primary";
            var data = new Dictionary<string, object>
            {
                ["host"] = $"{connection.Host}:{connection.Port}",
                ["role"] = role,
                ["synchronousStandbys"] = synchronous,
            };
            return role == "primary"
                ? HealthCheckResult.Healthy(synchronous > 0 ? "PostgreSQL primary with a synchronous standby." : "PostgreSQL primary, no synchronous standby.", data)
                : HealthCheckResult.Unhealthy($"PostgreSQL at {data["host"]} takes no writes ({role}).", data: data);
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", ex);
        }
    }

    /// <summary>
    /// /health/ready's body: the status, and the database the node uses (host, role, synchronous standbys). Written field
    /// by field: whoever waits for a new node waits for this first answer, and a serializer's contract for an anonymous type
    /// would be built by reflection at that moment.
    /// </summary>
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var database = report.Entries.Values.Select(entry => entry.Data).FirstOrDefault(data => data.Count > 0);
        await using var json = new Utf8JsonWriter(context.Response.BodyWriter);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        if (database is null) json.WriteNull("database");
        else
        {
            json.WriteStartObject("database");
            foreach (var (key, value) in database)
            {
                if (value is int number) json.WriteNumber(key, number);
                else json.WriteString(key, value.ToString());
            }
            json.WriteEndObject();
        }
        json.WriteString("detail", report.Entries.Values.Select(entry => entry.Description).FirstOrDefault());
        json.WriteEndObject();
    }
}
