using Npgsql;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Cluster.Tests;

/// <summary>What must happen once happens once, however many nodes start together.</summary>
[Collection(ClusterCollection.Name)]
public class First_start(Cluster cluster)
{
    [Fact]
    public async Task Two_nodes_started_at_the_same_instant_on_an_empty_database_create_one_first_officer_and_one_demo_conference()
    {
        var database = await PostgresServer.CreateDatabaseAsync("speakerslist_first");
        var nodes = Enumerable.Range(0, 2).Select(i =>
        {
            var port = Repository.FreePort();
            var environment = cluster.NodeEnvironment(port, database, $"first{i + 1}");
            environment["SpeakersList__LoadDemo"] = "true";
            environment["SpeakersList__CreateFirstOfficer"] = "true";
            return (Port: port, Process: cluster.StartServer(environment, $"first{i + 1}"));
        }).ToList();
        try
        {
            await Task.WhenAll(nodes.Select(n => Cluster.WaitReadyAsync(new Uri($"http://127.0.0.1:{n.Port}"), n.Process)));

            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            Assert.Equal(1L, await Count(connection, "mt_doc_officer"));
            Assert.Equal(1L, await Count(connection, "mt_doc_conference"));
            // The password box, printed by the one node that created the officer.
            Assert.Single(nodes.SelectMany(n => n.Process.Output), line => line.TrimStart().StartsWith("password ", StringComparison.Ordinal));
        }
        finally
        {
            foreach (var node in nodes) await node.Process.DisposeAsync();
        }
    }

    private static Task<long> Count(NpgsqlConnection connection, string table) => Scalar(connection, $"select count(*) from speakerslist.{table}");

    private static async Task<long> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
