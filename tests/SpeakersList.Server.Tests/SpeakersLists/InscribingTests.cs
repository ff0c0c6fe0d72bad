using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Participants;
using SpeakersList.Publishing;
using SpeakersList.Server.Infrastructure;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.SpeakersLists.Inscribing;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Tests.SpeakersLists;

public class Inscribing(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task An_inscription_is_on_the_list_with_its_estimated_start()
    {
        var meeting = await Api.ScheduleMeeting(start: "10:00", end: "13:00");

        var ghana = await Api.Inscribe(meeting, "GHA", "minister");
        var list = await Api.ListView(meeting);

        var entry = Assert.Single(list.Entries);
        Assert.Equal(ghana, entry.InscriptionId);
        Assert.Equal(LevelOfRepresentation.Minister, entry.Speaker.Level);
        Assert.Equal(EntryState.Waiting, entry.State);
        Assert.Equal(300, entry.AllottedSeconds);
        Api.AssertVenueTime("2013-09-24T10:00:00-04:00", entry.EstimatedStart);
        Assert.True(entry.ReachedBeforeEnd);
        Assert.Equal(2, list.Version);
    }

    [Fact]
    public async Task A_head_of_state_inscribed_later_speaks_before_a_minister()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA", "minister");
        App.Clock.Advance(TimeSpan.FromSeconds(5));
        var france = await Api.Inscribe(meeting, "FRA", "headOfState");

        Assert.Equal(["FRA", "GHA"], await Api.SpeakingOrder(meeting));
        var explanation = await Api.Get<PositionExplanation>($"/api/meetings/{meeting}/speakers-list/{france}/explanation");
        Assert.Contains("Head of State ranks above Minister", explanation.Summary);
    }

    [Fact]
    public async Task A_retried_inscription_takes_effect_once_and_answers_with_the_same_id()
    {
        var meeting = await Api.ScheduleMeeting();
        var command = Guid.NewGuid();

        var first = await Api.Read<InscriptionAccepted>(await Api.TryInscribe(meeting, "GHA", commandId: command), HttpStatusCode.Created);
        var retry = await Api.Read<InscriptionAccepted>(await Api.TryInscribe(meeting, "GHA", commandId: command), HttpStatusCode.OK);

        Assert.Equal(first.InscriptionId, retry.InscriptionId);
        Assert.Single(await Api.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task A_command_based_on_a_stale_version_gets_409_with_the_current_version()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");

        var problem = await Api.Expect(await Api.TryInscribe(meeting, "FRA", expectedVersion: 1), HttpStatusCode.Conflict);

        Assert.Equal(2, problem["currentVersion"]!.GetValue<long>());
        Assert.Equal("list-changed", problem["reason"]!.GetValue<string>());
        Assert.Equal(["GHA"], await Api.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task A_second_inscription_of_the_same_delegation_is_refused_with_a_clear_reason()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");

        var problem = await Api.Expect(await Api.TryInscribe(meeting, "GHA"), HttpStatusCode.Conflict);

        Assert.Contains("Ghana is already inscribed", problem["detail"]!.GetValue<string>());
        Assert.Equal("already-inscribed", problem["reason"]!.GetValue<string>()); // for a page to say it in its reader's language
        Assert.Single(await Api.SpeakingOrder(meeting));
    }

    [Theory]
    [InlineData("XYZ", "minister", HttpStatusCode.UnprocessableEntity, "Unknown participant 'XYZ'")]
    [InlineData("GHA", "emperor", HttpStatusCode.BadRequest, null)]
    [InlineData("", "minister", HttpStatusCode.BadRequest, "participant is required")]
    public async Task Bad_input_gets_a_problem_and_changes_nothing(string participant, string level, HttpStatusCode status, string? detail)
    {
        var meeting = await Api.ScheduleMeeting();

        var response = await Api.TryInscribe(meeting, participant, level);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Api.Expect(response, status);
        if (detail is not null) Assert.Contains(detail, problem["detail"]!.GetValue<string>());
        Assert.Empty(await Api.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task A_malformed_body_gets_400_not_500()
    {
        var meeting = await Api.ScheduleMeeting();

        var response = await Api.Http.PostAsync($"/api/meetings/{meeting}/inscriptions",
            new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await Api.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task Inscribing_on_an_unknown_meeting_gets_404()
    {
        var response = await Api.TryInscribe(Guid.NewGuid(), "GHA");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_inscription_leaves_the_list()
    {
        var meeting = await Api.ScheduleMeeting();
        var ghana = await Api.Inscribe(meeting, "GHA");
        await Api.Inscribe(meeting, "FRA");

        var withdrawn = await Api.Read<CommandAccepted>(await Api.Http.DeleteAsync($"/api/meetings/{meeting}/inscriptions/{ghana}"));

        Assert.Equal(4, withdrawn.Version);
        Assert.Equal(["FRA"], await Api.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task A_query_value_that_does_not_parse_gets_400_and_changes_nothing()
    {
        var meeting = await Api.ScheduleMeeting();
        var ghana = await Api.Inscribe(meeting, "GHA");

        var response = await Api.Http.DeleteAsync($"/api/meetings/{meeting}/inscriptions/{ghana}?expectedVersion=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["GHA"], await Api.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task The_participants_registry_is_served()
    {
        var participants = await Api.Get<IReadOnlyList<Participant>>("/api/participants");

        Assert.Equal(193, participants.Count(x => x.Category == ParticipantCategory.MemberState));
        var ghana = Assert.Single(participants, x => x.Code.Value == "GHA");
        Assert.Equal(RegionalGroup.African, ghana.RegionalGroup);
    }

    [Fact]
    public async Task The_desks_warm_up_at_start_reads_and_decides_but_commits_nothing()
    {
        var desk = App.Services.GetRequiredService<InscriptionDesk>();
        var store = App.Services.GetRequiredService<IDocumentStore>();
        await desk.WarmUpAsync(App.Clock, CancellationToken.None); // no meeting yet: the reads only

        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA", "minister");
        async Task<(long Stream, long Events, long List, int Slots)> Stored()
        {
            await using var session = store.QuerySession();
            return ((await session.Events.FetchStreamStateAsync(meeting))!.Version, await session.Events.QueryAllRawEvents().LongCountAsync(),
                (await session.LoadAsync<ListOfSpeakers>(meeting))!.Version, (await session.LoadAsync<SlotLedger>(meeting))!.Slots.Count);
        }
        var before = await Stored();

        await desk.WarmUpAsync(App.Clock, CancellationToken.None);

        Assert.Equal(before, await Stored());
        Assert.Equal(["GHA"], await Api.SpeakingOrder(meeting));
        await Api.Inscribe(meeting, "BRA", "minister"); // the version after the first inscription's: the warm-up took none
        Assert.Equal(3, (await Api.ListView(meeting)).Version);
    }
}
