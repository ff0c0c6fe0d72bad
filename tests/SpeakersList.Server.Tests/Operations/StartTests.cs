using System.Net;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Participants;
using SpeakersList.Server.Participants;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Operations;

/// <summary>What the start leaves in place once the service answers (issue 25 moved work beside it or after it).</summary>
public class The_start(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task Readiness_answers_with_the_database_the_node_writes_to_field_by_field()
    {
        using var anonymous = App.CreateAnonymousClient();
        using var response = await anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal("Healthy", root.GetProperty("status").GetString());
        Assert.Equal("PostgreSQL primary, no synchronous standby.", root.GetProperty("detail").GetString());
        var database = root.GetProperty("database");
        Assert.Equal("primary", database.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Number, database.GetProperty("synchronousStandbys").ValueKind);
        Assert.Equal(0, database.GetProperty("synchronousStandbys").GetInt32());
        Assert.Matches(@"^[^:]+:\d+$", database.GetProperty("host").GetString());
    }

    [Fact]
    public async Task The_registry_is_registered_before_the_first_request_and_again_after_a_reset_only_what_is_missing()
    {
        // The host's start ran the registration beside Wolverine's and waited for it; the reset between tests runs it again.
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var codes = (await session.Query<Participant>().ToListAsync()).Select(x => x.Code).ToHashSet();
        Assert.Equal(ParticipantRegistry.All.Select(x => x.Code).ToHashSet(), codes);

        var events = await session.Events.QueryAllRawEvents().CountAsync();
        await App.Services.GetRequiredService<ParticipantsSeed>().RegisterMissingAsync(CancellationToken.None);
        Assert.Equal(events, await session.Events.QueryAllRawEvents().CountAsync()); // nothing missing, nothing appended
    }

    [Fact]
    public void The_live_hub_is_mapped_with_the_metadata_MapHub_gives_its_endpoints()
    {
        var endpoints = App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(x => x.RoutePattern.RawText?.StartsWith("/hubs/live", StringComparison.Ordinal) == true).ToList();

        Assert.Equal(["/hubs/live", "/hubs/live/negotiate"], endpoints.Select(x => x.RoutePattern.RawText).Order());
        Assert.All(endpoints, endpoint => Assert.Equal(typeof(Server.Live.LiveHub), endpoint.Metadata.GetMetadata<HubMetadata>()?.HubType));
    }
}
