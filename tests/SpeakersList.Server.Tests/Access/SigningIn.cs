using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Marten;
using SpeakersList.Server.Access;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Access;

public class Signing_in(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task A_delegation_signed_in_with_its_code_knows_who_it_is()
    {
        var ghana = await App.CreateDelegationClientAsync("GHA");

        var me = await Api.Read<SignedInUser>(await ghana.GetAsync("/api/auth/me"));

        Assert.True(me.Authenticated);
        Assert.Equal("delegation", me.Role);
        Assert.Equal("GHA", me.Delegation);
    }

    [Fact]
    public async Task An_anonymous_reader_reads_the_list_but_cannot_inscribe()
    {
        var meeting = await Api.ScheduleMeeting();
        var reader = new Api(App.CreateAnonymousClient());

        Assert.Empty(await reader.SpeakingOrder(meeting));
        var refused = await reader.TryInscribe(meeting, "GHA");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_officer_get_the_same_answer()
    {
        var anonymous = App.CreateAnonymousClient();

        var wrong = await anonymous.PostAsJsonAsync("/api/auth/officer/sign-in", new { name = SpeakersListApp.OfficerName, password = "guess" });
        var unknown = await anonymous.PostAsJsonAsync("/api/auth/officer/sign-in", new { name = "nobody", password = "guess" });

        var first = await Api.Expect(wrong, HttpStatusCode.Unauthorized);
        var second = await Api.Expect(unknown, HttpStatusCode.Unauthorized);
        first.Remove("traceId");
        second.Remove("traceId");
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_a_revoked_and_an_expired_code_get_the_same_answer()
    {
        var revoked = await Api.Expect(await Api.Http.PostAsync("/api/delegations/GHA/access-codes", null), HttpStatusCode.Created);
        await Api.Expect(await Api.Http.DeleteAsync($"/api/delegations/GHA/access-codes/{revoked["id"]}"), HttpStatusCode.NoContent);
        var expired = await Api.Expect(await Api.Http.PostAsync("/api/delegations/FRA/access-codes?validForHours=1", null), HttpStatusCode.Created);
        App.Clock.Advance(TimeSpan.FromHours(2));
        var anonymous = App.CreateAnonymousClient();

        var answers = new List<string>();
        foreach (var code in new[] { "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", revoked["secret"]!.GetValue<string>(), expired["secret"]!.GetValue<string>() })
        {
            var response = await anonymous.PostAsJsonAsync("/api/auth/delegation/sign-in", new { code });
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            var problem = await Api.Expect(response, HttpStatusCode.Unauthorized);
            problem.Remove("traceId");
            answers.Add(problem.ToJsonString());
        }
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task Refused_sign_ins_are_logged_alike_and_no_secret_reaches_the_logs()
    {
        var revoked = await Api.Expect(await Api.Http.PostAsync("/api/delegations/GHA/access-codes", null), HttpStatusCode.Created);
        await Api.Expect(await Api.Http.DeleteAsync($"/api/delegations/GHA/access-codes/{revoked["id"]}"), HttpStatusCode.NoContent);
        var valid = await Api.Expect(await Api.Http.PostAsync("/api/delegations/FRA/access-codes", null), HttpStatusCode.Created);
        var display = await Api.Expect(await Api.Http.PostAsync("/api/displays/Hall/tokens", null), HttpStatusCode.Created);
        var anonymous = App.CreateAnonymousClient();
        const string unknown = "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ";
        var secrets = new[] { revoked["secret"]!.GetValue<string>(), valid["secret"]!.GetValue<string>(), display["secret"]!.GetValue<string>(), unknown, SpeakersListApp.OfficerPassword };
        var before = App.Logs.Messages.Count;

        await anonymous.PostAsJsonAsync("/api/auth/delegation/sign-in", new { code = unknown });
        await anonymous.PostAsJsonAsync("/api/auth/delegation/sign-in", new { code = secrets[0] });
        var signedIn = await Api.Expect(await anonymous.PostAsJsonAsync("/api/auth/delegation/sign-in", new { code = secrets[1] }), HttpStatusCode.OK);
        await Api.Expect(await anonymous.PostAsJsonAsync("/api/auth/display/sign-in", new { code = secrets[2] }), HttpStatusCode.OK);
        await Api.Expect(await anonymous.PostAsJsonAsync("/api/auth/officer/sign-in", new { name = SpeakersListApp.OfficerName, password = SpeakersListApp.OfficerPassword }), HttpStatusCode.OK);
        await App.CreateClient(signedIn["accessToken"]!.GetValue<string>()).GetAsync("/api/auth/me");

        var logged = App.Logs.Messages.Skip(before).ToList();
        var refusals = logged.Where(x => x.Contains("Refused a delegation sign-in")).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.Single(refusals.Distinct());
        foreach (var secret in secrets.Append(signedIn["accessToken"]!.GetValue<string>()).Append(App.OfficerToken))
        {
            Assert.DoesNotContain(logged, x => x.Contains(secret, StringComparison.OrdinalIgnoreCase) || x.Contains(Secrets.Normalize(secret), StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task Revoking_a_code_ends_the_sessions_opened_with_it()
    {
        var issued = await Api.Expect(await Api.Http.PostAsync("/api/delegations/GHA/access-codes", null), HttpStatusCode.Created);
        var token = (await Api.Expect(await App.CreateAnonymousClient().PostAsJsonAsync("/api/auth/delegation/sign-in",
            new { code = issued["secret"]!.GetValue<string>() }), HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
        var ghana = App.CreateClient(token);
        Assert.True((await Api.Read<SignedInUser>(await ghana.GetAsync("/api/auth/me"))).Authenticated);

        await Api.Expect(await Api.Http.DeleteAsync($"/api/delegations/GHA/access-codes/{issued["id"]}"), HttpStatusCode.NoContent);
        App.Clock.Advance(TimeSpan.FromSeconds(5)); // the validity of a code is remembered for 5 s of the service's clock

        var meeting = await Api.ScheduleMeeting();
        Assert.Equal(HttpStatusCode.Unauthorized, (await new Api(ghana).TryInscribe(meeting, "GHA")).StatusCode);
        Assert.False((await Api.Read<SignedInUser>(await ghana.GetAsync("/api/auth/me"))).Authenticated);
    }

    [Fact]
    public async Task The_secret_of_a_code_is_shown_once_and_only_its_hash_is_kept()
    {
        var issued = await Api.Expect(await Api.Http.PostAsync("/api/delegations/GHA/access-codes", null), HttpStatusCode.Created);
        var secret = issued["secret"]!.GetValue<string>();

        var listed = await Api.Http.GetStringAsync("/api/delegations/GHA/access-codes");
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var stored = await session.LoadAsync<AccessCode>(issued["id"]!.GetValue<Guid>());

        Assert.DoesNotContain(secret, listed);
        Assert.NotNull(stored);
        Assert.DoesNotContain(Secrets.Normalize(secret), System.Text.Json.JsonSerializer.Serialize(stored));
        Assert.Equal(Secrets.HashCode(secret), stored.SecretHash);
    }

    [Fact]
    public async Task A_page_signed_in_by_cookie_must_send_the_antiforgery_token_to_write()
    {
        var meeting = await Api.ScheduleMeeting();
        var (name, value) = await App.SessionCookieAsync(TestRole.Delegation("GHA"));
        var page = App.CreateAnonymousClient();
        page.DefaultRequestHeaders.Add("Cookie", $"{name}={value}");

        var without = await new Api(page).TryInscribe(meeting, "GHA");
        Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
        Assert.Contains("X-CSRF-TOKEN", await without.Content.ReadAsStringAsync());

        var antiforgery = await page.GetAsync("/api/auth/antiforgery");
        var token = (await Api.Expect(antiforgery, HttpStatusCode.OK))["token"]!.GetValue<string>();
        var antiforgeryCookie = antiforgery.Headers.GetValues("Set-Cookie").Select(x => x.Split(';')[0]).First(x => x.StartsWith("SpeakersList.Antiforgery="));
        page.DefaultRequestHeaders.Remove("Cookie");
        page.DefaultRequestHeaders.Add("Cookie", $"{name}={value}; {antiforgeryCookie}");
        page.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);

        await Api.Expect(await new Api(page).TryInscribe(meeting, "GHA"), HttpStatusCode.Created);
        Assert.Equal(["GHA"], await Api.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address()
    {
        var configuration = App.Services.GetRequiredService<IConfiguration>();
        configuration["SpeakersList:RateLimits:SignInsPerMinute"] = "3";
        try
        {
            var anonymous = App.CreateAnonymousClient();
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 4; i++)
                statuses.Add((await anonymous.PostAsJsonAsync("/api/auth/delegation/sign-in", new { code = "AAAA-BBBB" })).StatusCode);
            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        }
        finally
        {
            configuration["SpeakersList:RateLimits:SignInsPerMinute"] = "100000";
        }
    }

    [Fact]
    public async Task Inscriptions_are_limited_per_delegation_but_not_for_officers()
    {
        var configuration = App.Services.GetRequiredService<IConfiguration>();
        configuration["SpeakersList:RateLimits:InscriptionsPerMinute"] = "2";
        try
        {
            var meetings = new List<Guid>();
            for (var i = 0; i < 3; i++) meetings.Add(await Api.ScheduleMeeting(title: $"Meeting {i}", room: $"Conference Room {i + 1}"));
            var ghana = new Api(await App.CreateDelegationClientAsync("GHA"));

            var statuses = new List<HttpStatusCode>();
            foreach (var meeting in meetings) statuses.Add((await ghana.TryInscribe(meeting, "GHA")).StatusCode);
            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
            foreach (var participant in new[] { "FRA", "DEU", "BRA" }) await Api.Inscribe(meetings[0], participant);
        }
        finally
        {
            configuration["SpeakersList:RateLimits:InscriptionsPerMinute"] = "100000";
        }
    }

    [Fact]
    public async Task The_ops_command_adds_an_officer_who_can_sign_in()
    {
        // The password comes on standard input, never on the command line.
        Assert.Equal(2, await OfficerCommand.RunAsync(App.Services, ["officer", "add", "--name", "Ms. Rapporteur", "--password", "a long pass phrase"]));
        var exit = await OfficerCommand.RunAsync(App.Services, ["officer", "add", "--name", "Ms. Rapporteur"], new StringReader("a long pass phrase\n"));
        Assert.Equal(0, exit);

        var response = await App.CreateAnonymousClient().PostAsJsonAsync("/api/auth/officer/sign-in", new { name = "ms. rapporteur", password = "a long pass phrase" });
        var token = (await Api.Expect(response, HttpStatusCode.OK))["accessToken"]!.GetValue<string>();
        var officer = App.CreateClient(token);
        Assert.Equal("officer", (await Api.Read<SignedInUser>(await officer.GetAsync("/api/auth/me"))).Role);
        Assert.Equal(1, await OfficerCommand.RunAsync(App.Services, ["officer", "add", "--name", "Ms. Rapporteur"], new StringReader("")));
    }
}
