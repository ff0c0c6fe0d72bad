using System.Reflection;
using Microsoft.AspNetCore.SignalR;

namespace SpeakersList.Server.Access;

/// <summary>
/// The hub's rule, for every hub method including those not yet written: reading is open to all
/// (anonymous readers, displays); a method marked [OfficerOnly] is for officers; a participant code
/// argument (marked [DelegationScoped], or a string named code, participant, participantCode,
/// delegation or delegationCode) may be used only by that delegation or an officer.
/// </summary>
public sealed class AccessHubFilter : IHubFilter
{
    private static readonly HashSet<string> ScopedNames = new(["code", "participant", "participantCode", "delegation", "delegationCode"], StringComparer.OrdinalIgnoreCase);

    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocation, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var actor = Actor.Of(invocation.Context.User);
        var method = invocation.HubMethod;
        if (!actor.IsOfficer && (method.GetCustomAttribute<OfficerOnlyAttribute>() ?? method.DeclaringType?.GetCustomAttribute<OfficerOnlyAttribute>()) is not null)
            throw new HubException($"{method.Name} is reserved for conference officers.");

        var parameters = method.GetParameters()
            .Where(p => p.ParameterType != typeof(CancellationToken) && p.GetCustomAttribute<Microsoft.AspNetCore.Mvc.FromServicesAttribute>() is null)
            .ToArray();
        for (var i = 0; i < parameters.Length && i < invocation.HubMethodArguments.Count; i++)
        {
            if (!IsDelegationScoped(parameters[i])) continue;
            if (actor.WhyNotFor(invocation.HubMethodArguments[i] as string) is { } why)
                throw new HubException(why);
        }
        return next(invocation);
    }

    public static bool IsDelegationScoped(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<DelegationScopedAttribute>() is not null
        || (parameter.ParameterType == typeof(string) && ScopedNames.Contains(parameter.Name ?? ""));
}
