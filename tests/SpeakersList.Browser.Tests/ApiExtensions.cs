using System.Net;
using System.Net.Http.Json;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Browser.Tests;

/// <summary>The officer's commands the browser tests need as "another officer" acting elsewhere.</summary>
public static class ApiExtensions
{
    public static async Task Move(this Api api, Guid meeting, Guid inscription, Guid? after, string reason)
    {
        var response = await api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/speakers-list/moves",
            new { commandId = Guid.NewGuid(), inscriptionId = inscription, after, reason }, Api.Json);
        await Api.Expect(response, HttpStatusCode.OK);
    }
}

public static class FloorApi
{
    /// <summary>An officer's action on the floor: open, next, start, pause, resume, end, point-of-order, suspend, ...</summary>
    public static async Task<System.Text.Json.Nodes.JsonObject> Floor(this Api api, Guid meeting, string action, object? body = null)
    {
        var payload = System.Text.Json.JsonSerializer.SerializeToNode(body ?? new { }, Api.Json)!.AsObject();
        payload["commandId"] = Guid.NewGuid();
        var response = await api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/floor/{action}", payload, Api.Json);
        return await Api.Expect(response, HttpStatusCode.OK);
    }

    /// <summary>Opens the meeting, calls the first speaker and starts the clock.</summary>
    public static async Task FirstSpeakerSpeaks(this Api api, Guid meeting)
    {
        await api.Floor(meeting, "open");
        await api.Floor(meeting, "next");
        await api.Floor(meeting, "start");
    }
}
