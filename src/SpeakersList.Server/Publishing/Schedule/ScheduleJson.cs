using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpeakersList.Server.Programme;

namespace SpeakersList.Server.Publishing.Schedule;

/// <summary>
/// The programme in the frab / c3voc schedule JSON format, for signage and conference apps: the conference, its
/// days, and on each day its rooms with their events (guid, id, date, start "HH:mm", duration "HH:mm", room, title, type).
/// </summary>
public static class ScheduleJson
{
    public static JsonObject From(Conference conference, IReadOnlyList<Meeting> meetings, string version, string baseUrl)
    {
        var zone = conference.VenueZone();
        var ordered = meetings.OrderBy(m => m.Details.Start).ThenBy(m => m.Details.Room, StringComparer.Ordinal).ThenBy(m => m.Id).ToList();
        var ids = ordered.Select((m, i) => (m.Id, i + 1)).ToDictionary(x => x.Id, x => x.Item2);
        var dates = conference.Days.Select(d => d.Date).Union(ordered.Select(m => m.Details.LocalDate())).Order().ToList();
        var rooms = conference.Rooms.Union(ordered.Select(m => m.Details.Room)).ToList();
        string Time(DateTimeOffset at) => zone.LocalTime(at).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

        JsonObject Event(Meeting m)
        {
            var local = zone.LocalTime(m.Details.Start);
            var length = m.Details.End - m.Details.Start;
            return new JsonObject
            {
                ["guid"] = m.Id.ToString(),
                ["id"] = ids[m.Id],
                ["date"] = Time(m.Details.Start),
                ["start"] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["duration"] = $"{(int)length.TotalHours:00}:{length.Minutes:00}",
                ["room"] = m.Details.Room,
                ["slug"] = $"{(m.Code ?? m.Id.ToString("N")[..8]).ToLowerInvariant()}-{Slug(m.Details.Title)}",
                ["url"] = $"{baseUrl}/api/meetings/{m.Id}",
                ["title"] = m.Details.Title,
                ["subtitle"] = m.Status == ProgrammeStatus.Cancelled ? $"Cancelled{(m.CancellationReason is { } r ? $": {r}" : "")}" : "",
                ["track"] = Describe(m.Details.Kind),
                ["type"] = JsonNamingPolicy.CamelCase.ConvertName(m.Details.Kind.ToString()),
                ["language"] = "en",
                ["abstract"] = m.Details.AgendaItem,
                ["description"] = string.Join("\n", m.Segments.Select(s => $"{zone.LocalTime(s.Start):HH:mm}–{zone.LocalTime(s.End):HH:mm} {s.Title}")),
                ["recording_license"] = "",
                ["do_not_record"] = false,
                ["persons"] = new JsonArray(),
                ["links"] = new JsonArray(
                    new JsonObject { ["url"] = $"{baseUrl}/api/meetings/{m.Id}/speakers-list", ["title"] = "List of speakers" },
                    new JsonObject { ["url"] = $"{baseUrl}/api/meetings/{m.Id}/record", ["title"] = "Record" }),
                ["attachments"] = new JsonArray(),
            };
        }

        var days = new JsonArray();
        foreach (var (date, index) in dates.Select((d, i) => (d, i + 1)))
        {
            var ofDay = ordered.Where(m => m.Details.LocalDate() == date).ToList();
            var byRoom = new JsonObject();
            foreach (var room in rooms)
                byRoom[room] = new JsonArray(ofDay.Where(m => m.Details.Room == room).Select(m => (JsonNode)Event(m)).ToArray());
            days.Add(new JsonObject
            {
                ["index"] = index,
                ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["day_start"] = ofDay.Count > 0 ? Time(ofDay.Min(m => m.Details.Start)) : $"{date:yyyy-MM-dd}T00:00:00",
                ["day_end"] = ofDay.Count > 0 ? Time(ofDay.Max(m => m.Details.End)) : $"{date:yyyy-MM-dd}T23:59:59",
                ["rooms"] = byRoom,
            });
        }

        return new JsonObject
        {
            ["$schema"] = "https://c3voc.de/schedule/schema.json",
            ["generator"] = new JsonObject { ["name"] = "SpeakersList" },
            ["schedule"] = new JsonObject
            {
                ["version"] = version,
                ["base_url"] = baseUrl + "/",
                ["conference"] = new JsonObject
                {
                    ["acronym"] = Slug(conference.Name),
                    ["title"] = conference.Name,
                    ["start"] = dates.Count > 0 ? dates[0].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                    ["end"] = dates.Count > 0 ? dates[^1].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "",
                    ["daysCount"] = dates.Count,
                    ["timeslot_duration"] = "00:15",
                    ["time_zone_name"] = conference.TimeZone,
                    ["rooms"] = new JsonArray(rooms.Select(r => (JsonNode)new JsonObject { ["name"] = r, ["guid"] = RoomGuid(conference.Id, r).ToString() }).ToArray()),
                    ["days"] = days,
                },
            },
        };
    }

    private static string Describe(MeetingKind kind) => kind switch
    {
        MeetingKind.Plenary => "Plenary",
        MeetingKind.RoundTable => "Round table",
        _ => "Hearing",
    };

    private static string Slug(string text) =>
        string.Join("-", new string(text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ').ToArray())
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    // A room's guid is derived from the conference and the room's name, so that it is the same in every export.
    private static Guid RoomGuid(Guid conferenceId, string room) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"room:{conferenceId:N}:{room}")).AsSpan(0, 16));

    /// <summary>The programme as a frab / c3voc schedule (JSON), for signage and apps. Without conferenceId, the latest conference.</summary>
    [WolverineGet("/api/programme/schedule.json", OperationId = "GetScheduleJson")]
    [Produces("application/json")]
    public static async Task<IResult> Get([FromQuery] Guid? conferenceId, IQuerySession session, HttpContext http, CancellationToken cancellation)
    {
        if (await ProgrammeQueries.ConferenceAsync(session, conferenceId, cancellation) is not { } conference)
            return ProgrammeQueries.NoConference(conferenceId);
        var meetings = await ProgrammeQueries.MeetingsOfAsync(session, conference.Id, cancellation);
        var changes = await PublishingStore.MeetingChangesAsync(session, cancellation);
        var changed = meetings.Select(m => changes.GetValueOrDefault(m.Id)).Where(c => c.Changes > 0).Select(c => c.Last)
            .Append(conference.RegisteredAt).Max();
        var version = changed.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var json = From(conference, meetings, version, $"{http.Request.Scheme}://{http.Request.Host}");
        return Results.Text(json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), "application/json; charset=utf-8");
    }
}
