using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using SpeakersList.Server.Access;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Access;

/// <summary>The service configured with Authentication:Oidc; the provider's metadata is given in place of a download.</summary>
public sealed class OidcApp : SpeakersListApp
{
    public const string Issuer = "https://login.example.org/realms/un";
    public const string Audience = "speakerslist";
    public static readonly SymmetricSecurityKey Key = new(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    protected override void ConfigureHost(IWebHostBuilder web)
    {
        web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Authority"] = Issuer,
            ["Authentication:Oidc:Audience"] = Audience,
            ["Authentication:Oidc:RoleClaim"] = "groups",
            ["Authentication:Oidc:DelegationClaim"] = "un_delegation",
        }));
        web.ConfigureServices(services => services.PostConfigure<JwtBearerOptions>(AccessSetup.OidcScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            configuration.SigningKeys.Add(Key);
            options.Configuration = configuration;
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        }));
    }

    // The provider's clock is real time: JwtBearer checks the lifetime against the system clock.
    public string Token(params Claim[] claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity(claims),
        IssuedAt = DateTime.UtcNow,
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
    });
}

[CollectionDefinition(Name)]
public sealed class OidcCollection : ICollectionFixture<OidcApp>
{
    public const string Name = "oidc";
}

[Collection(OidcCollection.Name)]
public class External_provider(OidcApp app) : IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_delegation_token_from_the_provider_acts_for_its_delegation_only()
    {
        var meeting = await new Api(app.CreateClient()).ScheduleMeeting();
        var ghana = new Api(app.CreateClient(app.Token(new Claim("preferred_username", "k.mensah"), new Claim("groups", "delegation"), new Claim("un_delegation", "gha"))));

        var me = await Api.Read<SignedInUser>(await ghana.Http.GetAsync("/api/auth/me"));
        Assert.Equal("delegation", me.Role);
        Assert.Equal("GHA", me.Delegation);
        Assert.Equal("oidc:k.mensah", me.Name);
        await ghana.Inscribe(meeting, "GHA");
        Assert.Equal(HttpStatusCode.Forbidden, (await ghana.TryInscribe(meeting, "FRA")).StatusCode);
    }

    [Fact]
    public async Task An_officer_token_from_the_provider_runs_the_meeting_and_the_built_in_sign_in_still_works()
    {
        var officer = new Api(app.CreateClient(app.Token(new Claim("sub", "42"), new Claim("groups", "officer"))));
        var meeting = await officer.ScheduleMeeting();
        await new Api(app.CreateClient()).Inscribe(meeting, "FRA"); // the built-in officer token
        Assert.Equal(["FRA"], await officer.SpeakingOrder(meeting));
    }

    [Fact]
    public async Task A_token_without_a_role_or_for_another_audience_is_refused()
    {
        var noRole = app.CreateClient(app.Token(new Claim("sub", "7")));
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = OidcApp.Issuer, Audience = "another-app", Subject = new ClaimsIdentity([new Claim("groups", "officer")]),
            IssuedAt = DateTime.UtcNow, Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(OidcApp.Key, SecurityAlgorithms.HmacSha256),
        });
        var otherAudience = app.CreateClient(forged);

        foreach (var client in new[] { noRole, otherAudience })
        {
            var response = await client.PostAsync("/api/meetings", new StringContent("{}", new MediaTypeHeaderValue("application/json")));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }
}
