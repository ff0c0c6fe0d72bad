using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.SpeakersLists;

public class A_fair_opening(SpeakersListApp app) : ApiTest(app)
{
    private sealed record Participant(string Code, string Category);

    private static readonly string[] Levels = ["headOfState", "headOfGovernment", "minister", "viceMinister", "chairOfDelegation"];

    private async Task<HttpResponseMessage> ScheduleOpening(Guid meeting, DateTimeOffset opensAt, int? windowSeconds) =>
        await Api.Http.PutAsJsonAsync($"/api/meetings/{meeting}/speakers-list/opening",
            new { commandId = Guid.NewGuid(), opensAt, windowSeconds }, Api.Json);

    private async Task<JsonObject> DrawnList(Guid meeting)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var list = await Api.SpeakersList(meeting);
            if (list["opening"]?["seed"] is not null) return list;
            if (waited.Elapsed > TimeSpan.FromSeconds(90)) Assert.Fail("The lot was not drawn within 90 seconds of the window's close.");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task The_193_Member_States_inscribing_in_the_window_stand_in_the_order_drawn_from_the_seed_committed_to_before()
    {
        var meeting = await Api.ScheduleMeeting();
        var opensAt = App.Clock.GetUtcNow().AddSeconds(1);
        (await ScheduleOpening(meeting, opensAt, 2)).EnsureSuccessStatusCode();
        var before = await Api.SpeakersList(meeting);
        var commitment = before["opening"]!["commitment"]!.GetValue<string>();
        Assert.Null(before["opening"]!["seed"]);

        var early = await Api.TryInscribe(meeting, "GHA");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("opens at", (await early.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());

        App.Clock.Advance(TimeSpan.FromSeconds(1));
        var states = (await Api.Http.GetFromJsonAsync<Participant[]>("/api/participants", Api.Json))!.Where(x => x.Category == "memberState").ToArray();
        Assert.Equal(193, states.Length);
        var responses = await Task.WhenAll(states.Select((p, i) => Api.TryInscribe(meeting, p.Code, Levels[i % Levels.Length])));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        // During the window the seed is nowhere: not in the list, not in a replay.
        var during = await Api.Http.GetStringAsync($"/api/meetings/{meeting}/speakers-list");
        Assert.Contains("Held for the draw by lot", during);
        App.Clock.Advance(TimeSpan.FromSeconds(4));
        var drawn = await DrawnList(meeting);
        var seedHex = drawn["opening"]!["seed"]!.GetValue<string>();
        Assert.DoesNotContain(seedHex, during);
        var replay = await Api.Http.GetStringAsync($"/api/meetings/{meeting}/speakers-list?at={Uri.EscapeDataString(opensAt.AddSeconds(1).ToString("O"))}");
        Assert.Equal(193, JsonNode.Parse(replay)!["entries"]!.AsArray().Count);
        Assert.DoesNotContain(seedHex, replay);

        var seed = Convert.FromHexString(seedHex);
        Assert.Equal(commitment, drawn["opening"]!["commitment"]!.GetValue<string>());
        Assert.Equal(commitment, Convert.ToHexStringLower(SHA256.HashData(seed)));

        // Within each level, the list follows SHA-256(seed ‖ code).
        var entries = drawn["entries"]!.AsArray().Select(e => e!.AsObject()).ToList();
        foreach (var level in Levels)
        {
            var shown = entries.Where(e => e["level"]!.GetValue<string>() == level).OrderBy(e => e["position"]!.GetValue<int>()).ToList();
            var expected = shown.Select(e => e["participant"]!.GetValue<string>())
                .OrderBy(code => Convert.ToHexStringLower(SHA256.HashData([.. seed, .. Encoding.ASCII.GetBytes(code)])), StringComparer.Ordinal).ToList();
            Assert.Equal(expected, shown.Select(e => e["participant"]!.GetValue<string>()));
            Assert.Equal(Enumerable.Range(1, shown.Count).Select(k => $"Order drawn by lot: {k} of {shown.Count} at this level."),
                shown.Select(e => e["explanation"]!.GetValue<string>().Split(". ")[0] + "."));
        }
        Assert.Equal(193, drawn["opening"]!["drawn"]!.AsArray().Count);

        // The verifier in ops/ agrees.
        var file = Path.Combine(Path.GetTempPath(), $"draw-{meeting:N}.json");
        await File.WriteAllTextAsync(file, drawn.ToJsonString());
        var verifier = Process.Start(new ProcessStartInfo("python3", [Path.Combine(RepositoryRoot(), "ops", "verify-draw"), file])
            { RedirectStandardOutput = true })!;
        var said = await verifier.StandardOutput.ReadToEndAsync();
        await verifier.WaitForExitAsync();
        Assert.True(verifier.ExitCode == 0, said);
        Assert.StartsWith("OK", said);

        // Later inscriptions follow by time.
        (await Api.TryInscribe(meeting, "EU", "other")).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Conflict, (await ScheduleOpening(meeting, App.Clock.GetUtcNow().AddMinutes(5), 60)).StatusCode);
    }

    [Fact]
    public async Task An_opening_in_the_past_or_with_a_window_out_of_range_is_refused()
    {
        var meeting = await Api.ScheduleMeeting();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ScheduleOpening(meeting, App.Clock.GetUtcNow().AddSeconds(-1), 60)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ScheduleOpening(meeting, App.Clock.GetUtcNow().AddMinutes(1), 0)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.CreateClientAsync(TestRole.Delegation("GHA"))).PutAsJsonAsync(
            $"/api/meetings/{meeting}/speakers-list/opening", new { commandId = Guid.NewGuid(), opensAt = App.Clock.GetUtcNow().AddMinutes(1) }, Api.Json)).StatusCode);
    }

    [Fact]
    public async Task The_draw_waits_as_a_durable_scheduled_message_in_the_database()
    {
        var meeting = await Api.ScheduleMeeting();
        (await ScheduleOpening(meeting, App.Clock.GetUtcNow().AddMinutes(10), 60)).EnsureSuccessStatusCode();

        var runtime = App.Services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>();
        var incoming = await runtime.Storage.Admin.AllIncomingAsync();

        // Due when the window closes (11 minutes by the service's clock), in PostgreSQL: a restart does not lose it.
        Assert.Contains(incoming, e => e.MessageType?.Contains("DrawOpeningLot") == true
            && e.Status == Wolverine.EnvelopeStatus.Scheduled && e.ScheduledTime > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ops", "verify-draw"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ops/verify-draw not found above the test's folder.");
    }
}
