using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Globalization;
using SpeakersList.Server.Programme;
using SpeakersList.Server.Programme.Importing;
using SpeakersList.Server.RoundTables;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.SpeakersLists.Inscribing;

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
        return (await Read<InscriptionAccepted>(response, HttpStatusCode.Created)).InscriptionId;
    }

    /// <summary>The list of speakers as written, for the tests of its wire shape and of whole answers; <see cref="ListView"/> reads the view.</summary>
    public async Task<JsonObject> SpeakersList(Guid meetingId)
    {
        var response = await http.GetAsync($"/api/meetings/{meetingId}/speakers-list");
        return await Expect(response, HttpStatusCode.OK);
    }

    public Task<SpeakersListView> ListView(Guid meetingId) => Get<SpeakersListView>($"/api/meetings/{meetingId}/speakers-list");

    public async Task<string[]> SpeakingOrder(Guid meetingId) =>
        (await ListView(meetingId)).Entries.Select(e => e.Speaker.Participant.Value).ToArray();

    /// <summary>POSTs a floor command (open, next, start, pause, resume, end, point-of-order, absent, extend, suspend,
    /// resume-meeting, adjourn) with a fresh commandId unless the body has one.</summary>
    public Task<HttpResponseMessage> TryFloor(Guid meetingId, string action, JsonObject? body = null)
    {
        body ??= [];
        if (!body.ContainsKey("commandId")) body["commandId"] = Guid.NewGuid();
        return http.PostAsJsonAsync($"/api/meetings/{meetingId}/floor/{action}", body, Json);
    }

    /// <summary>A floor command that must succeed; returns the floor view it answers with.</summary>
    public async Task<FloorView> FloorCommand(Guid meetingId, string action, JsonObject? body = null) =>
        await Read<FloorView>(await TryFloor(meetingId, action, body));

    public Task<FloorView> FloorOf(Guid meetingId, DateTimeOffset? at = null) => Get<FloorView>($"/api/meetings/{meetingId}/floor{At(at)}");

    public Task<SpeakersListView> ListViewAt(Guid meetingId, DateTimeOffset at) => Get<SpeakersListView>($"/api/meetings/{meetingId}/speakers-list{At(at)}");

    public Task<MeetingStatistics> StatisticsOf(Guid meetingId) => Get<MeetingStatistics>($"/api/meetings/{meetingId}/statistics");

    // The answers as written: for the tests that compare two whole answers (the records' lists compare by reference), and for
    // the browser, cluster and benchmark projects, which read them as JSON.

    /// <summary>A floor command that must succeed; returns the floor view it answers with, as written.</summary>
    public async Task<JsonObject> Floor(Guid meetingId, string action, JsonObject? body = null) =>
        await Expect(await TryFloor(meetingId, action, body), HttpStatusCode.OK);

    public async Task<JsonObject> FloorView(Guid meetingId, DateTimeOffset? at = null) =>
        await Expect(await http.GetAsync($"/api/meetings/{meetingId}/floor{At(at)}"), HttpStatusCode.OK);

    public async Task<JsonObject> SpeakersListAt(Guid meetingId, DateTimeOffset at) =>
        await Expect(await http.GetAsync($"/api/meetings/{meetingId}/speakers-list{At(at)}"), HttpStatusCode.OK);

    public async Task<JsonObject> Statistics(Guid meetingId) =>
        await Expect(await http.GetAsync($"/api/meetings/{meetingId}/statistics"), HttpStatusCode.OK);

    private static string At(DateTimeOffset? at) => at is { } moment ? $"?at={Uri.EscapeDataString(moment.ToString("O"))}" : "";

    // The programme, the round tables and the participants (issue 3).

    /// <summary>Posts a programme file as the body; the query carries commandId and, if given, firstDay.</summary>
    public Task<HttpResponseMessage> TryImportProgramme(string file, string contentType = "application/yaml", Guid? commandId = null,
        string? firstDay = null, string? format = null)
    {
        var query = $"commandId={commandId ?? Guid.NewGuid()}" + (firstDay is null ? "" : $"&firstDay={firstDay}") + (format is null ? "" : $"&format={format}");
        var content = new StringContent(file, System.Text.Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return http.PostAsync($"/api/programme/import?{query}", content);
    }

    /// <summary>Imports the seed's programme (Seed/hld-2013.yaml) on its own dates, 23-25 September 2013; returns the meetings' ids by code.</summary>
    public async Task<IReadOnlyDictionary<string, Guid>> ImportSeedProgramme(string? firstDay = null)
    {
        var imported = await Read<ProgrammeImported>(await TryImportProgramme(global::SpeakersList.Server.Seed.DemoConference.SeedText(), firstDay: firstDay), HttpStatusCode.Created);
        return imported.Meetings;
    }

    public Task<ProgrammeView> ProgrammeGrid() => Get<ProgrammeView>("/api/programme");

    public async Task<ProgrammeMeetingView[]> GridMeetings() => (await ProgrammeGrid()).Days.SelectMany(d => d.Meetings).ToArray();

    public async Task<JsonObject> Programme() => await Expect(await http.GetAsync("/api/programme"), HttpStatusCode.OK);

    public async Task<JsonObject[]> ProgrammeMeetings() =>
        (await Programme())["days"]!.AsArray().SelectMany(d => d!["meetings"]!.AsArray()).Select(m => m!.AsObject()).ToArray();

    public Task<HttpResponseMessage> TryAllocateSeat(Guid roundTableId, string participant, Guid? commandId = null) =>
        http.PostAsJsonAsync($"/api/round-tables/{roundTableId}/seats", new { commandId = commandId ?? Guid.NewGuid(), participant }, Json);

    public Task<RoundTableRosterView> Roster(Guid roundTableId) => Get<RoundTableRosterView>($"/api/round-tables/{roundTableId}");

    public async Task<JsonObject> RoundTable(Guid roundTableId) => await Expect(await http.GetAsync($"/api/round-tables/{roundTableId}"), HttpStatusCode.OK);

    /// <summary>GETs a view the server answers (200) as the view's own record.</summary>
    public async Task<TView> Get<TView>(string path) => await Read<TView>(await http.GetAsync(path));

    /// <summary>
    /// Asserts the status and reads the body into the view's own record, with the server's JSON options: a field renamed on
    /// the server fails to compile here instead of failing a string lookup at run time.
    /// </summary>
    public static async Task<TView> Read<TView>(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}{ServerErrors(response, text)}");
        return JsonSerializer.Deserialize<TView>(text, Json) ?? throw new InvalidOperationException($"The body is not a {typeof(TView).Name}: {text}");
    }

    /// <summary>
    /// Asserts a time as the server writes it, at the venue: the same moment and the same offset (a DateTimeOffset read back
    /// keeps the offset written, but its Equals compares the moment only).
    /// </summary>
    public static void AssertVenueTime(string expected, DateTimeOffset? actual)
    {
        var time = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        Assert.Equal((time, time.Offset), (actual ?? default, actual?.Offset ?? default));
    }

    /// <summary>Asserts the status and returns the JSON body; on a mismatch the body is in the message.</summary>
    public static async Task<JsonObject> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}{ServerErrors(response, text)}");
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["items"] = JsonNode.Parse(text) };
    }

    // On a 5xx, the exception the service logged for that request (found by the traceId of its ProblemDetails).
    private static string ServerErrors(HttpResponseMessage response, string text)
    {
        if ((int)response.StatusCode < 500) return "";
        try
        {
            var traceId = JsonNode.Parse(text)?["traceId"]?.GetValue<string>();
            return CapturedLogs.ErrorsOf(traceId) is { } logged ? $"\nThe service logged:\n{logged}" : "";
        }
        catch (JsonException)
        {
            return "";
        }
    }
}
