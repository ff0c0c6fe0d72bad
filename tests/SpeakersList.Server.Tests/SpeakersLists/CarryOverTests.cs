using SpeakersList.SpeakersLists;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.SpeakersLists;

public class Carrying_over(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task Speakers_not_heard_at_an_adjourned_meeting_head_the_next_meeting_on_the_item_in_their_order()
    {
        var morning = await Api.ScheduleMeeting(title: "Plenary 1", start: "10:00", end: "13:00");
        var afternoon = await Api.ScheduleMeeting(title: "Plenary 2", start: "15:00", end: "18:00");
        var roundTable = await Api.ScheduleMeeting(title: "Round table I", kind: "roundTable", room: "Conference Room 4",
            start: "15:00", end: "18:00", agendaItem: "Round table I");
        await Api.Inscribe(morning, "GHA", "minister");
        await Api.Inscribe(morning, "FRA", "headOfState");
        await Api.Inscribe(morning, "BRA", "minister");
        await Api.Inscribe(morning, "IND", "viceMinister");
        App.Clock.Advance(TimeSpan.FromMinutes(30));
        await Api.Inscribe(afternoon, "DEU", "headOfState");

        // France is heard; the others are not reached before the meeting is adjourned.
        App.Clock.SetUtcNow(Api.Day1 + TimeSpan.Parse("10:00"));
        await Api.Floor(morning, "open");
        await Api.Floor(morning, "next");
        await Api.Floor(morning, "start");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await Api.Floor(morning, "end");
        App.Clock.SetUtcNow(Api.Day1 + TimeSpan.Parse("13:00"));
        await Api.Floor(morning, "adjourn");

        var order = await WaitFor(() => Api.SpeakingOrder(afternoon), o => o.Length == 4);
        Assert.Equal(["GHA", "BRA", "IND", "DEU"], order);
        var afternoonList = await Api.ListView(afternoon);
        var ghana = afternoonList.Entries[0];
        Assert.Equal(Api.Day1 + TimeSpan.Parse("09:00"), ghana.InscribedAt);
        Assert.Contains("Before Germany: carried over from an earlier meeting on the item", afternoonList.Entries[2].Explanation);

        var morningStates = (await Api.ListView(morning)).Entries.Select(e => e.State).ToArray();
        Assert.Equal([EntryState.Heard], morningStates);
        Assert.Empty(await Api.SpeakingOrder(roundTable));
    }

    /// <summary>The carry-over runs after the adjournment has committed (forwarded through Wolverine's outbox).</summary>
    private static async Task<T> WaitFor<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(50);
        }
    }
}
