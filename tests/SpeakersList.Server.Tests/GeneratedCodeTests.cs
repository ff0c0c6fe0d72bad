using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Model;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests;

/// <summary>
/// The server loads Wolverine's code statically from src/SpeakersList.Server/Internal/Generated. Code generated
/// before an endpoint or handler was added, renamed or changed would silently serve the old set: this generates the
/// code again from the running host, into a directory of its own, and compares it file by file with the committed one.
/// </summary>
public class The_committed_generated_code(SpeakersListApp app) : ApiTest(app)
{
    private const string Regenerate = "Run ops/codegen and commit src/SpeakersList.Server/Internal/Generated.";

    [Fact]
    public void Is_what_the_endpoints_and_handlers_generate_today()
    {
        var committed = Path.Combine(RepositoryRoot(), "src", "SpeakersList.Server", "Internal", "Generated");
        Assert.True(Directory.Exists(committed), $"There is no generated code in {committed}. {Regenerate}");

        var fresh = Path.Combine(Path.GetTempPath(), $"speakerslist-codegen-{Guid.NewGuid():N}");
        var collections = App.Services.GetServices<ICodeFileCollection>().ToArray();
        var before = collections.Select(x => x.Rules.GeneratedCodeOutputPath).ToArray();
        try
        {
            foreach (var collection in collections) collection.Rules.GeneratedCodeOutputPath = fresh;
            new DynamicCodeBuilder(App.Services, collections) { ServiceVariableSource = App.Services.GetService<IServiceVariableSource>() }
                .WriteGeneratedCode(_ => { });

            var expected = Files(fresh);
            var actual = Files(committed);
            var problems = expected.Keys.Except(actual.Keys).Select(x => $"missing: {x}")
                .Concat(actual.Keys.Except(expected.Keys).Select(x => $"no longer generated: {x}"))
                .Concat(expected.Keys.Intersect(actual.Keys).Where(x => expected[x] != actual[x]).Select(x => $"out of date: {x}"))
                .ToList();
            Assert.True(expected.Count > 0, "Nothing was generated: no endpoint or handler was found.");
            Assert.True(problems.Count == 0, $"The committed generated code is stale. {Regenerate}\n{string.Join("\n", problems)}");
        }
        finally
        {
            for (var i = 0; i < collections.Length; i++) collections[i].Rules.GeneratedCodeOutputPath = before[i];
            if (Directory.Exists(fresh)) Directory.Delete(fresh, recursive: true);
        }
    }

    /// <summary>
    /// The generated registries name the endpoint and handler classes, and the host no longer scans for others: a class
    /// added since the last generation would be missing from both the host and its regenerated code, unseen by the test above.
    /// </summary>
    [Fact]
    public void Names_every_endpoint_and_handler_class_of_the_server()
    {
        var server = typeof(Program).Assembly;
        var types = server.GetTypes().Where(x => x.Namespace?.StartsWith("Internal.Generated", StringComparison.Ordinal) != true).ToList();
        var endpoints = types.Where(x => x.GetMethods().Any(m => m.GetCustomAttributes(typeof(Wolverine.Http.WolverineHttpMethodAttribute), true).Length > 0));
        var handlers = types.Where(x => (x.Name.EndsWith("Handler", StringComparison.Ordinal) || x.Name.EndsWith("Consumer", StringComparison.Ordinal))
            && x.GetCustomAttributes(typeof(Wolverine.Attributes.WolverineIgnoreAttribute), false).Length == 0
            && x.GetMethods().Any(m => m.Name is "Handle" or "HandleAsync" or "Consume" or "ConsumeAsync"));

        var problems = Missing("endpoint class", endpoints, Registered<Wolverine.Http.HttpEndpointRegistry>(server, "GeneratedHttpEndpointRegistry", r => r.EndpointTypes()))
            .Concat(Missing("handler class", handlers, Registered<Wolverine.Runtime.Handlers.HandlerRegistry>(server, "GeneratedHandlerRegistry", r => r.HandlerTypes())))
            .ToList();
        Assert.True(problems.Count == 0, $"The generated registries are stale. {Regenerate}\n{string.Join("\n", problems)}");
    }

    private static Type[] Registered<T>(System.Reflection.Assembly server, string name, Func<T, Type[]> types)
    {
        var registry = server.GetType($"Internal.Generated.WolverineHandlers.{name}")
            ?? throw new Xunit.Sdk.XunitException($"There is no generated {name}. {Regenerate}");
        return types((T)Activator.CreateInstance(registry)!);
    }

    private static IEnumerable<string> Missing(string kind, IEnumerable<Type> found, Type[] registered) =>
        found.Except(registered).Select(x => $"{kind} not generated: {x.FullName}")
            .Concat(registered.Except(found).Select(x => $"{kind} generated but gone: {x.FullName}"));

    private static Dictionary<string, string> Files(string directory) =>
        Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .ToDictionary(x => Path.GetRelativePath(directory, x).Replace('\\', '/'), x => File.ReadAllText(x).ReplaceLineEndings("\n"));

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "SpeakersList.sln"))) return directory.FullName;
        throw new InvalidOperationException($"SpeakersList.sln was not found above {AppContext.BaseDirectory}.");
    }
}
