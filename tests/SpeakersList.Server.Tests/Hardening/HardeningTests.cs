using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Server.Access;
using SpeakersList.Server.Infrastructure;
using SpeakersList.Server.Live;
using SpeakersList.Server.SpeakersLists.Inscribing;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Hardening;

/// <summary>Bad input answered plainly, the security headers, sign-in limits, revocable sessions, hashes and keys, bounded structures.</summary>
public sealed class HardeningTests(SpeakersListApp app) : ApiTest(app)
{
    [Theory]
    [InlineData("inscriptions")]
    [InlineData("swaps")]
    [InlineData("rights-of-reply")]
    public async Task A_null_body_is_a_400_that_says_so_and_is_not_logged_as_an_error(string command)
    {
        var meeting = await Api.ScheduleMeeting();
        var logsBefore = App.Logs.Messages.Count;
        var response = await Api.Http.PostAsync($"/api/meetings/{meeting}/{command}", new StringContent("null", Encoding.UTF8, "application/json"));
        var body = await Api.Expect(response, HttpStatusCode.BadRequest);
        Assert.Contains("null", body["detail"]!.GetValue<string>());

        response = await Api.Http.PostAsync($"/api/meetings/{meeting}/{command}", new StringContent("{\"commandId\":", Encoding.UTF8, "application/json"));
        await Api.Expect(response, HttpStatusCode.BadRequest);
        var logged = App.Logs.Messages.Skip(logsBefore).ToList();
        Assert.DoesNotContain(logged, x => x.StartsWith("Error ", StringComparison.Ordinal) || x.StartsWith("Critical ", StringComparison.Ordinal));
        Assert.DoesNotContain(logged, x => x.Contains("   at ", StringComparison.Ordinal)); // no stack trace for a client's mistake
    }

