using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// The command contract, checked once for every endpoint whose body is a command (<see cref="IIdempotentCommand"/>):
/// the command's id is required, and an expected version, when given, is a version. Whether that version is still the
/// meeting's is decided with the command, under the meeting's lock (ListOfSpeakers.Guard): a stale one gets 409 with
/// currentVersion, by the one answer of every command (<see cref="Decisions.Respond"/>).
/// </summary>
public sealed class CommandContract : IHttpPolicy
{
    public const string ExpectedVersionPositive = "expectedVersion, when given, is the version of the meeting the client saw (1 or more).";

    public static ProblemDetails Check<TCommand>(TCommand? command) where TCommand : IIdempotentCommand => command is null
        ? WolverineContinue.NoProblems // a missing body is the body binding's answer, not the contract's
        : Validation.Check(
            (command.CommandId == Guid.Empty, Validation.CommandIdRequired),
            (command is IMeetingCommand { ExpectedVersion: < 1 }, ExpectedVersionPositive));

    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        var check = typeof(CommandContract).GetMethod(nameof(Check))!;
        foreach (var chain in chains)
            if (chain.InputType() is { } body && body.IsAssignableTo(typeof(IIdempotentCommand)))
                chain.Middleware.Insert(0, new MethodCall(typeof(CommandContract), check.MakeGenericMethod(body)));
    }
}
