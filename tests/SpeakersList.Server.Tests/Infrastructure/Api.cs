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

    /// <summary>Asserts the status and returns the JSON body; on a mismatch the body is in the message.</summary>
    public static async Task<JsonObject> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["items"] = JsonNode.Parse(text) };
    }
}
