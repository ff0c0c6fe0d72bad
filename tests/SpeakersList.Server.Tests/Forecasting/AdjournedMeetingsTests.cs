using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SpeakersList.Server.Forecasting;
using SpeakersList.SpeakersLists;
using SpeakersList.Server.Publishing.Calendars;
using SpeakersList.Server.Tests.Floor;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Forecasting;

/// <summary>
/// The forecast's history of adjourned meetings (issue 25): each adjourned meeting's heard speeches kept in a small
/// document as the events land, equal to a fold of the meeting's events, read by the history instead of the lists, and
/// built at start on a database from before them.
/// </summary>
public class Adjourned_meetings(SpeakersListApp app) : FloorTest(app)
{
    private async Task Speak(Guid meeting, string from, string to)
    {
        Now(from);
        await Api.Floor(meeting, "next");
        await Api.Floor(meeting, "start");
        Now(to);
        await Api.Floor(meeting, "end");
    }

    private static List<double> WaitingGaps(JsonObject list)
    {
        var starts = list["entries"]!.AsArray().Select(e => e!.AsObject()).Where(e => e["state"]!.GetValue<string>() == "waiting")
            .Select(e => e["estimatedStart"]!.GetValue<DateTimeOffset>()).ToList();
        return starts.Zip(starts.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
    }

    [Fact]
    public async Task An_adjourned_meeting_keeps_its_heard_speeches_equal_to_a_fold_of_its_events_and_a_later_meeting_learns_from_them()
    {
        var morning = await Api.ScheduleMeeting(title: "Plenary 1", start: "10:00", end: "13:00");
        var afternoon = await Api.ScheduleMeeting(title: "Plenary 2", start: "15:00", end: "18:00");
        foreach (var code in new[] { "GHA", "FRA", "BRA" }) await Api.Inscribe(morning, code);
        await Api.Inscribe(morning, "IND", "viceMinister");
        foreach (var code in new[] { "DEU", "JPN", "KEN", "MEX" }) await Api.Inscribe(afternoon, code);
        // Nothing learned: a limit of five minutes and a change-over of thirty seconds apart.
        Assert.All(WaitingGaps(await Api.SpeakersList(afternoon)), gap => Assert.Equal(330, gap));

        // Every speaker of the morning runs eight minutes against five.
        Now("10:00");
        await Api.Floor(morning, "open");
        await Speak(morning, "10:00", "10:08");
        await Speak(morning, "10:08:30", "10:16:30");
        await Speak(morning, "10:17", "10:25");
        await Speak(morning, "10:25:30", "10:33:30");
        var store = App.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.QuerySession())
            Assert.Null(await session.LoadAsync<AdjournedMeeting>(morning)); // not adjourned yet: not history
        Now("10:40");
        await Api.Floor(morning, "adjourn");

        var kept = await StoredJsonOf(store, morning);
        await using (var session = store.QuerySession())
        {
            var folded = (await session.Events.FetchStreamAsync(morning)).Select(e => e.Data).OfType<IMeetingEvent>()
                .Aggregate((ListOfSpeakers?)null, StreamFold.Next)!;
            var rebuilt = AdjournedMeeting.Of(folded)!;
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(App.StoreSerializer().ToJson(rebuilt)), kept), $"kept:\n{kept}\nfolded:\n{App.StoreSerializer().ToJson(rebuilt)}");
            var adjourned = (await session.LoadAsync<AdjournedMeeting>(morning))!;
            Assert.Equal(Api.Day1 + TimeSpan.Parse("10:40"), adjourned.AdjournedAt);
            Assert.Equal(4, adjourned.Speeches.Count);
            Assert.All(adjourned.Speeches, s => Assert.Equal((300, 480.0), (s.AllottedSeconds, s.UsedSeconds)));
            Assert.Equal(LevelOfRepresentation.ViceMinister, adjourned.Speeches[3].Level);
            Assert.Null(await session.LoadAsync<AdjournedMeeting>(afternoon));
        }

        // The afternoon learns the overruns: its speakers are spaced further apart than their limits.
        Assert.All(WaitingGaps(await Api.SpeakersList(afternoon)), gap => Assert.InRange(gap, 390, 540));
        // A replay learns only from what had happened by then: before the adjournment, nothing; after it, the same as now.
        Assert.All(WaitingGaps(await Api.SpeakersListAt(afternoon, Api.Day1 + TimeSpan.Parse("10:39"))), gap => Assert.Equal(330, gap));
        Assert.Equal(WaitingGaps(await Api.SpeakersList(afternoon)), WaitingGaps(await Api.SpeakersListAt(afternoon, Api.Day1 + TimeSpan.Parse("10:41"))));
        // Another node reads the same history from the small documents, each speech timed by the adjournment.
        var speeches = await FreshHistory(store);
        Assert.Equal(4, speeches.Count);
        Assert.All(speeches, s => Assert.Equal((morning, Api.Day1 + TimeSpan.Parse("10:40")), (s.MeetingId, s.At!.Value)));

        // Without the documents the history is empty, though the adjourned list is still there: it is not read.
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(AdjournedMeeting));
        Assert.Empty(await FreshHistory(store));
    }

    [Fact]
    public async Task A_database_from_before_the_documents_has_them_built_once_one_node_at_a_time()
    {
        var held = await Api.ScheduleMeeting(title: "Plenary 1", start: "10:00", end: "13:00");
        var open = await Api.ScheduleMeeting(title: "Plenary 2", start: "15:00", end: "18:00");
        foreach (var code in new[] { "GHA", "FRA" }) await Api.Inscribe(held, code);
        await Api.Inscribe(open, "DEU");
        Now("10:00");
        await Api.Floor(held, "open");
        await Speak(held, "10:00", "10:07");
        await Speak(held, "10:07:30", "10:12");
        Now("10:20");
        await Api.Floor(held, "adjourn");
        var store = App.Services.GetRequiredService<IDocumentStore>();
        var kept = await StoredJsonOf(store, held);
        Assert.Equal(2, kept!["speeches"]!.AsArray().Count);

        // The database as an older build left it: adjourned lists, no documents, no mark.
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(AdjournedMeeting));
        await using (var session = store.LightweightSession())
        {
            session.Delete<ProjectionsBuilt>(AdjournedMeetings.Generation);
            await session.SaveChangesAsync();
        }
        Assert.Empty(await FreshHistory(store));

        // Two nodes start at once: one builds, the other waits for it and finds the mark.
        var logger = App.Services.GetRequiredService<ILogger<ProjectionsBuilt>>();
        var built = await Task.WhenAll(AdjournedMeetings.BuildAsync(store, logger, CancellationToken.None), AdjournedMeetings.BuildAsync(store, logger, CancellationToken.None));
        Assert.Equal(new[] { 0, 1 }, built.Order().ToArray());
        Assert.True(JsonNode.DeepEquals(kept, await StoredJsonOf(store, held)), "the document differs after the start's build");
        Assert.Null(await StoredJsonOf(store, open));
        Assert.Equal(2, (await FreshHistory(store)).Count);

        // A later start finds the mark and leaves the documents alone.
        Assert.Equal(0, await AdjournedMeetings.BuildAsync(store, logger, CancellationToken.None));
    }

    private static async Task<JsonNode?> StoredJsonOf(IDocumentStore store, Guid meeting)
    {
        await using var session = store.QuerySession();
        return await session.Json.FindByIdAsync<AdjournedMeeting>(meeting) is { } json ? JsonNode.Parse(json) : null;
    }

    private static async Task<IReadOnlyList<SpokenSpeech>> FreshHistory(IDocumentStore store)
    {
        await using var session = store.QuerySession();
        return await new SpeakingHistory().SpeechesAsync(session, CancellationToken.None);
    }
}
