using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Npgsql;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Hardening;

/// <summary>The service reaches PostgreSQL through a relay the test can cut.</summary>
public sealed class AppBehindRelay : SpeakersListApp
{
    public TcpProxy? Relay { get; private set; }

    protected override void ConfigureHost(IWebHostBuilder web) =>
        web.ConfigureAppConfiguration((_, config) =>
        {
            var direct = new NpgsqlConnectionStringBuilder(config.Build().GetConnectionString("Marten"));
            Relay ??= new TcpProxy(direct.Host ?? "127.0.0.1", direct.Port);
            var relayed = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = Relay.Port, Timeout = 5 };
            config.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Marten"] = relayed.ConnectionString });
        });

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Relay is not null) await Relay.DisposeAsync();
    }
}

/// <summary>
/// PostgreSQL goes away under reads and writes: every request that needs it answers 503 with
/// Retry-After (never a 500), nothing is half-applied, and the service recovers by itself when the
/// database is back; a command refused during the outage lands once when retried.
/// </summary>
public sealed class DatabaseOutage(AppBehindRelay app) : IClassFixture<AppBehindRelay>
{
    [Fact]
    public async Task The_database_away_is_a_503_with_retry_after_then_the_service_recovers_by_itself()
    {
        await app.ResetAsync();
        var officer = app.CreateClient();
        var api = new Api(officer);
        var meeting = await api.ScheduleMeeting(room: $"Conference Room {Guid.NewGuid():N}");
        await api.Inscribe(meeting, "GHA");
        var retried = Guid.NewGuid();
        object Inscription(string participant) => new
        {
            commandId = retried, participant, level = "minister", speakerName = "Speaker of Brazil", speakerTitle = "Minister",
        };
        var logsBefore = app.Logs.Messages.Count;

        app.Relay!.Cut();
        var statuses = new List<(string What, HttpStatusCode Status, string? RetryAfter)>();
        async Task Try(string what, Func<Task<HttpResponseMessage>> send)
        {
            using var response = await send();
            statuses.Add((what, response.StatusCode, response.Headers.RetryAfter?.ToString()));
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable && what != "ready")
                Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync());
        }
        for (var round = 0; round < 3; round++)
        {
            await Try("read the list", () => officer.GetAsync($"/api/meetings/{meeting}/speakers-list"));
            await Try("inscribe", () => officer.PostAsJsonAsync($"/api/meetings/{meeting}/inscriptions", Inscription("BRA"), Api.Json));
            await Try("close the list", () => officer.PostAsJsonAsync($"/api/meetings/{meeting}/speakers-list/close", new { commandId = Guid.NewGuid() }, Api.Json));
            await Try("programme", () => officer.GetAsync("/api/programme"));
            await Try("sign in", () => app.CreateAnonymousClient().PostAsJsonAsync("/api/auth/officer/sign-in",
                new { name = SpeakersListApp.OfficerName, password = SpeakersListApp.OfficerPassword }));
            await Try("ready", () => officer.GetAsync("/health/ready"));
        }
        var summary = string.Join("; ", statuses.Select(x => $"{x.What}: {(int)x.Status} Retry-After={x.RetryAfter}"));
        Assert.All(statuses, x => Assert.Equal(HttpStatusCode.ServiceUnavailable, x.Status));
        Assert.All(statuses.Where(x => x.What != "ready"), x => Assert.False(string.IsNullOrEmpty(x.RetryAfter), summary));

        app.Relay.Restore();
        // Recovery by itself: the first requests may still meet connections that died with the relay; they are 503 too.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpStatusCode last;
        do
        {
            using var response = await officer.GetAsync($"/api/meetings/{meeting}/speakers-list");
            last = response.StatusCode;
            Assert.True(last is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{(int)last} while recovering");
            if (last != HttpStatusCode.OK) await Task.Delay(250);
        } while (last != HttpStatusCode.OK && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, last);

        // The inscription refused during the outage was never applied: its retry lands now, once.
        Assert.Equal(["GHA"], await api.SpeakingOrder(meeting));
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync($"/api/meetings/{meeting}/inscriptions", Inscription("BRA"), Api.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/meetings/{meeting}/inscriptions", Inscription("BRA"), Api.Json)).StatusCode);
        Assert.Equal(["GHA", "BRA"], await api.SpeakingOrder(meeting));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/health/ready")).StatusCode);

        var faults = app.Logs.Messages.Skip(logsBefore).Where(x => x.Contains("An unhandled exception", StringComparison.Ordinal)).ToList();
        Assert.True(faults.Count == 0, "the outage reached the exception handler (a 500):\n" + string.Join("\n", faults.Take(3)));
    }
}
