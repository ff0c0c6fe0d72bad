using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SpeakersList.Server.Access;
using SpeakersList.Server.Live;
using SpeakersList.Server.Publishing.Calendars;
using SpeakersList.Server.SpeakersLists.Swapping;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Access;

/// <summary>
/// Every write endpoint of the running app and every hub method, as each role. The endpoints are
/// read from the app's EndpointDataSource: one added later is covered the day it appears. The
/// table below says who may call the ones known here; for any other, everyone but an officer must
/// be refused (the secure default). A refused call must change nothing in the database.
/// </summary>
public class Who_may_do_what(SpeakersListApp app) : ApiTest(app)
{
    private const string A = "GHA";
    private const string B = "FRA";
    private const string Room = "Conference Room 4";

    private enum Audience { Anyone, DelegationForItself, Officers, BoothOfTheRoom }

    /// <summary>What a request may touch; made afresh, by an officer, before each call.</summary>
    private sealed record World(Guid EmptyMeeting, Guid Meeting, Guid InscriptionOfA, Guid InscriptionOfB,
        Guid AccessCodeOfB, string AccessCodeSecretOfA, Guid DisplayToken, string DisplaySecret, Guid SwapOfferedToA, Guid SwapOfferedToB,
        Guid SwapProposedByA = default, Guid SwapProposedByB = default,
        Guid CalendarLinkOfA = default, Guid CalendarLinkOfB = default, string BoothSecret = "")
    {
        public Guid InscriptionOf(string participant) => participant == A ? InscriptionOfA : InscriptionOfB;

        public Guid InscriptionOfTheOther(string participant) => participant == A ? InscriptionOfB : InscriptionOfA;

        public Guid SwapOfferedTo(string participant) => participant == A ? SwapOfferedToA : SwapOfferedToB;

        public Guid SwapProposedBy(string participant) => participant == A ? SwapProposedByA : SwapProposedByB;
        public Guid CalendarLinkOf(string participant) => participant == A ? CalendarLinkOfA : CalendarLinkOfB;
    }

    private const string ProposeSwapRoute = "POST /api/meetings/{meetingId}/swaps";

    private sealed record Case(Audience Audience, Func<World, string, HttpRequestMessage> Request);

