using System.Net.Http.Json;
using System.Net;
using SpeakersList.Server.Meetings;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Meetings;

public class Meeting_history(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task Every_change_says_who_made_it_and_in_which_request()
    {
        var meeting = await Api.ScheduleMeeting();
        var ghana = new Api(await App.CreateDelegationClientAsync("GHA"));
        var inscription = await ghana.Inscribe(meeting, "GHA");
        await Api.Expect(await ghana.Http.DeleteAsync($"/api/meetings/{meeting}/inscriptions/{inscription}"), HttpStatusCode.OK);

        var history = await Api.Get<IReadOnlyList<HistoryEntry>>($"/api/meetings/{meeting}/history");

        Assert.Equal(["MeetingScheduled", "SpeakerInscribed", "InscriptionWithdrawn"], history.Select(x => x.Type));
        Assert.Equal([1L, 2L, 3L], history.Select(x => x.Version));
        Assert.Equal([$"officer:{SpeakersListApp.OfficerName}", "delegation:GHA", "delegation:GHA"], history.Select(x => x.User));
        Assert.All(history, x => Assert.False(string.IsNullOrEmpty(x.CorrelationId)));
        Assert.Equal(3, history.Select(x => x.CorrelationId).Distinct().Count());
        Assert.Contains("Speaker of GHA", history[1].Description);
    }

    [Fact]
    public async Task The_history_names_the_speakers_not_their_inscription_ids()
    {
        var meeting = await Api.ScheduleMeeting();
        var ghana = await Api.Inscribe(meeting, "GHA");
        var kenya = await Api.Inscribe(meeting, "KEN");
        await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/speakers-list/moves",
            new { commandId = Guid.NewGuid(), inscriptionId = ghana, after = kenya, reason = "Asked to speak later" }, Api.Json), HttpStatusCode.OK);
        await Api.Expect(await Api.Http.DeleteAsync($"/api/meetings/{meeting}/inscriptions/{kenya}"), HttpStatusCode.OK);

        var lines = (await Api.Get<IReadOnlyList<HistoryEntry>>($"/api/meetings/{meeting}/history")).Select(x => x.Description).ToList();

        Assert.Equal("Moved Ghana (Speaker of GHA) after Kenya (Speaker of KEN). Reason: Asked to speak later", lines[3]);
        Assert.Equal("Withdrew Kenya (Speaker of KEN).", lines[4]);
        Assert.DoesNotContain(lines, line => line.Contains(ghana.ToString()) || line.Contains(kenya.ToString()));
    }

    [Fact]
    public async Task The_history_names_people_so_only_officers_read_it()
    {
        var meeting = await Api.ScheduleMeeting();

        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateAnonymousClient().GetAsync($"/api/meetings/{meeting}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.CreateDelegationClientAsync("GHA")).GetAsync($"/api/meetings/{meeting}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await App.CreateClientAsync(TestRole.Display())).GetAsync($"/api/meetings/{meeting}/history")).StatusCode);
    }
}
