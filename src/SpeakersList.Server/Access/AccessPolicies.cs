using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace SpeakersList.Server.Access;

/// <summary>
/// Secure by default. Every endpoint without an authorization attribute falls under the fallback
/// policy: reads (GET, HEAD, OPTIONS) are public, every other method is for officers. An endpoint
/// opens a write with <see cref="DelegationMayActAttribute"/> or [AllowAnonymous] (sign-in only),
/// and closes a read with <see cref="OfficerOnlyAttribute"/>.
/// </summary>
public static class AccessPolicies
{
    public const string DelegationOrOfficer = "delegation-or-officer";
    public const string OfficerOnly = "officer-only";
    public const string BoothOrOfficer = "booth-or-officer";

    public static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().AddRequirements(new ReadOrOfficer()).Build();
        options.AddPolicy(OfficerOnly, policy => policy.AddRequirements(
            new InRole([Roles.Officer], "This is reserved for conference officers.")));
        options.AddPolicy(BoothOrOfficer, policy => policy.AddRequirements(
            new InRole([Roles.Officer, Roles.Booth], "This is for the room's interpretation booths and conference officers.")));
        options.AddPolicy(DelegationOrOfficer, policy => policy.AddRequirements(
            new InRole([Roles.Officer, Roles.Delegation], "This change is made by a delegation (for itself) or by a conference officer.")));
    }

    /// <summary>Reads are public; anything else is for officers.</summary>
    public sealed class ReadOrOfficer : AuthorizationHandler<ReadOrOfficer>, IAuthorizationRequirement
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ReadOrOfficer requirement)
        {
            var method = context.Resource switch
            {
                HttpContext http => http.Request.Method,
                _ => HttpMethods.Get, // a hub call: hub methods read, their filter checks the rest
            };
            if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || context.User.IsInRole(Roles.Officer))
                context.Succeed(requirement);
            else
                context.Fail(new AuthorizationFailureReason(this, "Only conference officers may make this change."));
            return Task.CompletedTask;
        }
    }

    /// <summary>One of the roles, with the reason given when the user has none of them.</summary>
    public sealed class InRole(string[] roles, string reason) : AuthorizationHandler<InRole>, IAuthorizationRequirement
    {
        public string Reason => reason;

        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, InRole requirement)
        {
            if (requirement.Roles.Any(context.User.IsInRole)) context.Succeed(requirement);
            else context.Fail(new AuthorizationFailureReason(this, requirement.Reason));
            return Task.CompletedTask;
        }

        private string[] Roles => roles;
    }
}

/// <summary>Answers a refusal with a ProblemDetails that says why: 401 when not signed in, 403 when not allowed.</summary>
[Wolverine.Attributes.WolverineIgnore] // ASP.NET Core's handler, not a Wolverine message handler: nothing to generate for it
public sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Succeeded)
        {
            await next(context);
            return;
        }
        var authenticated = context.User.Identity?.IsAuthenticated == true;
        var reason = result.AuthorizationFailure?.FailureReasons.Select(x => x.Message).FirstOrDefault()
                     ?? "This is reserved for conference officers.";
        var detail = authenticated ? reason : $"Sign in first. {reason}";
        await Results.Problem(Actor.Refusal(authenticated, detail)).ExecuteAsync(context);
    }
}
