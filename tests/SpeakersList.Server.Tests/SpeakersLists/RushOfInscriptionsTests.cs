using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.SpeakersLists;
using SpeakersList.Participants;
using SpeakersList.Server.SpeakersLists.Inscribing;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.SpeakersLists;

public class A_rush_of_inscriptions(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task All_Member_States_and_observers_inscribing_at_once_are_all_accepted_in_protocol_order()
    {
        var meeting = await Api.ScheduleMeeting();
        var participants = (await Api.Get<IReadOnlyList<Participant>>("/api/participants"))
            .Where(x => x.Category is ParticipantCategory.MemberState or ParticipantCategory.ObserverState or ParticipantCategory.EuropeanUnion
                or ParticipantCategory.IntergovernmentalOrganization)
            .ToArray();
        var levels = new[] { "headOfState", "headOfGovernment", "minister", "viceMinister", "chairOfDelegation" };
        var levelOrder = levels.Select(l => Enum.Parse<LevelOfRepresentation>(l, ignoreCase: true)).ToArray();

        // Everyone at the same instant of the server's clock: the order within a level is then the order of arrival.
        var responses = await Task.WhenAll(participants.Select((p, i) =>
            Api.TryInscribe(meeting, p.Code.Value, levels[i % levels.Length])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var list = await Api.ListView(meeting);
        var entries = list.Entries;
        Assert.Equal(participants.Length, entries.Count);
        Assert.Equal(participants.Length + 1, list.Version);

        var blockRank = new Dictionary<SpeakingBlock, int>
        {
            [SpeakingBlock.MemberStatesAndGroups] = 1, [SpeakingBlock.ObserverStatesAndEuropeanUnion] = 2,
            [SpeakingBlock.OtherObserversAndUnSystem] = 3, [SpeakingBlock.NonState] = 4,
        };
        var keys = entries.Select(e => (
            Block: blockRank[e.Speaker.Block],
            Level: e.Speaker.Block == SpeakingBlock.MemberStatesAndGroups ? Array.IndexOf(levelOrder, e.Speaker.Level) : 0,
            e.Position)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Block).ThenBy(k => k.Level).ToList(), keys);
        Assert.Equal(193, entries.Count(e => e.Speaker.Block == SpeakingBlock.MemberStatesAndGroups));

        // Each answer is read from the list as committed with its batch: the answers of the last batch give the final positions.
        var answers = await Task.WhenAll(responses.Select(r => Api.Read<InscriptionAccepted>(r, HttpStatusCode.Created)));
        var finalPositions = entries.ToDictionary(e => e.InscriptionId, e => e.Position);
        Assert.All(answers, a => Assert.InRange(a.Position, 1, participants.Length));
        var lastBatch = answers.Where(a => a.Version == participants.Length + 1).ToList();
        Assert.NotEmpty(lastBatch);
        Assert.All(lastBatch, a => Assert.Equal(finalPositions[a.InscriptionId], a.Position));
        // Within a level the order is the order of arrival: the order in which the desk wrote the inscriptions.
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var arrival = (await session.Events.FetchStreamAsync(meeting)).Select(e => e.Data).OfType<SpeakerInscribed>()
            .Select((e, rank) => (e.InscriptionId, rank)).ToDictionary(x => x.InscriptionId, x => x.rank);
        var withinLevels = entries.Select((e, i) => (Key: keys[i], Arrival: arrival[e.InscriptionId]))
            .GroupBy(x => (x.Key.Block, x.Key.Level));
        Assert.All(withinLevels, level =>
        {
            var byPosition = level.OrderBy(x => x.Key.Position).Select(x => x.Arrival).ToList();
            Assert.Equal(byPosition.Order().ToList(), byPosition);
        });
    }
}
