using System.Net;
using System.Net.Http.Headers;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SpeakersList.Server.Operations;
using SpeakersList.Server.Tests.Infrastructure;
using Wolverine;

namespace SpeakersList.Server.Tests.Operations;

/// <summary>A database of its own: these tests drop a table and change the stamp.</summary>
[CollectionDefinition(Name)]
public sealed class SchemaStampCollection : ICollectionFixture<SpeakersListApp>
{
    public const string Name = "schema-stamp";
}

[Collection(SchemaStampCollection.Name)]
public class The_schema_stamp(SpeakersListApp app)
{
    [Fact]
    public async Task lets_a_second_start_of_the_same_build_skip_the_comparison_and_work_as_the_first()
    {
        Assert.Equal(SchemaStamp.OfThisBuild, await StampAsync()); // the first start applied the schema and stamped it

        await using var second = app.Factory.WithWebHostBuilder(_ => { });
        _ = second.Server;

        Assert.True(second.Services.GetRequiredService<SchemaStamp>().IsCurrent);
        Assert.Equal(AutoCreate.None, second.Services.GetRequiredService<StoreOptions>().AutoCreateSchemaObjects);
        Assert.Equal(AutoCreate.None, second.Services.GetRequiredService<WolverineOptions>().AutoBuildMessageStorageOnStartup);
        using var officer = second.CreateClient();
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.OfficerToken);
        var api = new Api(officer);
        var meeting = await api.ScheduleMeeting();
        using var inscribed = await api.TryInscribe(meeting, "GHA");
        Assert.Equal(HttpStatusCode.Created, inscribed.StatusCode);
    }

    [Fact]
    public async Task of_another_build_brings_the_schema_up_to_date_again()
    {
        Assert.Equal(SchemaStamp.OfThisBuild, await StampAsync());
        await ExecuteAsync($"update speakerslist.{SchemaStamp.Table} set stamp = 'ANOTHER BUILD'; drop table speakerslist.mt_doc_calendarlink");

        await using var next = app.Factory.WithWebHostBuilder(_ => { });
        _ = next.Server;

        // Started as a build that had not applied it: every table compared, and created where missing.
        Assert.Equal(AutoCreate.CreateOrUpdate, next.Services.GetRequiredService<StoreOptions>().AutoCreateSchemaObjects);
        Assert.Equal(1L, await ScalarAsync("select count(*) from information_schema.tables where table_schema = 'speakerslist' and table_name = 'mt_doc_calendarlink'"));
        Assert.Equal(SchemaStamp.OfThisBuild, await StampAsync());
    }

    // The stamp is written once the host has started: waited for, not assumed.
    private async Task<string?> StampAsync()
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var stamp = await ScalarAsync($"select stamp from speakerslist.{SchemaStamp.Table}") as string;
            if (stamp == SchemaStamp.OfThisBuild || DateTime.UtcNow > until) return stamp;
            await Task.Delay(50);
        }
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = app.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select case when to_regclass('speakerslist.{SchemaStamp.Table}') is null then null else 1 end", connection);
        if (await command.ExecuteScalarAsync() is null or DBNull) return null;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = app.Services.GetRequiredService<IDocumentStore>().Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
