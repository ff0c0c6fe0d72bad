using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SpeakersList.Server.Tests.Infrastructure;

/// <summary>The public HTTP API, as a client uses it, in the words of the domain.</summary>
public sealed class Api(HttpClient http)
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    public HttpClient Http => http;

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonDefaults.Configure(options);
        return options;
    }

    public static readonly DateTimeOffset Day1 = new(2013, 9, 24, 0, 0, 0, TimeSpan.FromHours(-4));

    public async Task<Guid> ScheduleMeeting(
        string title = "First plenary meeting", string kind = "plenary", string room = "General Assembly Hall",
        string start = "10:00", string end = "13:00", string agendaItem = "High-level Dialogue on International Migration and Development",
        DateTimeOffset? day = null)
    {
        var id = Guid.NewGuid();
        var date = day ?? Day1;
        var response = await http.PostAsJsonAsync("/api/meetings", new
        {
            commandId = id,
            kind,
            title,
            room,
            start = date + TimeSpan.Parse(start),
            end = date + TimeSpan.Parse(end),
            agendaItem,
        }, Json);
        await Expect(response, HttpStatusCode.Created);
        return id;
    }

    public Task<HttpResponseMessage> TryInscribe(Guid meetingId, string participant, string level = "minister",
        string? onBehalfOf = null, Guid? commandId = null, long? expectedVersion = null) =>
        http.PostAsJsonAsync($"/api/meetings/{meetingId}/inscriptions", new
        {
            commandId = commandId ?? Guid.NewGuid(),
            participant,
            level,
            speakerName = $"Speaker of {participant}",
            speakerTitle = "Minister for Foreign Affairs",
            onBehalfOf,
            expectedVersion,
        }, Json);

    public async Task<Guid> Inscribe(Guid meetingId, string participant, string level = "minister", string? onBehalfOf = null)
    {
        var response = await TryInscribe(meetingId, participant, level, onBehalfOf);
        var body = await Expect(response, HttpStatusCode.Created);
        return body["inscriptionId"]!.GetValue<Guid>();
    }

    public async Task<JsonObject> SpeakersList(Guid meetingId)
    {
        var response = await http.GetAsync($"/api/meetings/{meetingId}/speakers-list");
        return await Expect(response, HttpStatusCode.OK);
    }

    public async Task<string[]> SpeakingOrder(Guid meetingId) =>
        (await SpeakersList(meetingId))["entries"]!.AsArray().Select(e => e!["participant"]!.GetValue<string>()).ToArray();

    /// <summary>POSTs a floor command (open, next, start, pause, resume, end, point-of-order, absent, extend, suspend,
    /// resume-meeting, adjourn) with a fresh commandId unless the body has one.</summary>
    public Task<HttpResponseMessage> TryFloor(Guid meetingId, string action, JsonObject? body = null)
    {
        body ??= [];
        if (!body.ContainsKey("commandId")) body["commandId"] = Guid.NewGuid();
        return http.PostAsJsonAsync($"/api/meetings/{meetingId}/floor/{action}", body, Json);
    }

    /// <summary>A floor command that must succeed; returns the floor view it answers with.</summary>
    public async Task<JsonObject> Floor(Guid meetingId, string action, JsonObject? body = null) =>
        await Expect(await TryFloor(meetingId, action, body), HttpStatusCode.OK);

    public async Task<JsonObject> FloorView(Guid meetingId, DateTimeOffset? at = null) =>
        await Expect(await http.GetAsync($"/api/meetings/{meetingId}/floor{At(at)}"), HttpStatusCode.OK);

    public async Task<JsonObject> SpeakersListAt(Guid meetingId, DateTimeOffset at) =>
        await Expect(await http.GetAsync($"/api/meetings/{meetingId}/speakers-list{At(at)}"), HttpStatusCode.OK);

    public async Task<JsonObject> Statistics(Guid meetingId) =>
        await Expect(await http.GetAsync($"/api/meetings/{meetingId}/statistics"), HttpStatusCode.OK);

    private static string At(DateTimeOffset? at) => at is { } moment ? $"?at={Uri.EscapeDataString(moment.ToString("O"))}" : "";

    /// <summary>Asserts the status and returns the JSON body; on a mismatch the body is in the message.</summary>
    public static async Task<JsonObject> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["items"] = JsonNode.Parse(text) };
    }
}
