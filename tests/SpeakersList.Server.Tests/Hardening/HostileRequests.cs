using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Server.Tests.Infrastructure;
using Wolverine.Http;

namespace SpeakersList.Server.Tests.Hardening;

/// <summary>
/// Property: whatever a client sends to a write endpoint, as whichever role, the service answers
/// without a 5xx, and a refusal changes nothing. The endpoints are read from the running app, the
/// bodies generated from each command's own type: plausible commands with one field made hostile,
/// and bodies that are no command at all (null, empty, truncated, too deep, too large, wrongly
/// typed or encoded), with hostile route and query values and content types.
/// </summary>
public sealed class HostileRequests(SpeakersListApp app) : IClassFixture<SpeakersListApp>
{
    private const string A = "GHA";
    private const string B = "FRA";

    private sealed record Target(string Method, string Route, Microsoft.AspNetCore.Routing.Patterns.RoutePattern Pattern, Type? Body);

    /// <summary>One generated request: which endpoint, as whom, with what.</summary>
    public sealed record Hostile(int Target, int Role, string[] RouteValues, string ContentType, byte[] Body, string Query)
    {
        public string Describe(string method, string path) =>
            $"{method} {path}{Query} as role #{Role}, content-type '{ContentType}', body ({Body.Length} bytes): {Preview(Body)}";

        private static string Preview(byte[] body) =>
            body.Length > 300 ? Encoding.UTF8.GetString(body, 0, 300) + "..." : Encoding.UTF8.GetString(body);
    }

    private static readonly string[] HostileText =
    [
        "", " ", "null", "%00", "..", "%2e%2e%2f", "00000000-0000-0000-0000-000000000000", "-1", "1e309", "ＧＨＡ", "😀",
        "'; drop table mt_events;--", "<script>alert(1)</script>", "%ff%fe", "a%2Fb", new string('x', 3000), "gha", "EU ",
    ];

