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