    /// <summary>The write endpoints known to this branch, with who may call them. "target" is the participant the call acts for.</summary>
    private static readonly Dictionary<string, Case> Known = new()
    {
        ["POST /api/meetings"] = new(Audience.Officers, (_, _) => Json(HttpMethod.Post, "/api/meetings", new
        {
            commandId = Guid.NewGuid(), kind = "plenary", title = "Second plenary meeting", room = "General Assembly Hall",
            start = Api.Day1.AddHours(15), end = Api.Day1.AddHours(18), agendaItem = "Item 1",
        })),
        ["POST /api/meetings/{meetingId}/inscriptions"] = new(Audience.DelegationForItself, (w, target) =>
            Json(HttpMethod.Post, $"/api/meetings/{w.EmptyMeeting}/inscriptions", new
            {
                commandId = Guid.NewGuid(), participant = target, level = "minister",
                speakerName = $"Speaker of {target}", speakerTitle = "Minister for Foreign Affairs",
            })),
        ["DELETE /api/meetings/{meetingId}/inscriptions/{inscriptionId}"] = new(Audience.DelegationForItself, (w, target) =>
            new HttpRequestMessage(HttpMethod.Delete, $"/api/meetings/{w.Meeting}/inscriptions/{w.InscriptionOf(target)}")),
        // Swaps and rights of reply (list management branch): a delegation acts for its own slot only.
        [ProposeSwapRoute] = new(Audience.DelegationForItself, (w, target) => Json(HttpMethod.Post, $"/api/meetings/{w.Meeting}/swaps",
            new { commandId = Guid.NewGuid(), inscriptionId = w.InscriptionOf(target), withInscriptionId = w.InscriptionOfTheOther(target) })),
        ["POST /api/meetings/{meetingId}/swaps/{swapId}/accept"] = new(Audience.DelegationForItself, (w, target) =>
            Json(HttpMethod.Post, $"/api/meetings/{w.Meeting}/swaps/{w.SwapOfferedTo(target)}/accept", new { commandId = Guid.NewGuid() })),
        ["POST /api/meetings/{meetingId}/swaps/{swapId}/decline"] = new(Audience.DelegationForItself, (w, target) =>
            Json(HttpMethod.Post, $"/api/meetings/{w.Meeting}/swaps/{w.SwapOfferedTo(target)}/decline", new { commandId = Guid.NewGuid() })),
        ["POST /api/meetings/{meetingId}/swaps/{swapId}/withdraw"] = new(Audience.DelegationForItself, (w, target) =>
            Json(HttpMethod.Post, $"/api/meetings/{w.Meeting}/swaps/{w.SwapProposedBy(target)}/withdraw", new { commandId = Guid.NewGuid() })),
        ["POST /api/meetings/{meetingId}/rights-of-reply"] = new(Audience.DelegationForItself, (w, target) =>
            Json(HttpMethod.Post, $"/api/meetings/{w.Meeting}/rights-of-reply",
                new { commandId = Guid.NewGuid(), participant = target, speakerName = $"Speaker of {target}", speakerTitle = "Ambassador" })),
        // Publishing: a delegation's calendar links and the statement of its own inscription.
        ["POST /api/delegations/{code}/calendar-links"] = new(Audience.DelegationForItself, (_, target) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/delegations/{target}/calendar-links")),
        ["DELETE /api/delegations/{code}/calendar-links/{id}"] = new(Audience.DelegationForItself, (w, target) =>
            new HttpRequestMessage(HttpMethod.Delete, $"/api/delegations/{target}/calendar-links/{w.CalendarLinkOf(target)}")),
        ["POST /api/meetings/{meetingId}/inscriptions/{inscriptionId}/statement"] = new(Audience.DelegationForItself, (w, target) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/meetings/{w.Meeting}/inscriptions/{w.InscriptionOf(target)}/statement")
            {
                Content = new StringContent($"Statement of {target}.", Encoding.UTF8, "text/plain"),
            }),
        ["POST /api/auth/officer/sign-in"] = new(Audience.Anyone, (_, _) =>
            Json(HttpMethod.Post, "/api/auth/officer/sign-in", new { name = SpeakersListApp.OfficerName, password = SpeakersListApp.OfficerPassword })),
        ["POST /api/auth/delegation/sign-in"] = new(Audience.Anyone, (w, _) =>
            Json(HttpMethod.Post, "/api/auth/delegation/sign-in", new { code = w.AccessCodeSecretOfA })),
        ["POST /api/auth/display/sign-in"] = new(Audience.Anyone, (w, _) =>
            Json(HttpMethod.Post, "/api/auth/display/sign-in", new { code = w.DisplaySecret })),
        // The forecaster is a pure computation: anyone may ask it (rate-limited per address).
        ["POST /api/forecasts/starts"] = new(Audience.Anyone, (_, _) => Json(HttpMethod.Post, "/api/forecasts/starts", new
        {
            changeOverSeconds = 30, waiting = new[] { new { level = "minister", kind = "statement", onBehalfOfGroup = false, allottedSeconds = 300 } },
        })),
        ["POST /api/auth/booth/sign-in"] = new(Audience.Anyone, (w, _) =>
            Json(HttpMethod.Post, "/api/auth/booth/sign-in", new { code = w.BoothSecret })),
        // Interpreters' booths: a room's booth messages the chair of the meeting in progress there; a delegation changes its own statement's language and mode.
        ["POST /api/booths/{room}/messages"] = new(Audience.BoothOfTheRoom, (_, _) =>
            Json(HttpMethod.Post, $"/api/booths/{Uri.EscapeDataString(Room)}/messages", new { commandId = Guid.NewGuid(), kind = "slowDown" })),
        ["POST /api/meetings/{meetingId}/inscriptions/{inscriptionId}/delivery"] = new(Audience.DelegationForItself, (w, target) =>
            Json(HttpMethod.Post, $"/api/meetings/{w.Meeting}/inscriptions/{w.InscriptionOf(target)}/delivery",
                new { commandId = Guid.NewGuid(), language = "de", interpretationInto = "fr", mode = "remote" })),
        ["POST /api/booths/{room}/tokens"] = new(Audience.Officers, (_, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/booths/{Uri.EscapeDataString(Room)}/tokens")),
        ["POST /api/auth/sign-out"] = new(Audience.Anyone, (_, _) => new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out")),
        ["POST /api/delegations/{code}/access-codes"] = new(Audience.Officers, (_, target) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/delegations/{target}/access-codes")),
        ["DELETE /api/delegations/{code}/access-codes/{id}"] = new(Audience.Officers, (w, _) =>
            new HttpRequestMessage(HttpMethod.Delete, $"/api/delegations/{B}/access-codes/{w.AccessCodeOfB}")),
        ["POST /api/displays/{room}/tokens"] = new(Audience.Officers, (_, _) =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/displays/{Uri.EscapeDataString(Room)}/tokens")),
        ["DELETE /api/displays/{room}/tokens/{id}"] = new(Audience.Officers, (w, _) =>
            new HttpRequestMessage(HttpMethod.Delete, $"/api/displays/{Uri.EscapeDataString(Room)}/tokens/{w.DisplayToken}")),
    };

    private sealed record Caller(string Name, TestRole Role, string Target);

    private static readonly Caller[] Callers =
    [
        new("anonymous", TestRole.Anonymous, A),
        new("display", TestRole.Display(Room), A),
        new("booth", TestRole.Booth(Room), A),
        new("delegation A acting for A", TestRole.Delegation(A), A),
        new("delegation A acting for B", TestRole.Delegation(A), B),
        new("officer", TestRole.Officer, B),
    ];

    [Fact]
    public async Task Every_write_endpoint_admits_exactly_its_audience_and_a_refusal_changes_nothing()
    {
        var clients = new Dictionary<string, HttpClient>();
        foreach (var caller in Callers) clients[caller.Name] = await App.CreateClientAsync(caller.Role);
        var failures = new List<string>();
        var writes = WriteEndpoints();
        Assert.Contains("POST /api/meetings/{meetingId}/inscriptions", writes.Keys); // the enumeration works

        foreach (var (route, endpoint) in writes)
        {
            if (Known.TryGetValue(route, out var known))
            {
                foreach (var caller in Callers)
                {
                    var world = await MakeWorld(writes);
                    var expected = Expected(known.Audience, caller);
                    await Check(failures, route, caller.Name, clients[caller.Name], known.Request(world, caller.Target), expected);
                }
            }
            else
            {
                // Not in the table: the secure default, officers only. An endpoint that opened itself to others must be listed above.
                foreach (var caller in Callers.Where(c => c.Role != TestRole.Officer && c.Name != "delegation A acting for B"))
                {
                    await MakeWorld(writes);
                    var request = new HttpRequestMessage(new HttpMethod(route[..route.IndexOf(' ')]), Fill(endpoint.RoutePattern))
                    {
                        Content = new StringContent("{}", Encoding.UTF8, "application/json"),
                    };
                    var expected = caller.Role == TestRole.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                    await Check(failures, $"{route} (not in the table of {nameof(Who_may_do_what)}: add it if it is meant for non-officers)",
                        caller.Name, clients[caller.Name], request, expected);
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_hub_method_admits_exactly_its_audience_and_never_writes()
    {
        var world = await MakeWorld(WriteEndpoints());
        var failures = new List<string>();
        var connections = new Dictionary<string, HubConnection>();
        try
        {
            foreach (var caller in Callers.DistinctBy(c => c.Role))
            {
                var connection = await App.CreateHubConnectionAsync(caller.Role);
                await connection.StartAsync();
                connections[caller.Role.ToString()] = connection;
            }
            // The methods a client can call: declared on the hub, not the connection lifecycle overrides of Hub.
            var methods = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetBaseDefinition().DeclaringType == typeof(LiveHub) && !m.IsSpecialName).ToArray();
            Assert.Contains(methods, m => m.Name == nameof(LiveHub.SubscribeToMeeting));
            foreach (var method in methods)
            {
                var scoped = method.GetParameters().Any(AccessHubFilter.IsDelegationScoped);
                var officersOnly = method.GetCustomAttribute<OfficerOnlyAttribute>() is not null;
                foreach (var caller in Callers)
                {
                    var args = method.GetParameters().Where(p => p.ParameterType != typeof(CancellationToken))
                        .Select(p => p.ParameterType == typeof(Guid) ? world.Meeting
                            : AccessHubFilter.IsDelegationScoped(p) ? caller.Target
                            : p.Name == "kind" ? "display" // ReportScreen: what the page is
                            : p.ParameterType == typeof(string) ? (object)Room
                            : null).ToArray();
                    var allowed = (!scoped || caller.Role == TestRole.Officer || caller.Name == "delegation A acting for A")
                        && (!officersOnly || caller.Role == TestRole.Officer);
                    var before = await Fingerprint();
                    string? refusal = null;
                    try
                    {
                        await connections[caller.Role.ToString()].InvokeCoreAsync(method.Name, typeof(object), args);
                    }
                    catch (HubException ex)
                    {
                        // "There is no round table ..." means the access check let the call through to a lookup.
                        refusal = ex.Message.Contains("There is no ", StringComparison.Ordinal) ? null : ex.Message;
                    }
                    if (allowed && refusal is not null) failures.Add($"hub {method.Name} as {caller.Name}: refused ({refusal}), expected allowed");
                    if (!allowed && refusal is null) failures.Add($"hub {method.Name} as {caller.Name}: allowed, expected refused");
                    if (await Fingerprint() != before) failures.Add($"hub {method.Name} as {caller.Name}: the database changed; the hub never writes");
                }
            }
        }
        finally
        {
            foreach (var connection in connections.Values) await connection.DisposeAsync();
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static HttpStatusCode? Expected(Audience audience, Caller caller) => audience switch
    {
        Audience.Anyone => null,
        _ when caller.Role == TestRole.Officer => null,
        _ when caller.Role == TestRole.Anonymous => HttpStatusCode.Unauthorized,
        Audience.DelegationForItself when caller.Name == "delegation A acting for A" => null,
        Audience.BoothOfTheRoom when caller.Role.Kind == "booth" => null,
        _ => HttpStatusCode.Forbidden,
    };

    /// <summary>null expected: allowed (a 2xx). Otherwise the refusal, a ProblemDetails, and not a byte changed.</summary>
    private async Task Check(List<string> failures, string route, string caller, HttpClient client, HttpRequestMessage request, HttpStatusCode? expected)
    {
        var before = await Fingerprint();
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var label = $"{route} as {caller}";
        if (expected is null)
        {
            if (!response.IsSuccessStatusCode) failures.Add($"{label}: {(int)response.StatusCode}, expected allowed: {body}");
            return;
        }
        if (response.StatusCode != expected) failures.Add($"{label}: {(int)response.StatusCode}, expected {(int)expected}: {body}");
        else if (!body.Contains("\"detail\"")) failures.Add($"{label}: the refusal does not say why: {body}");
        if (await Fingerprint() != before) failures.Add($"{label}: refused, yet the database changed");
    }

    private Dictionary<string, RouteEndpoint> WriteEndpoints()
    {
        var result = new Dictionary<string, RouteEndpoint>();
        foreach (var endpoint in App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<HubMetadata>() is not null) continue; // the hub: tested method by method
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (method is "GET" or "HEAD" or "OPTIONS") continue;
                result[$"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}"] = endpoint;
            }
        }
        return result;
    }

    private static string Fill(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern)
    {
        var path = "/" + pattern.RawText!.TrimStart('/');
        foreach (var parameter in pattern.Parameters)
        {
            var value = parameter.Name.ToLowerInvariant() switch
            {
                "code" or "participant" or "delegation" => B,
                "room" => Uri.EscapeDataString(Room),
                var name when name.EndsWith("id") => Guid.NewGuid().ToString(),
                _ => "x",
            };
            path = System.Text.RegularExpressions.Regex.Replace(path, $@"\{{\*?{parameter.Name}(:[^}}]*)?\??\}}", value);
        }
        return path;
    }

    private async Task<World> MakeWorld(Dictionary<string, RouteEndpoint> writes)
    {
        var empty = await Api.ScheduleMeeting(title: "Empty list", room: $"Conference Room {Guid.NewGuid():N}");
        var meeting = await Api.ScheduleMeeting(room: $"Conference Room {Guid.NewGuid():N}");
        var ofA = await Api.Inscribe(meeting, A);
        var ofB = await Api.Inscribe(meeting, B);
        var (offeredToA, offeredToB, byA, byB) = (Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty);
        if (writes.ContainsKey(ProposeSwapRoute))
        {
            // A third delegation offers its slot to each of A and B.
            var ofC = await Api.Inscribe(meeting, "BRA");
            offeredToA = await ProposeSwap(meeting, ofC, ofA);
            offeredToB = await ProposeSwap(meeting, ofC, ofB);
            // And each of A and B proposes one to a fourth, to be withdrawn by its proposer only.
            var ofD = await Api.Inscribe(meeting, "MEX");
            byA = await ProposeSwap(meeting, ofA, ofD);
            byB = await ProposeSwap(meeting, ofB, ofD);
        }
        var codeOfB = await Api.Expect(await Api.Http.PostAsync($"/api/delegations/{B}/access-codes", null), HttpStatusCode.Created);
        var codeOfA = await Api.Expect(await Api.Http.PostAsync($"/api/delegations/{A}/access-codes", null), HttpStatusCode.Created);
        var display = await Api.Expect(await Api.Http.PostAsync($"/api/displays/{Uri.EscapeDataString(Room)}/tokens", null), HttpStatusCode.Created);
        var booth = await Api.Expect(await Api.Http.PostAsync($"/api/booths/{Uri.EscapeDataString(Room)}/tokens", null), HttpStatusCode.Created);
        if (_meetingInRoom is null)
        {
            // A meeting in progress in the room, for its booth's messages to the chair.
            _meetingInRoom = await Api.ScheduleMeeting(title: "Meeting in the booth's room", room: Room);
            await Api.Floor(_meetingInRoom.Value, "open");
        }
        var (linkOfA, linkOfB) = (Guid.Empty, Guid.Empty);
        if (writes.ContainsKey("POST /api/delegations/{code}/calendar-links"))
        {
            linkOfA = (await Api.Read<CalendarLinkCreated>(await Api.Http.PostAsync($"/api/delegations/{A}/calendar-links", null), HttpStatusCode.Created)).Id;
            linkOfB = (await Api.Read<CalendarLinkCreated>(await Api.Http.PostAsync($"/api/delegations/{B}/calendar-links", null), HttpStatusCode.Created)).Id;
        }
        return new World(empty, meeting, ofA, ofB, codeOfB["id"]!.GetValue<Guid>(), codeOfA["secret"]!.GetValue<string>(),
            display["id"]!.GetValue<Guid>(), display["secret"]!.GetValue<string>(), offeredToA, offeredToB, byA, byB, linkOfA, linkOfB,
            booth["secret"]!.GetValue<string>());
    }

    private Guid? _meetingInRoom;

    private async Task<Guid> ProposeSwap(Guid meeting, Guid mine, Guid theirs) =>
        (await Api.Read<SwapOpened>(await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/swaps",
            new { commandId = Guid.NewGuid(), inscriptionId = mine, withInscriptionId = theirs }, Api.Json), HttpStatusCode.Created)).SwapId;

    /// <summary>A digest of every event, stream and document in the service's schema.</summary>
    private async Task<string> Fingerprint()
    {
        var configuration = App.Services.GetRequiredService<IConfiguration>();
        var schema = configuration["SpeakersList:Schema"] ?? "speakerslist";
        await using var connection = new NpgsqlConnection(configuration.GetConnectionString("Marten"));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = @schema and (table_name like 'mt_doc_%' or table_name in ('mt_events', 'mt_streams')) order by table_name",
            connection))
        {
            list.Parameters.AddWithValue("schema", schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var digest = new StringBuilder();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from \"{schema}\".\"{table}\" t", connection);
            digest.Append(table).Append('=').Append(await command.ExecuteScalarAsync()).Append(';');
        }
        return digest.ToString();
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, object body) =>
        new(method, path) { Content = JsonContent.Create(body, options: Api.Json) };
}
