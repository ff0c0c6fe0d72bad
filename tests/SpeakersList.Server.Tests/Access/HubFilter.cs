using System.Security.Claims;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using SpeakersList.Server.Access;

namespace SpeakersList.Server.Tests.Access;

/// <summary>The hub filter on methods LiveHub does not have yet: what a delegation subscription will meet.</summary>
public class Hub_filter
{
    private sealed class SampleHub : Hub
    {
        public Task SubscribeToDelegation(string code) => Task.CompletedTask;
        public Task SubscribeToRoom(string room) => Task.CompletedTask;
        public Task Watch([DelegationScoped] string who, Guid meetingId) => Task.CompletedTask;
        [OfficerOnly] public Task SubscribeToConsole() => Task.CompletedTask;
    }

    private sealed class Caller(ClaimsPrincipal user) : HubCallerContext
    {
        public override string ConnectionId => "c";
        public override string? UserIdentifier => user.Identity?.Name;
        public override ClaimsPrincipal? User => user;
        public override IDictionary<object, object?> Items { get; } = new Dictionary<object, object?>();
        public override IFeatureCollection Features { get; } = new FeatureCollection();
        public override CancellationToken ConnectionAborted => CancellationToken.None;
        public override void Abort() { }
    }

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());
    private static readonly ClaimsPrincipal Ghana = Roles.Principal(Roles.Delegation, "delegation:GHA", delegation: "GHA");
    private static readonly ClaimsPrincipal Display = Roles.Principal(Roles.Display, "display:Hall", room: "Hall");
    private static readonly ClaimsPrincipal Officer = Roles.Principal(Roles.Officer, "officer:x");

    public static TheoryData<string, string, object[], bool> Cases => new()
    {
        { "officer", nameof(SampleHub.SubscribeToDelegation), ["FRA"], true },
        { "ghana", nameof(SampleHub.SubscribeToDelegation), ["GHA"], true },
        { "ghana", nameof(SampleHub.SubscribeToDelegation), ["gha"], true },
        { "ghana", nameof(SampleHub.SubscribeToDelegation), ["FRA"], false },
        { "display", nameof(SampleHub.SubscribeToDelegation), ["GHA"], false },
        { "anonymous", nameof(SampleHub.SubscribeToDelegation), ["GHA"], false },
        { "anonymous", nameof(SampleHub.SubscribeToRoom), ["Hall"], true },
        { "display", nameof(SampleHub.SubscribeToRoom), ["Hall"], true },
        { "ghana", nameof(SampleHub.Watch), ["FRA", Guid.Empty], false },
        { "ghana", nameof(SampleHub.Watch), ["GHA", Guid.Empty], true },
        { "ghana", nameof(SampleHub.SubscribeToConsole), [], false },
        { "officer", nameof(SampleHub.SubscribeToConsole), [], true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Admits_only_the_delegation_concerned_or_an_officer(string who, string method, object[] args, bool allowed)
    {
        var user = who switch { "officer" => Officer, "ghana" => Ghana, "display" => Display, _ => Anonymous };
        var invocation = new HubInvocationContext(new Caller(user), new EmptyServices(), new SampleHub(), typeof(SampleHub).GetMethod(method)!, args);
        var called = false;

        var attempt = async () => await new AccessHubFilter().InvokeMethodAsync(invocation, _ => { called = true; return ValueTask.FromResult<object?>(null); });

        if (allowed) await attempt();
        else await Assert.ThrowsAsync<HubException>(attempt);
        Assert.Equal(allowed, called);
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