    [Fact]
    public async Task A_wrongly_typed_field_is_named_and_an_oversized_body_is_a_413()
    {
        var meeting = await Api.ScheduleMeeting();
        var response = await Api.Http.PostAsync($"/api/meetings/{meeting}/inscriptions",
            new StringContent("{\"commandId\":\"" + Guid.NewGuid() + "\",\"participant\":\"GHA\",\"level\":42}", Encoding.UTF8, "application/json"));
        Assert.StartsWith("level ", (await Api.Expect(response, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());

        response = await Api.Http.PostAsync($"/api/meetings/{meeting}/inscriptions",
            new StringContent("{\"speakerName\":\"" + new string('x', 100_000) + "\"}", Encoding.UTF8, "application/json"));
        await Api.Expect(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Empty(await Api.SpeakingOrder(meeting));
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/api/programme")]
    [InlineData("/api/meetings/not-a-meeting/nothing-here")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = App.CreateAnonymousClient();
        var response = await client.GetAsync(path);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_pages_have_no_inline_script_or_style_that_the_policy_would_block()
    {
        using var client = App.CreateAnonymousClient();
        var offences = new List<string>();
        foreach (var address in Pages.Site.Keys)
        {
            var page = address.Replace("{meetingId:guid}", Guid.NewGuid().ToString()).Replace("{room}", "Conference Room 1");
            var html = await client.GetStringAsync(page);
            if (System.Text.RegularExpressions.Regex.IsMatch(html, @"<script(?![^>]*\bsrc=)[^>]*>")) offences.Add($"{page}: inline <script>");
            if (html.Contains("<style", StringComparison.OrdinalIgnoreCase)) offences.Add($"{page}: <style> block");
            if (System.Text.RegularExpressions.Regex.IsMatch(html, @"\sstyle\s*=")) offences.Add($"{page}: style attribute");
            if (System.Text.RegularExpressions.Regex.IsMatch(html, @"\son[a-z]+\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)) offences.Add($"{page}: inline event handler");
        }
        Assert.True(offences.Count == 0, string.Join(Environment.NewLine, offences));
    }

    [Fact]
    public async Task Repeated_failures_lock_an_account_with_back_off_whether_it_exists_or_not()
    {
        await Officers.AddAsync(App.Services.GetRequiredService<IDocumentStore>(), "Ms. Locked", "the right password", App.Clock);
        using var client = App.CreateAnonymousClient();
        Task<HttpResponseMessage> SignIn(string name, string password) =>
            client.PostAsJsonAsync("/api/auth/officer/sign-in", new { name, password });

        foreach (var name in new[] { "Ms. Locked", "nobody at all" })
        {
            for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await SignIn(name, "wrong")).StatusCode);
            var locked = await SignIn(name, "the right password");
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single()), 1, 30);
        }
        // Locked for 30 seconds; the right password then works, and a success clears the count.
        App.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.OK, (await SignIn("Ms. Locked", "the right password")).StatusCode);
        // Another officer is not affected by the lockouts of others.
        Assert.Equal(HttpStatusCode.OK, (await SignIn(SpeakersListApp.OfficerName, SpeakersListApp.OfficerPassword)).StatusCode);
        Assert.True(new RateLimits().SignInsPerMinute >= 400, "the per-address limit must let 200 delegations behind one address sign in within a minute");
    }

    [Fact]
    public async Task An_officer_ends_another_officers_sessions_and_an_officer_signs_out_everywhere()
    {
        await Officers.AddAsync(App.Services.GetRequiredService<IDocumentStore>(), "Mr. Second", "second password", App.Clock);
        async Task<HttpClient> SignedIn()
        {
            using var anonymous = App.CreateAnonymousClient();
            var body = await Api.Expect(await anonymous.PostAsJsonAsync("/api/auth/officer/sign-in", new { name = "Mr. Second", password = "second password" }), HttpStatusCode.OK);
            return App.CreateClient(body["accessToken"]!.GetValue<string>());
        }
        var laptop = await SignedIn();
        var phone = await SignedIn();
        Assert.Equal(HttpStatusCode.Created, (await laptop.PostAsync("/api/delegations/GHA/access-codes", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Api.Http.DeleteAsync("/api/officers/Mr.%20Second/sessions")).StatusCode);
        await Ended(laptop);
        await Ended(phone);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.DeleteAsync("/api/officers/nobody/sessions")).StatusCode);

        var again = await SignedIn();
        var other = await SignedIn();
        Assert.Equal(HttpStatusCode.Created, (await again.PostAsync("/api/delegations/GHA/access-codes", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await again.PostAsync("/api/auth/sign-out-everywhere", null)).StatusCode);
        await Ended(other);
        // The officer who ended them is still signed in.
        Assert.Equal(HttpStatusCode.Created, (await Api.Http.PostAsync("/api/delegations/GHA/access-codes", null)).StatusCode);
    }

    // Sessions are re-checked at most every 5 seconds on each node.
    private static async Task Ended(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode status;
        do
        {
            status = (await client.PostAsync("/api/delegations/GHA/access-codes", null)).StatusCode;
            if (status != HttpStatusCode.Unauthorized) await Task.Delay(250);
        } while (status != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task An_old_format_password_hash_still_signs_in_and_is_upgraded_to_identitys()
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2("old password", salt, 1000, HashAlgorithmName.SHA256, 32);
        var store = App.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            session.Store(new Officer("old-timer", "Old-timer", $"pbkdf2-sha256$1000${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}", App.Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }
        using var client = App.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/officer/sign-in", new { name = "Old-timer", password = "old password" })).StatusCode);
        await using (var session = store.QuerySession())
        {
            var stored = (await session.LoadAsync<Officer>("old-timer"))!.PasswordHash;
            Assert.False(stored.StartsWith("pbkdf2-sha256$", StringComparison.Ordinal));
            Assert.Equal(PasswordCheck.Right, Secrets.CheckPassword("old password", stored));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/officer/sign-in", new { name = "Old-timer", password = "old password" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/officer/sign-in", new { name = "Old-timer", password = "Old password" })).StatusCode);
    }

    [Fact]
    public async Task Data_protection_keys_are_encrypted_at_rest_with_the_configured_certificate()
    {
        var folder = Directory.CreateTempSubdirectory("speakerslist-keys-test").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=SpeakersList keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            var pfx = Path.Combine(folder, "keys.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx password"));
            var keys = Path.Combine(folder, "keys");

            var builder = WebApplication.CreateBuilder();
            builder.Configuration["SpeakersList:KeysPath"] = keys;
            builder.Configuration["SpeakersList:KeysCertificate:Path"] = pfx;
            builder.Configuration["SpeakersList:KeysCertificate:Password"] = "pfx password";
            builder.AddAccess();
            await using var host = builder.Build();
            var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
            var secret = protector.Protect("a session");
            Assert.Equal("a session", protector.Unprotect(secret));

            var xml = await File.ReadAllTextAsync(Directory.GetFiles(keys, "key-*.xml").Single());
            Assert.Contains("<encryptedSecret", xml);
            Assert.DoesNotContain("<masterKey", xml); // what an unencrypted key is written as
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task An_inscription_on_a_meeting_that_does_not_exist_makes_no_queue()
    {
        var desk = App.Services.GetRequiredService<InscriptionDesk>();
        var before = desk.Queues;
        for (var i = 0; i < 20; i++)
        {
            var response = await Api.TryInscribe(Guid.NewGuid(), "GHA");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.True(desk.Queues <= before, $"{desk.Queues} queues after 20 inscriptions on made-up meetings, {before} before");
    }

    [Fact]
    public async Task The_hub_follows_only_rooms_and_participants_that_exist()
    {
        await Api.ScheduleMeeting(room: "Conference Room 4");
        var hub = App.CreateAnonymousHubConnection();
        await hub.StartAsync();
        try
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("SubscribeToRoom", "A room that is not there"));
            Assert.Contains("There is no room", refused.Message);
            await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<object>("SubscribeToDelegation", "XXX"));
            await hub.InvokeAsync<object>("SubscribeToRoom", "Conference Room 4");
            var watched = App.Services.GetRequiredService<LiveSubscriptions>().Watched("room:");
            Assert.DoesNotContain(watched, x => x.Contains("not there", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            await hub.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_yaml_file_with_an_alias_bomb_or_deep_nesting_is_refused_with_a_400()
    {
        var bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 'b'; level <= 'k'; level++)
            bomb.Append($"{level}: &{level} [{string.Join(", ", Enumerable.Repeat($"*{(char)(level - 1)}", 10))}]\n");
        var response = await Api.TryImportProgramme(bomb.ToString());
        var detail = (await Api.Expect(response, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>();
        Assert.Contains("alias", detail);

        var deep = string.Concat(Enumerable.Repeat("[", 10_000)) + string.Concat(Enumerable.Repeat("]", 10_000));
        response = await Api.TryImportProgramme(deep);
        Assert.Contains("nests deeper", (await Api.Expect(response, HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
    }
}
