using System.Diagnostics;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace SpeakersList.Benchmarks;

/// <summary>The baseline of the rush: sequential Marten appends of one event each to one stream, nothing else.</summary>
public static class RawAppend
{
    private sealed record SpeakerInscribed(Guid InscriptionId, string Participant, string SpeakerName, string SpeakerTitle, DateTimeOffset ReceivedAt);

    public static async Task<(double PerSecond, double P50, double P99)> MeasureAsync(string connectionString, int count)
    {
        await using var store = DocumentStore.For(options =>
        {
            options.Connection(connectionString);
            options.DatabaseSchemaName = "bench_raw";
            options.Events.StreamIdentity = StreamIdentity.AsGuid;
            options.AutoCreateSchemaObjects = AutoCreate.All;
        });
        var stream = Guid.NewGuid();
        var latencies = new List<double>(count);
        for (var i = -10; i < count; i++) // ten appends to warm up (schema, pool, JIT)
        {
            var started = Stopwatch.GetTimestamp();
            await using var session = store.LightweightSession();
            session.Events.Append(stream, new SpeakerInscribed(Guid.NewGuid(), "GHA", "Speaker of GHA", "Minister for Foreign Affairs", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
            if (i >= 0) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return (count / (latencies.Sum() / 1000), Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99));
    }
}
