using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Participants;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Tests.SpeakersLists;

public class A_fair_opening(SpeakersListApp app) : ApiTest(app)
{

    private static readonly string[] Levels = ["headOfState", "headOfGovernment", "minister", "viceMinister", "chairOfDelegation"];

    private async Task<HttpResponseMessage> ScheduleOpening(Guid meeting, DateTimeOffset opensAt, int? windowSeconds) =>
        await Api.Http.PutAsJsonAsync($"/api/meetings/{meeting}/speakers-list/opening",
            new { commandId = Guid.NewGuid(), opensAt, windowSeconds }, Api.Json);

    /// <summary>The list once the lot is drawn, and its JSON as written (which ops/verify-draw reads).</summary>
    private async Task<(SpeakersListView List, string Json)> DrawnList(Guid meeting)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var json = await Api.Http.GetStringAsync($"/api/meetings/{meeting}/speakers-list");
            var list = JsonSerializer.Deserialize<SpeakersListView>(json, Api.Json)!;
            if (list.Opening?.Seed is not null) return (list, json);
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
        var before = await Api.ListView(meeting);
        var commitment = before.Opening!.Commitment;
        Assert.Null(before.Opening.Seed);

        var early = await Api.TryInscribe(meeting, "GHA");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("opens at", (await early.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());

        App.Clock.Advance(TimeSpan.FromSeconds(1));
        var states = (await Api.Get<IReadOnlyList<Participant>>("/api/participants")).Where(x => x.Category == ParticipantCategory.MemberState).ToArray();
        Assert.Equal(193, states.Length);
        var responses = await Task.WhenAll(states.Select((p, i) => Api.TryInscribe(meeting, p.Code.Value, Levels[i % Levels.Length])));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        // During the window the seed is nowhere: not in the list, not in a replay.
        var during = await Api.Http.GetStringAsync($"/api/meetings/{meeting}/speakers-list");
        Assert.Contains("Held for the draw by lot", during);
        App.Clock.Advance(TimeSpan.FromSeconds(4));
        var (drawn, drawnJson) = await DrawnList(meeting);
        var seedHex = drawn.Opening!.Seed!;
        Assert.DoesNotContain(seedHex, during);
        var replay = await Api.Http.GetStringAsync($"/api/meetings/{meeting}/speakers-list?at={Uri.EscapeDataString(opensAt.AddSeconds(1).ToString("O"))}");
        Assert.Equal(193, JsonSerializer.Deserialize<SpeakersListView>(replay, Api.Json)!.Entries.Count);
        Assert.DoesNotContain(seedHex, replay);

        var seed = Convert.FromHexString(seedHex);
        Assert.Equal(commitment, drawn.Opening.Commitment);
        Assert.Equal(commitment, Convert.ToHexStringLower(SHA256.HashData(seed)));

        // Within each level, the list follows SHA-256(seed ‖ code).
        foreach (var level in Levels.Select(l => Enum.Parse<LevelOfRepresentation>(l, ignoreCase: true)))
        {
            var shown = drawn.Entries.Where(e => e.Speaker.Level == level).OrderBy(e => e.Position).ToList();
            var expected = shown.Select(e => e.Speaker.Participant.Value)
                .OrderBy(code => Convert.ToHexStringLower(SHA256.HashData([.. seed, .. Encoding.ASCII.GetBytes(code)])), StringComparer.Ordinal).ToList();
            Assert.Equal(expected, shown.Select(e => e.Speaker.Participant.Value));
            Assert.Equal(Enumerable.Range(1, shown.Count).Select(k => $"Order drawn by lot: {k} of {shown.Count} at this level."),
                shown.Select(e => e.Explanation.Split(". ")[0] + "."));
        }
        Assert.Equal(193, drawn.Opening.Drawn.Count);

        // The verifier in ops/ agrees.
        var file = Path.Combine(Path.GetTempPath(), $"draw-{meeting:N}.json");
        await File.WriteAllTextAsync(file, drawnJson);
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
