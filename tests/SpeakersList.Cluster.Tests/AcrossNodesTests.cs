using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using SpeakersList.Floor;
using SpeakersList.Participants;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Server.Live;
using SpeakersList.Server.Programme;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.SpeakersLists.Inscribing;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;
using Xunit.Abstractions;

namespace SpeakersList.Cluster.Tests;

/// <summary>Two nodes on one database and one Redis: what is committed on one is seen on the other.</summary>
[Collection(ClusterCollection.Name)]
public class Across_nodes(Cluster cluster, ITestOutputHelper output)
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_floor_change_posted_to_one_node_reaches_a_screen_on_the_other_with_its_version()
    {
        using var http = cluster.Officer(cluster.Node(0));
        var api = new Api(http);
        var meeting = await api.ScheduleMeeting(title: "Floor across nodes", room: $"Room {Guid.NewGuid():N}");
        await api.Inscribe(meeting, "GHA");
        await using var screen = await Screen.OpenAsync(cluster.Node(1), "SubscribeToFloor", "floorChanged", meeting);

        var opened = await api.FloorCommand(meeting, "open");
        var took = await screen.SeesAsync(opened.Version, Generous);
        Assert.Equal(MeetingStatus.InProgress, screen.LatestAs<FloorView>().Status);

        var called = await api.FloorCommand(meeting, "next");
        took += await screen.SeesAsync(called.Version, Generous);
        Assert.Equal(called.Version, screen.Version);
        Assert.Equal("GHA", screen.LatestAs<FloorView>().CurrentSpeaker?.Participant.Value);
        output.WriteLine($"two floor changes on node 1 reached a screen on node 2 in {took.TotalMilliseconds:F0} ms in all");
    }

    [Fact]
    public async Task The_room_the_delegation_and_the_agenda_views_follow_an_inscription_made_on_the_other_node()
    {
        using var http = cluster.Officer(cluster.Node(0));
        var api = new Api(http);
        var room = $"Room {Guid.NewGuid():N}";
        var meeting = await api.ScheduleMeeting(title: "Views across nodes", room: room);
        await using var roomScreen = await Screen.OpenAsync(cluster.Node(1), "SubscribeToRoom", "roomChanged", room);
        await using var portal = await Screen.OpenSignedInAsync(cluster.Node(1), cluster.OfficerToken, "SubscribeToDelegation", "delegationChanged", "KEN");
        // The portal's agenda, on the other node too (an agenda carries no version: wait for the meeting to appear on it).
        await using var agendas = new HubConnectionBuilder()
            .WithUrl(new Uri(cluster.Node(1), "/hubs/live"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(cluster.OfficerToken))
            .AddJsonProtocol(json => JsonDefaults.Configure(json.PayloadSerializerOptions)).Build();
        var agenda = new TaskCompletionSource<DelegationAgendaView>(TaskCreationOptions.RunContinuationsAsynchronously);
        agendas.On<DelegationAgendaView>("agendaChanged", a => { if (a.Items.Any(i => i.MeetingId == meeting)) agenda.TrySetResult(a); });
        await agendas.StartAsync();
        await agendas.InvokeAsync<DelegationAgendaView>("SubscribeToAgenda", "KEN");
        var roomBefore = roomScreen.Version;
        var portalBefore = portal.Version;
        // Redis knows which groups have a connection on some node: the publisher sends only to those.
        await using (var groups = new SpeakersList.Server.Operations.BackplaneGroups(cluster.Redis, "speakerslist:speakerslist",
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SpeakersList.Server.Operations.BackplaneGroups>.Instance))
            Assert.Equal(["agenda:KEN", "delegation:KEN", $"room:{room.ToUpperInvariant()}"],
                (await groups.WatchedAsync(["agenda:KEN", "agenda:GHA", "delegation:KEN", "delegation:GHA", $"room:{room.ToUpperInvariant()}", "room:NOWHERE"]))!
                .Order(StringComparer.Ordinal));

        await api.Inscribe(meeting, "KEN", "headOfState");

        await roomScreen.SeesAsync(roomBefore + 1, Generous);
        var shown = roomScreen.LatestAs<RoomView>();
        Assert.Equal(meeting, shown.MeetingId);
        Assert.Equal(["KEN"], shown.SpeakersList!.Entries.Select(e => e.Speaker.Participant.Value));
        await portal.SeesAsync(portalBefore + 1, Generous);
        var slot = Assert.Single(portal.LatestAs<DelegationView>().Slots, s => s.MeetingId == meeting);
        Assert.Equal(1, slot.Position);
        var item = Assert.Single((await agenda.Task.WaitAsync(Generous)).Items, i => i.MeetingId == meeting);
        Assert.Equal(1, item.Position);
    }

    [Fact]
    public async Task A_rush_of_193_inscriptions_split_between_two_nodes_is_all_accepted_once_in_protocol_order()
    {
        using var node1 = cluster.Officer(cluster.Node(0));
        using var node2 = cluster.Officer(cluster.Node(1));
        var meeting = await new Api(node1).ScheduleMeeting(title: "Rush across nodes", room: $"Room {Guid.NewGuid():N}");
        var codes = (await new Api(node1).Get<Participant[]>("/api/participants"))
            .Where(p => p.Category == ParticipantCategory.MemberState).Select(p => p.Code.Value).ToArray();
        Assert.Equal(193, codes.Length);
        // Every seventh a Head of State: they must come first whichever node took them.
        string Level(int i) => i % 7 == 3 ? "headOfState" : "minister";

        var answers = new ConcurrentBag<(string Code, HttpStatusCode Status, Guid InscriptionId)>();
        await Task.WhenAll(codes.Select(async (code, i) =>
        {
            var response = await new Api(i % 2 == 0 ? node1 : node2).TryInscribe(meeting, code, Level(i));
            var accepted = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<InscriptionAccepted>(Api.Json) : null;
            answers.Add((code, response.StatusCode, accepted?.InscriptionId ?? Guid.Empty));
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        // Each its own inscription (answers carry the version of the batch that committed them, so they may share one).
        Assert.Equal(193, answers.Select(a => a.InscriptionId).Distinct().Count());
        var list = await new Api(node2).ListView(meeting);
        var entries = list.Entries.Select(e => (Code: e.Speaker.Participant.Value, e.Speaker.Level, At: e.InscribedAt)).ToList();
        Assert.Equal(193, entries.Count);
        Assert.Equal(codes.Order(), entries.Select(e => e.Code).Order()); // each delegation once
        var heads = entries.TakeWhile(e => e.Level == LevelOfRepresentation.HeadOfState).ToList();
        Assert.Equal(codes.Where((_, i) => Level(i) == "headOfState").Count(), heads.Count);
        foreach (var level in entries.GroupBy(e => e.Level))
            Assert.Equal(level.OrderBy(e => e.At).Select(e => e.Code), level.Select(e => e.Code)); // arrival order within a level
    }

    [Fact]
    public async Task The_speakers_not_heard_at_a_meeting_adjourned_on_one_node_are_carried_over_once()
    {
        using var node1 = cluster.Officer(cluster.Node(0));
        using var node2 = cluster.Officer(cluster.Node(1));
        var item = $"Item {Guid.NewGuid():N}";
        var room = $"Room {Guid.NewGuid():N}";
        var morning = await new Api(node1).ScheduleMeeting(title: "Morning", room: room, start: "10:00", end: "13:00", agendaItem: item);
        var afternoon = await new Api(node2).ScheduleMeeting(title: "Afternoon", room: room, start: "15:00", end: "18:00", agendaItem: item);
        foreach (var code in new[] { "GHA", "BRA", "IND" }) await new Api(node2).Inscribe(morning, code);
        await using var screen = await Screen.OpenAsync(cluster.Proxy, "SubscribeToMeeting", "speakersListChanged", afternoon);

        await new Api(node1).Floor(morning, "open");
        await new Api(node1).Floor(morning, "adjourn");

        // Carried by a durable Wolverine message after the adjournment's commit: the screen sees it arrive.
        await screen.SeesAsync(screen.Version + 1, TimeSpan.FromSeconds(15));
        Assert.Equal(["GHA", "BRA", "IND"], screen.LatestAs<SpeakersListView>().Entries.Select(e => e.Speaker.Participant.Value));
        Assert.Equal(["GHA", "BRA", "IND"], await new Api(node2).SpeakingOrder(afternoon));
    }
}
