using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.SpeakersLists;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.SpeakersLists;

public class A_rush_of_inscriptions(SpeakersListApp app) : ApiTest(app)
{
    private sealed record Participant(string Code, string Category);

    [Fact]
    public async Task All_Member_States_and_observers_inscribing_at_once_are_all_accepted_in_protocol_order()
    {
        var meeting = await Api.ScheduleMeeting();
        var participants = (await Api.Http.GetFromJsonAsync<Participant[]>("/api/participants", Api.Json))!
            .Where(x => x.Category is "memberState" or "observerState" or "europeanUnion" or "intergovernmentalOrganization")
            .ToArray();
        var levels = new[] { "headOfState", "headOfGovernment", "minister", "viceMinister", "chairOfDelegation" };

        // Everyone at the same instant of the server's clock: the order within a level is then the order of arrival.
        var responses = await Task.WhenAll(participants.Select((p, i) =>
            Api.TryInscribe(meeting, p.Code, levels[i % levels.Length])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var list = await Api.SpeakersList(meeting);
        var entries = list["entries"]!.AsArray();
        Assert.Equal(participants.Length, entries.Count);
        Assert.Equal(participants.Length + 1, list["version"]!.GetValue<long>());

        var blockRank = new Dictionary<string, int>
        {
            ["memberStatesAndGroups"] = 1, ["observerStatesAndEuropeanUnion"] = 2, ["otherObserversAndUnSystem"] = 3, ["nonState"] = 4,
        };
        var keys = entries.Select(e => (
            Block: blockRank[e!["block"]!.GetValue<string>()],
            Level: e["block"]!.GetValue<string>() == "memberStatesAndGroups" ? Array.IndexOf(levels, e["level"]!.GetValue<string>()) : 0,
            Position: e["position"]!.GetValue<int>())).ToList();
        Assert.Equal(keys.OrderBy(k => k.Block).ThenBy(k => k.Level).ToList(), keys);
        Assert.Equal(193, entries.Count(e => e!["block"]!.GetValue<string>() == "memberStatesAndGroups"));

        // Each answer is read from the list as committed with its batch: the answers of the last batch give the final positions.
        var answers = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>()));
        var finalPositions = entries.ToDictionary(e => e!["inscriptionId"]!.GetValue<Guid>(), e => e!["position"]!.GetValue<int>());
        Assert.All(answers, a => Assert.InRange(a!["position"]!.GetValue<int>(), 1, participants.Length));
        var lastBatch = answers.Where(a => a!["version"]!.GetValue<long>() == participants.Length + 1).ToList();
        Assert.NotEmpty(lastBatch);
        Assert.All(lastBatch, a => Assert.Equal(finalPositions[a!["inscriptionId"]!.GetValue<Guid>()], a["position"]!.GetValue<int>()));
        // Within a level the order is the order of arrival: the order in which the desk wrote the inscriptions.
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var arrival = (await session.Events.FetchStreamAsync(meeting)).Select(e => e.Data).OfType<SpeakerInscribed>()
            .Select((e, rank) => (e.InscriptionId, rank)).ToDictionary(x => x.InscriptionId, x => x.rank);
        var withinLevels = entries.Select((e, i) => (Key: keys[i], Arrival: arrival[e!["inscriptionId"]!.GetValue<Guid>()]))
            .GroupBy(x => (x.Key.Block, x.Key.Level));
        Assert.All(withinLevels, level =>
        {
            var byPosition = level.OrderBy(x => x.Key.Position).Select(x => x.Arrival).ToList();
            Assert.Equal(byPosition.Order().ToList(), byPosition);
        });
    }
}
