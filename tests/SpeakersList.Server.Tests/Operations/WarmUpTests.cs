using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SpeakersList.Server.Forecasting;
using SpeakersList.Server.Operations;
using SpeakersList.Publishing;
using SpeakersList.Server.Tests.Floor;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Tests.Operations;

/// <summary>The warm-up after a start (issue 25): the first rush's first steps taken once, on whatever the database holds, committing nothing.</summary>
public class Warm_up(SpeakersListApp app) : FloorTest(app)
{
    [Fact]
    public async Task takes_every_step_on_an_empty_database_and_on_a_session_with_a_programme_and_an_adjourned_meeting_and_commits_nothing()
    {
        var warmUp = App.Services.GetServices<IHostedService>().OfType<WarmUp>().Single();
        Assert.Empty(await warmUp.RunAsync(CancellationToken.None)); // nothing to read: no step fails

        await Api.ImportSeedProgramme(); // the grid to build
        // On an agenda item of its own: its adjournment carries nobody over (a carry-over would append while the test counts).
        var held = await Api.ScheduleMeeting(title: "Plenary 1", room: "Conference Room 11", start: "10:00", end: "13:00", agendaItem: "Item held apart");
        var open = await Api.ScheduleMeeting(title: "Plenary 2", room: "Conference Room 11", start: "15:00", end: "18:00");
        foreach (var code in new[] { "GHA", "FRA" }) await Api.Inscribe(held, code);
        await Api.Inscribe(open, "DEU");
        Now("10:00");
        await Api.Floor(held, "open");
        await Api.Floor(held, "next");
        await Api.Floor(held, "start");
        Now("10:07");
        await Api.Floor(held, "end");
        Now("10:20");
        await Api.Floor(held, "adjourn"); // the history to learn from

        var store = App.Services.GetRequiredService<IDocumentStore>();
        async Task<(long Events, long Open, int Slots, int Adjourned, int Grid)> Stored()
        {
            await using var session = store.QuerySession();
            return (await session.Events.QueryAllRawEvents().LongCountAsync(), (await session.LoadAsync<ListOfSpeakers>(open))!.Version,
                (await session.LoadAsync<SlotLedger>(open))!.Slots.Count, await session.Query<AdjournedMeeting>().CountAsync(),
                (await Api.GridMeetings()).Length);
        }
        var before = await Stored();
        Assert.Equal(1, before.Adjourned);

        Assert.Empty(await warmUp.RunAsync(CancellationToken.None));

        Assert.Equal(before, await Stored());
        await Api.Inscribe(open, "BRA"); // the next version after the inscription's: the warm-up took none
        Assert.Equal(3, (await Api.ListView(open)).Version);
    }
}