    private static readonly string[] HostileJson =
    [
        "null", "true", "\"\"", "\" \"", "-1", "0", "99999999999999999999999", "1e400", "-1e400", "1.5", "\"not-a-guid\"",
        "\"00000000-0000-0000-0000-000000000000\"", "[]", "{}", "[null]", "{\"a\":{\"b\":{\"c\":[1,[2,[3]]]}}}",
        string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40)),
        "\"" + new string('x', 5000) + "\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\uDFFF\\uD800\"", "\"2013-02-30T25:00:00Z\"",
        "\"9999-12-31T23:59:59+14:00\"", "\"0001-01-01T00:00:00Z\"", "\"-0001-01-01\"", "\"HEADOFSTATE\"", "\"headOfState\"", "42",
        "\"P1D\"", "\"-00:00:01\"", "\"10675199.02:48:05.4775807\"", "\"GHA\"", "\"gha\"", "\"<b>\"", "\"\\\"\"", "\"ＧＨＡ\"",
        "2147483648", "-2147483649", "9223372036854775808", "\"1\"",
    ];

    private static readonly string[] WholeBodies =
    [
        "", "null", "[]", "\"x\"", "1", "true", "{", "{\"", "{\"commandId\":", "{\"commandId\":\"", "}", "{}", "{\"commandId\":null}",
        "{\"commandId\":\"" + Guid.NewGuid() + "\"}", "[{}]", "{\"a\":1,\"a\":2}", "\uFEFF{}", "{/*comment*/}", "{'commandId':1}",
        string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + string.Concat(Enumerable.Repeat("}", 100)),
        string.Concat(Enumerable.Repeat("[", 5000)), "{\"x\":\"" + new string('y', 70_000) + "\"}", "commandId=1&participant=GHA",
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json", "application/json", "application/json; charset=utf-8", "text/plain",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/yaml", "", "application/json; charset=utf-16",
        "application/xml", "application/problem+json", "*/*",
    ];

    private static readonly string[] Queries =
    [
        "", "", "", "?expectedVersion=abc", "?expectedVersion=-1", "?expectedVersion=99999999999999999999", "?useCookies=maybe",
        "?validForHours=-1", "?validForHours=999999999", "?validForHours=1e9", "?%zz=1", "?commandId=x", "?commandId=" + Guid.Empty,
        "?format=xml&firstDay=2013-02-30", "?format=yaml&format=json", "?at=not-a-time", "?at=9999-12-31T23:59:59Z", "?warning=-5",
        "?" + new string('q', 4000) + "=1", "?commandId=" + Guid.NewGuid() + "&firstDay=0000-00-00",
    ];

    [Fact]
    public async Task No_hostile_request_gets_a_5xx_and_a_refused_one_changes_nothing()
    {
        await app.ResetAsync();
        var officer = new Api(app.CreateClient());
        var meeting = await officer.ScheduleMeeting(room: $"Conference Room {Guid.NewGuid():N}");
        var inscriptionOfA = await officer.Inscribe(meeting, A);
        var inscriptionOfB = await officer.Inscribe(meeting, B);
        var known = new[] { meeting.ToString(), inscriptionOfA.ToString(), inscriptionOfB.ToString(), A, B, "General Assembly Hall" };

        var roles = new[] { TestRole.Anonymous, TestRole.Display("General Assembly Hall"), TestRole.Delegation(A), TestRole.Officer };
        var clients = new List<HttpClient>();
        foreach (var role in roles) clients.Add(await app.CreateClientAsync(role));
        var targets = WriteTargets();
        Assert.Contains(targets, t => t.Route == "/api/meetings/{meetingId}/inscriptions");

        var fingerprint = new DatabaseFingerprint(app.Services.GetRequiredService<IConfiguration>());
        var logsBefore = app.Logs.Messages.Count;
        var statuses = new Dictionary<int, int>();
        var sent = 0;

        async Task Send(Hostile hostile)
        {
            var target = targets[hostile.Target % targets.Count];
            var role = hostile.Role % roles.Length;
            // The officer of this host must keep its session for the rest of the run.
            if (role == 3 && target.Route == "/api/auth/sign-out-everywhere") return;
            var path = Fill(target.Pattern, hostile.RouteValues);
            using var request = new HttpRequestMessage(new HttpMethod(target.Method), path + hostile.Query);
            if (hostile.Body.Length > 0 || hostile.ContentType.Length > 0)
            {
                request.Content = new ByteArrayContent(hostile.Body);
                if (hostile.ContentType.Length > 0 && MediaTypeHeaderValue.TryParse(hostile.ContentType, out var type)) request.Content.Headers.ContentType = type;
            }
            var before = await fingerprint.TakeAsync();
            using var response = await clients[role].SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            sent++;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
                throw new InvalidOperationException($"{status} for {hostile.Describe(target.Method, path)}: {body}\nlogged: " +
                    app.Logs.Messages.LastOrDefault(x => x.StartsWith("Error ", StringComparison.Ordinal)));
            if (status >= 400 && await fingerprint.TakeAsync() != before)
                throw new InvalidOperationException($"refused with {status}, yet the database changed: {hostile.Describe(target.Method, path)}");
        }

        // First every endpoint, as every role, with the bodies that are no command at all.
        for (var t = 0; t < targets.Count; t++)
            for (var r = 0; r < roles.Length; r++)
                foreach (var whole in new[] { "null", "", "[]", "{", "\"x\"", "{\"commandId\":5}" })
                    await Send(new Hostile(t, r, known, "application/json", Encoding.UTF8.GetBytes(whole), ""));

        // Then generated ones.
        var generator = HostileGen(targets, roles.Length, known);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000).WithQuietOnSuccess(true),
            Prop.ForAll(generator.ToArbitrary(), hostile => Send(hostile).GetAwaiter().GetResult()));

        var errors = app.Logs.Messages.Skip(logsBefore).Where(x => x.StartsWith("Error ", StringComparison.Ordinal) || x.StartsWith("Critical ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count == 0, "client errors were logged as errors:\n" + string.Join("\n", errors.Take(5)));
        Assert.True(sent > 3000, $"only {sent} requests were sent");
        Console.WriteLine($"Hostile requests: {sent} sent; statuses: {string.Join(", ", statuses.OrderBy(x => x.Key).Select(x => $"{x.Key}×{x.Value}"))}");
    }

    private static Gen<Hostile> HostileGen(List<Target> targets, int roles, string[] known) =>
        from target in Gen.Choose(0, targets.Count - 1)
        from role in Gen.Choose(0, roles - 1)
        from routeValues in Gen.ArrayOf(Gen.Frequency((3, Gen.Elements(known)), (1, Gen.Elements(HostileText)), (1, Gen.Fresh(() => Guid.NewGuid().ToString()))), 4)
        from contentType in Gen.Elements(ContentTypes)
        from body in BodyGen(targets[target].Body, known)
        from query in Gen.Elements(Queries)
        select new Hostile(target, role, routeValues, contentType, body, query);

    private static Gen<byte[]> BodyGen(Type? command, string[] known)
    {
        var fields = command is null ? [] : Plausible(command, known);
        var utf8 = (string text) => Encoding.UTF8.GetBytes(text);
        var plausible = Gen.Constant(0).Select(_ => utf8(Object(fields)));
        var oneHostileField =
            from index in Gen.Choose(0, Math.Max(0, fields.Count - 1))
            from value in Gen.Elements(HostileJson)
            select utf8(Object(fields.Count == 0 ? [new("commandId", value)] : fields.Select((f, i) => i == index ? f with { Json = value } : f).ToList()));
        var missingField =
            from index in Gen.Choose(0, Math.Max(0, fields.Count - 1))
            select utf8(Object(fields.Where((_, i) => i != index).ToList()));
        var truncated =
            from cut in Gen.Choose(0, 200)
            select utf8(Object(fields)) is var full ? full[..Math.Min(cut, full.Length)] : [];
        var whole = Gen.Elements(WholeBodies).Select(utf8);
        var randomBytes = Gen.ArrayOf(Gen.Choose(0, 255).Select(x => (byte)x));
        var badEncoding = Gen.Elements<byte[]>(
            [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00], [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D], [0xEF, 0xBB, 0xBF, 0x6E, 0x75, 0x6C, 0x6C],
            [0x7B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x3A, 0x31, 0x7D]);
        var utf16 = Gen.Constant(0).Select(_ => Encoding.Unicode.GetBytes(Object(fields)));
        return Gen.Frequency((3, plausible), (8, oneHostileField), (2, missingField), (2, truncated), (3, whole), (1, randomBytes), (1, badEncoding), (1, utf16));
    }

    private sealed record Field(string Name, string Json);

    private static string Object(IReadOnlyList<Field> fields) => "{" + string.Join(",", fields.Select(f => $"{JsonSerializer.Serialize(f.Name)}:{f.Json}")) + "}";

    /// <summary>A plausible value for each member of the command, from its type and name.</summary>
    private static List<Field> Plausible(Type command, string[] known) =>
        command.GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => new Field(JsonNamingPolicy.CamelCase.ConvertName(p.Name), PlausibleValue(p.PropertyType, p.Name, known))).ToList();

    private static string PlausibleValue(Type type, string name, string[] known)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(Guid))
            return JsonSerializer.Serialize(name.Contains("Inscription", StringComparison.OrdinalIgnoreCase) ? known[1]
                : name.Contains("Meeting", StringComparison.OrdinalIgnoreCase) ? known[0] : Guid.NewGuid().ToString());
        if (type == typeof(string))
            return JsonSerializer.Serialize(name switch
            {
                _ when name.Contains("Participant", StringComparison.OrdinalIgnoreCase) || name.Contains("Code", StringComparison.OrdinalIgnoreCase)
                    || name.Contains("Delegation", StringComparison.OrdinalIgnoreCase) => A,
                _ when name.Contains("Room", StringComparison.OrdinalIgnoreCase) => "General Assembly Hall",
                _ => "Plausible text",
            });
        if (type == typeof(bool)) return "true";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(decimal) || type == typeof(double)) return "1";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "\"2013-09-24T10:00:00-04:00\"";
        if (type == typeof(DateOnly)) return "\"2013-09-24\"";
        if (type == typeof(TimeOnly)) return "\"10:00:00\"";
        if (type == typeof(TimeSpan)) return "\"00:05:00\"";
        if (type.IsEnum) return JsonSerializer.Serialize(JsonNamingPolicy.CamelCase.ConvertName(Enum.GetNames(type)[0]));
        if (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)) return "[]";
        return "{}";
    }

    private List<Target> WriteTargets()
    {
        var result = new List<Target>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<HubMetadata>() is not null) continue;
            var chain = endpoint.Metadata.GetMetadata<HttpChain>();
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (method is "GET" or "HEAD" or "OPTIONS") continue;
                result.Add(new Target(method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), endpoint.RoutePattern,
                    chain is { HasRequestType: true } && chain.RequestType != typeof(void) ? chain.RequestType : null));
            }
        }
        return result.OrderBy(x => x.Route).ThenBy(x => x.Method).ToList();
    }

    private static string Fill(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern, string[] values)
    {
        var path = "/" + pattern.RawText!.TrimStart('/');
        var i = 0;
        foreach (var parameter in pattern.Parameters)
        {
            var value = Uri.EscapeDataString(values[i++ % values.Length]);
            if (value.Length == 0) value = "%20";
            path = System.Text.RegularExpressions.Regex.Replace(path, $@"\{{\*?{parameter.Name}(:[^}}]*)?\??\}}", value.Replace("$", "$$"));
        }
        return path;
    }
}
