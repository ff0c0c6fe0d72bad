using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration.Frames;
using JasperFx.CodeGeneration.Model;
using Wolverine.Http.CodeGen;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// An endpoint's command is the one <see cref="CommandBodies"/> read and checked: the generated endpoint takes it from
/// the request instead of deserialising the body a second time (Wolverine's own JSON reading is replaced for every
/// endpoint whose body is a command record of ours).
/// </summary>
public sealed class CommandBodyParameter : IParameterStrategy
{
    /// <summary>The command read from the body, kept on the request for its endpoint.</summary>
    public sealed record Read(object Command);

    public bool TryMatch(HttpChain chain, IServiceContainer container, ParameterInfo parameter, out Variable? variable)
    {
        variable = null;
        var type = parameter.ParameterType;
        if (chain.RequestType is not null || chain.HttpMethods.Contains("GET")
            || parameter.GetCustomAttributes().Any() || !IsCommand(type)) return false;

        var call = new MethodCall(typeof(CommandBodyParameter), typeof(CommandBodyParameter).GetMethod(nameof(From))!.MakeGenericMethod(type));
        call.ReturnVariable!.OverrideName(parameter.Name!);
        // What Wolverine's own JSON strategy records of a body (its setters are internal): the OpenAPI request body,
        // the middleware's HttpChain metadata and the other frames that ask for the command all read these two.
        RequestTypeOfChain.SetValue(chain, type);
        RequestBodyOfChain.SetValue(chain, call.ReturnVariable);
        variable = call.ReturnVariable;
        return true;
    }

    private static readonly PropertyInfo RequestTypeOfChain = typeof(HttpChain).GetProperty(nameof(HttpChain.RequestType))!;
    private static readonly PropertyInfo RequestBodyOfChain = typeof(HttpChain).GetProperty("RequestBodyVariable", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new InvalidOperationException("Wolverine's HttpChain no longer has RequestBodyVariable: see CommandBodyParameter.");

    /// <summary>Called by the generated endpoints.</summary>
    public static T From<T>(HttpContext httpContext) =>
        httpContext.Features.Get<Read>() is { Command: T command } ? command
        : throw new InvalidOperationException($"No {typeof(T).Name} was read from the body: UseCommandBodies must run before the endpoints.");

    // A record of this project's: the endpoints' aggregates are marked ([WriteAggregate]) or loaded after the command, and services are no records.
    private static bool IsCommand(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.Namespace?.StartsWith("SpeakersList", StringComparison.Ordinal) == true
        && type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;
}
