using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Participants;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Participants;

public class The_participants_registry(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task Serves_the_193_Member_States_each_in_one_regional_group_and_the_other_categories()
    {
        var participants = await Api.Get<IReadOnlyList<Participant>>("/api/participants");

        var memberStates = participants.Where(p => p.Category == ParticipantCategory.MemberState).ToList();
        Assert.Equal(193, memberStates.Count);
        Assert.All(memberStates, p => Assert.NotNull(p.RegionalGroup));
        Assert.Equal(193, memberStates.Select(p => p.Code).Distinct().Count());
        Assert.Equal(5, memberStates.Select(p => p.RegionalGroup).Distinct().Count());
        foreach (var category in new[] { ParticipantCategory.ObserverState, ParticipantCategory.EuropeanUnion, ParticipantCategory.IntergovernmentalOrganization,
                     ParticipantCategory.UnSystemEntity, ParticipantCategory.Ngo, ParticipantCategory.CivilSociety, ParticipantCategory.PrivateSector, ParticipantCategory.OfficeHolder })
            Assert.Contains(participants, p => p.Category == category);
        Assert.All(participants.Where(p => p.Category != ParticipantCategory.MemberState), p => Assert.Null(p.RegionalGroup));
    }

    [Fact]
    public async Task An_officer_places_the_State_of_Palestine_among_the_Member_States_and_new_inscriptions_follow()
    {
        var response = await Api.Http.PutAsJsonAsync("/api/participants/PSE",
            new { name = "State of Palestine", category = "observerState", regionalGroup = "asiaPacific", speakingBlockOverride = "memberStatesAndGroups" }, Api.Json);

        var edited = await Api.Read<Participant>(response);
        Assert.Equal(SpeakingBlock.MemberStatesAndGroups, edited.SpeakingBlock);
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "PSE", "minister");
        var entry = (await Api.ListView(meeting)).Entries[0];
        Assert.Equal(SpeakingBlock.MemberStatesAndGroups, entry.Speaker.Block);
    }

    [Fact]
    public async Task Every_change_to_the_registry_is_an_event_on_the_participant_s_stream()
    {
        await Api.Expect(await Api.Http.PutAsJsonAsync("/api/participants/PSE",
            new { name = "State of Palestine", category = "observerState", speakingBlockOverride = "memberStatesAndGroups" }, Api.Json), HttpStatusCode.OK);

        await using var session = App.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(SpeakersList.Participants.ParticipantStreams.IdFor(SpeakersList.Participants.ParticipantCode.Parse("PSE")));

        Assert.Equal(["ParticipantRegistered", "ParticipantCorrected"], events.Select(e => e.Data.GetType().Name));
        var corrected = Assert.IsType<SpeakersList.Participants.ParticipantCorrected>(events[1].Data);
        Assert.Equal(SpeakersList.Participants.SpeakingBlock.MemberStatesAndGroups, corrected.Participant.SpeakingBlockOverride);
    }

    [Fact]
    public async Task A_rebuild_of_the_registry_from_its_events_gives_the_same_participants()
    {
        await Api.Expect(await Api.Http.PutAsJsonAsync("/api/participants/PSE",
            new { name = "State of Palestine", category = "observerState", speakingBlockOverride = "memberStatesAndGroups" }, Api.Json), HttpStatusCode.OK);
        var before = await Api.Http.GetStringAsync("/api/participants");
        var store = App.Services.GetRequiredService<Marten.IDocumentStore>();
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(SpeakersList.Participants.Participant));
        Assert.Equal("[]", await Api.Http.GetStringAsync("/api/participants"));

        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<SpeakersList.Server.Participants.ParticipantProjection>(CancellationToken.None);

        Assert.Equal(before, await Api.Http.GetStringAsync("/api/participants"));
    }

    [Fact]
    public async Task An_officer_adds_a_participant_once()
    {
        var participant = new { code = "gfmd", name = "Global Forum on Migration and Development", category = "intergovernmentalOrganization" };

        var created = await Api.Expect(await Api.Http.PostAsJsonAsync("/api/participants", participant, Api.Json), HttpStatusCode.Created);
        await Api.Expect(await Api.Http.PostAsJsonAsync("/api/participants", participant, Api.Json), HttpStatusCode.OK);
        var clash = await Api.Http.PostAsJsonAsync("/api/participants", participant with { name = "Another forum" }, Api.Json);

        Assert.Equal("GFMD", created["code"]!.GetValue<string>()); // as written: a ParticipantCode read back would be upper-cased anyway
        Assert.Equal("The code GFMD already names Global Forum on Migration and Development. Edit it with PUT /api/participants/GFMD, or choose another code.",
            (await Api.Expect(clash, HttpStatusCode.Conflict))["detail"]!.GetValue<string>());
        var stored = await Api.Get<Participant>("/api/participants/GFMD");
        Assert.Equal("Global Forum on Migration and Development", stored.Name);
    }

    [Theory]
    [InlineData("{\"code\":\"NEW\",\"name\":\"New State\",\"category\":\"memberState\"}", HttpStatusCode.UnprocessableEntity, "give its regional group")]
    [InlineData("{\"code\":\"NEW\",\"name\":\"New\",\"category\":\"party\"}", HttpStatusCode.BadRequest, null)]
    [InlineData("{\"code\":\"\",\"name\":\"New\",\"category\":\"ngo\"}", HttpStatusCode.BadRequest, "code is required")]
    [InlineData("{\"code\":\"N W\",\"name\":\"New\",\"category\":\"ngo\"}", HttpStatusCode.UnprocessableEntity, "letters, digits or hyphens")]
    public async Task A_bad_participant_gets_a_problem_and_is_not_added(string body, HttpStatusCode status, string? detail)
    {
        var response = await Api.Http.PostAsync("/api/participants", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await Api.Expect(response, status);
        if (detail is not null) Assert.Contains(detail, problem["detail"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.GetAsync("/api/participants/NEW")).StatusCode);
    }

    [Fact]
    public async Task Editing_an_unknown_participant_gets_404()
    {
        var response = await Api.Http.PutAsJsonAsync("/api/participants/XYZ", new { name = "X", category = "ngo" }, Api.Json);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
