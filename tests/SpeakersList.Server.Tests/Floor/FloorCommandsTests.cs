using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SpeakersList.Floor;
using SpeakersList.Server.Infrastructure;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Tests.Floor;

public class Floor_commands(SpeakersListApp app) : FloorTest(app)
{
    public static readonly string[] Actions =
        ["open", "next", "start", "pause", "resume", "end", "point-of-order", "absent", "extend", "suspend", "resume-meeting", "adjourn"];

    [Fact]
    public async Task A_retried_floor_command_takes_effect_once()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");
        await Api.Inscribe(meeting, "FRA");
        await Api.FloorCommand(meeting, "open");
        var command = Guid.NewGuid();

        var first = await Api.FloorCommand(meeting, "next", new JsonObject { ["commandId"] = command });
        var retry = await Api.FloorCommand(meeting, "next", new JsonObject { ["commandId"] = command });

        Assert.Equal(first.Version, retry.Version);
        Assert.Equal("GHA", retry.CurrentSpeaker?.Participant.Value);
        Assert.Equal([EntryState.Speaking, EntryState.Waiting], (await Api.ListView(meeting)).Entries.Select(x => x.State));
    }

    [Fact]
    public async Task A_floor_command_based_on_a_stale_version_gets_409_with_the_current_version()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");

        var problem = await Api.Expect(await Api.TryFloor(meeting, "open", new JsonObject { ["expectedVersion"] = 1 }), HttpStatusCode.Conflict);

        Assert.Equal(2, problem["currentVersion"]!.GetValue<long>());
        Assert.Equal(MeetingStatus.Scheduled, (await Api.FloorOf(meeting)).Status);
        await Api.FloorCommand(meeting, "open", new JsonObject { ["expectedVersion"] = 2 });
    }

    [Theory]
    [InlineData("open", "{}", "commandId is required")]
    [InlineData("extend", "{\"commandId\":\"6f1c1bb4-6b8c-4a53-9d1d-0e2c8b5d7a11\",\"seconds\":0}", "seconds is required")]
    [InlineData("point-of-order", "{\"commandId\":\"6f1c1bb4-6b8c-4a53-9d1d-0e2c8b5d7a12\"}", "participant is required")]
    [InlineData("absent", "{\"commandId\":\"6f1c1bb4-6b8c-4a53-9d1d-0e2c8b5d7a13\",\"policy\":\"later\"}", "policy has the wrong type or format")]
    [InlineData("open", "{\"commandId\":\"6f1c1bb4-6b8c-4a53-9d1d-0e2c8b5d7a15\",\"expectedVersion\":0}", "expectedVersion, when given, is the version")]
    public async Task Malformed_floor_commands_get_400(string action, string body, string detail)
    {
        var meeting = await Api.ScheduleMeeting();

        var response = await Api.Http.PostAsync($"/api/meetings/{meeting}/floor/{action}",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await Api.Expect(response, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_point_of_order_by_an_unknown_participant_is_refused()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.FloorCommand(meeting, "open");

        var problem = await Api.Expect(await Api.TryFloor(meeting, "point-of-order", new JsonObject { ["participant"] = "XYZ" }),
            HttpStatusCode.UnprocessableEntity);

        Assert.Contains("Unknown participant 'XYZ'", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Floor_commands_on_an_unknown_meeting_get_404()
    {
        foreach (var action in Actions)
        {
            var response = await Api.TryFloor(Guid.NewGuid(), action, new JsonObject { ["seconds"] = 30, ["participant"] = "CUB" });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{action}: {(int)response.StatusCode}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.GetAsync($"/api/meetings/{Guid.NewGuid()}/floor")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.GetAsync($"/api/meetings/{Guid.NewGuid()}/statistics")).StatusCode);
    }

    [Fact]
    public async Task Officers_set_the_absent_policy_of_a_list()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");
        await Api.Inscribe(meeting, "FRA");

        var set = await Api.Read<CommandAccepted>(await Api.Http.PutAsJsonAsync($"/api/meetings/{meeting}/speakers-list/absent-policy",
            new { commandId = Guid.NewGuid(), policy = "nextMeeting" }, Api.Json));
        Assert.Equal(4, set.Version);
        Assert.Equal(AbsentPolicy.NextMeeting, (await Api.FloorOf(meeting)).AbsentPolicy);

        await Api.FloorCommand(meeting, "open");
        await Api.FloorCommand(meeting, "next");
        await Api.FloorCommand(meeting, "absent");
        var list = await Api.ListView(meeting);
        Assert.Equal([EntryState.Absent, EntryState.Waiting], list.Entries.Select(x => x.State));
    }

    [Fact]
    public async Task Every_floor_endpoint_is_documented_in_OpenAPI()
    {
        var document = await Api.Expect(await Api.Http.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject();

        foreach (var action in Actions)
        {
            var post = paths[$"/api/meetings/{{meetingId}}/floor/{action}"]?["post"];
            Assert.True(post is not null, $"floor/{action} is not in the OpenAPI document");
            Assert.False(string.IsNullOrEmpty(post["operationId"]?.GetValue<string>()), $"floor/{action} has no operationId");
            Assert.NotNull(post["responses"]!["200"]);
            Assert.NotNull(post["responses"]!["409"]);
        }
        Assert.Equal("GetFloor", paths["/api/meetings/{meetingId}/floor"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.Equal("GetMeetingStatistics", paths["/api/meetings/{meetingId}/statistics"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.Equal("SetAbsentPolicy", paths["/api/meetings/{meetingId}/speakers-list/absent-policy"]!["put"]!["operationId"]!.GetValue<string>());
        Assert.Contains(paths["/api/meetings/{meetingId}/speakers-list"]!["get"]!["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "at");
    }

    [Fact]
    public async Task A_moment_that_is_not_a_time_is_not_taken_for_now()
    {
        var meeting = await Api.ScheduleMeeting();

        var problem = await Api.Expect(await Api.Http.GetAsync($"/api/meetings/{meeting}/speakers-list?at=yesterday"), HttpStatusCode.BadRequest);
        Assert.Contains("ISO 8601", problem["detail"]!.GetValue<string>());
        await Api.Expect(await Api.Http.GetAsync($"/api/meetings/{meeting}/floor?at=yesterday"), HttpStatusCode.BadRequest);

        // An offset's "+" that was not URL-encoded arrives as a space, and still reads as the time meant.
        var list = await Api.Get<SpeakersListView>($"/api/meetings/{meeting}/speakers-list?at=2013-09-24T14:00:00+01:00");
        Assert.Equal(1, list.Version);
    }
}
