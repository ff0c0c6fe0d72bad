using System.Net;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpeakersList.Publishing;
using SpeakersList.Server.Publishing.Calendars;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Publishing;

/// <summary>
/// The calendars' projections (issue 25): each meeting's slot ledger and which meetings each delegation is on, kept as
/// the events land, equal to a rebuild from the events; a calendar reads them.
/// </summary>
public class Slot_ledgers(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_calendars_reads_of_the_programmes_changes_find_them_by_event_type_through_an_index()
    {
        // The calendar counts each meeting's reschedulings, moves and cancellations across the session's events; without an
        // index on the events' type each fetch scanned every event of the history (4.6x slower at 100 meetings).
        var configuration = App.Services.GetRequiredService<IConfiguration>();
        var schema = configuration["SpeakersList:Schema"] ?? "speakerslist";
        await using var connection = new Npgsql.NpgsqlConnection(configuration.GetConnectionString("Marten"));
        await connection.OpenAsync();
        await using (var off = new Npgsql.NpgsqlCommand("set enable_seqscan = off", connection)) await off.ExecuteNonQueryAsync();
        await using var explain = new Npgsql.NpgsqlCommand($"explain select data from \"{schema}\".mt_events where type = 'meeting_moved'", connection);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));

        Assert.Contains(plan, line => line.Contains("Index", StringComparison.Ordinal) || line.Contains("Bitmap", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_ledgers_and_the_delegations_meetings_kept_as_events_land_equal_a_rebuild_from_the_events()
    {
        var morning = await Api.ScheduleMeeting(title: "Plenary 1", start: "10:00", end: "13:00");
        var afternoon = await Api.ScheduleMeeting(title: "Plenary 2", start: "15:00", end: "18:00");
        var ghana = await Api.Inscribe(morning, "GHA");
        await Api.Inscribe(morning, "BRA");
        await Api.Inscribe(morning, "IND", "viceMinister");
        await Api.Inscribe(afternoon, "DEU", "headOfState");
        App.Clock.Advance(TimeSpan.FromMinutes(3));
        await Api.Inscribe(morning, "FRA", "headOfState"); // moves every slot after it by more than 5 minutes
        var brazil = (await Api.ListView(morning)).Entries.Single(x => x.Speaker.Participant.Value == "BRA").InscriptionId;
        Assert.Equal(HttpStatusCode.OK, (await Api.Http.DeleteAsync($"/api/meetings/{morning}/inscriptions/{brazil}?commandId={Guid.NewGuid()}")).StatusCode);

        // France is heard; Ghana and India are not reached and are carried over to the afternoon.
        App.Clock.SetUtcNow(Api.Day1 + TimeSpan.Parse("10:00"));
        await Api.Floor(morning, "open");
        await Api.Floor(morning, "next");
        await Api.Floor(morning, "start");
        App.Clock.Advance(TimeSpan.FromMinutes(20)); // an overrun: the slots after it move
        await Api.Floor(morning, "end");
        App.Clock.SetUtcNow(Api.Day1 + TimeSpan.Parse("13:00"));
        await Api.Floor(morning, "adjourn");
        await WaitFor(async () => (await Api.SpeakingOrder(afternoon)).Length == 3);

        var store = App.Services.GetRequiredService<IDocumentStore>();
        var ghanaCalendar = await CalendarOf("GHA");
        var uids = Ical.Net.Calendar.Load(ghanaCalendar)!.Events.Select(e => e.Uid!).ToList();
        Assert.Contains($"{ghana:N}-{morning:N}@speakerslist", uids);
        Assert.Contains(uids, uid => uid.EndsWith($"-{afternoon:N}@speakerslist")); // carried in: the afternoon's slot too
        var before = await Stored(store, morning, afternoon);
        Assert.Equal(4, before["ledger " + morning]!["slots"]!.AsObject().Count);

        // Each ledger is the domain's fold of its stream's events.
        await using (var session = store.QuerySession())
            foreach (var meeting in new[] { morning, afternoon })
            {
                var events = (await session.Events.FetchStreamAsync(meeting)).Select(e => e.Data).OfType<IMeetingEvent>();
                var folded = events.Aggregate((SlotLedger?)null, StreamFold.Next)!;
                var kept = (await session.LoadAsync<SlotLedger>(meeting))!;
                Assert.Equal(folded.Slots.OrderBy(x => x.Key).Select(x => x.Value), kept.Slots.OrderBy(x => x.Key).Select(x => x.Value));
                Assert.Equal(folded.List.Version, kept.List.Version);
            }

        // Deleted, then rebuilt from the events: the same documents, and the same calendar.
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(SlotLedger));
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(DelegationMeeting));
        Assert.DoesNotContain("VEVENT", await CalendarOf("GHA"));
        await store.Advanced.RebuildSingleStreamAsync<SlotLedger>(morning);
        await store.Advanced.RebuildSingleStreamAsync<SlotLedger>(afternoon);
        using (var daemon = await store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync<DelegationMeetingsProjection>(CancellationToken.None);
        var after = await Stored(store, morning, afternoon);
        foreach (var (name, json) in before)
            Assert.True(JsonNode.DeepEquals(json, after[name]), $"{name} differs after the rebuild:\n{json}\n---\n{after[name]}");
        Assert.Equal(ghanaCalendar, await CalendarOf("GHA"));
    }

    private async Task<string> CalendarOf(string participant)
    {
        var link = await Api.Read<CalendarLinkCreated>(await Api.Http.PostAsync($"/api/delegations/{participant}/calendar-links", null), HttpStatusCode.Created);
        using var anonymous = App.CreateAnonymousClient();
        return await anonymous.GetStringAsync(new Uri(link.Url).PathAndQuery);
    }

    [Fact]
    public async Task A_database_from_before_the_projections_has_them_built_from_the_events_once_one_node_at_a_time()
    {
        var morning = await Api.ScheduleMeeting(title: "Plenary 1", start: "10:00", end: "13:00");
        var afternoon = await Api.ScheduleMeeting(title: "Plenary 2", start: "15:00", end: "18:00");
        await Api.Inscribe(morning, "GHA");
        await Api.Inscribe(morning, "BRA");
        await Api.Inscribe(morning, "IND", "viceMinister");
        await Api.Inscribe(afternoon, "DEU", "headOfState");
        await Api.Inscribe(afternoon, "FRA");
        await Api.Inscribe(afternoon, "CHN");
        await Api.Inscribe(afternoon, "GHA", "headOfState");
        var store = App.Services.GetRequiredService<IDocumentStore>();
        var calendar = await CalendarOf("GHA");
        var kept = await Stored(store, morning, afternoon);

        // The database as an older build left it: events, lists, no ledgers, no delegation rows, no mark.
        foreach (var type in new[] { typeof(SlotLedger), typeof(DelegationMeeting), typeof(ProjectionsBuilt) })
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type);
        Assert.DoesNotContain("VEVENT", await CalendarOf("GHA"));

        // Two nodes start at once: one builds, the other waits for it and finds the mark.
        var logger = App.Services.GetRequiredService<ILogger<ProjectionsBuilt>>();
        var built = await Task.WhenAll(CalendarsBackfill.RunAsync(store, logger, CancellationToken.None), CalendarsBackfill.RunAsync(store, logger, CancellationToken.None));
        Assert.Equal(new[] { 0, 2 }, built.Order().ToArray());
        var rebuilt = await Stored(store, morning, afternoon);
        foreach (var (name, json) in kept)
            Assert.True(JsonNode.DeepEquals(json, rebuilt[name]), $"{name} differs after the start's rebuild:\n{json}\n---\n{rebuilt[name]}");
        Assert.Equal(calendar, await CalendarOf("GHA"));
        await using (var session = store.QuerySession())
            Assert.Equal(2, (await session.LoadAsync<ProjectionsBuilt>(CalendarsBackfill.Generation))!.Meetings);

        // A later start finds the mark and leaves the projections alone.
        Assert.Equal(0, await CalendarsBackfill.RunAsync(store, logger, CancellationToken.None));
    }

    private static async Task<Dictionary<string, JsonNode?>> Stored(IDocumentStore store, params Guid[] meetings)
    {
        await using var session = store.QuerySession();
        var stored = new Dictionary<string, JsonNode?>();
        foreach (var meeting in meetings)
            stored["ledger " + meeting] = JsonNode.Parse(await session.Json.FindByIdAsync<SlotLedger>(meeting) ?? "null");
        foreach (var row in (await session.Query<DelegationMeeting>().ToListAsync()).OrderBy(x => x.Id))
            stored["delegation " + row.Id] = JsonNode.Parse(await session.Json.FindByIdAsync<DelegationMeeting>(row.Id) ?? "null");
        Assert.Equal(7, stored.Keys.Count(k => k.StartsWith("delegation ")));
        Assert.All(meetings, meeting => Assert.NotEqual("null", stored["ledger " + meeting]?.ToJsonString() ?? "null"));
        return stored;
    }

    private static async Task WaitFor(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The carry-over did not arrive within 10 s.");
            await Task.Delay(50);
        }
    }
}
