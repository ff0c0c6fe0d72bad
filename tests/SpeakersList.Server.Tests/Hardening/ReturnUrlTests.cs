using System.Diagnostics;
using System.Text.Json;

namespace SpeakersList.Server.Tests.Hardening;

/// <summary>
/// The sign-in page's returnUrl goes through wwwroot/js/return-url.js: only paths on this site pass.
/// The module itself is run, in Node (installed with the npm client the build uses), on the tricky cases.
/// </summary>
public sealed class ReturnUrlTests
{
    private const string Origin = "https://lists.example.org";

    public static readonly TheoryData<string, string?> Cases = new()
    {
        { "/officer", "/officer" },
        { "/delegation?meeting=1#slot", "/delegation?meeting=1#slot" },
        { "/\\evil.example", null },
        { "//evil.example", null },
        { "/%5Cevil.example", null },
        { "/%2F/evil.example", null },
        { "https:evil.example", null },
        { "https://evil.example/", null },
        { "http:/evil.example", null },
        { "javascript:alert(1)", null },
        { "/\t/evil.example", null },
        { "/\n/evil.example", null },
        { "/%09/evil.example", null },
        { "\\\\evil.example", null },
        { " /officer", null },
        { "/.//evil.example", null },
        { "/officer/..//evil.example", null },
        { "", null },
        { "officer", null },
        { "/%E0%A4%A", null },
    };

    [Fact]
    public async Task Only_paths_on_this_site_are_followed()
    {
        var module = Path.Combine(RepositoryRoot(), "src", "SpeakersList.Server", "wwwroot", "js", "return-url.js");
        var inputs = Cases.Select(x => (string)x[0]).ToArray();
        var script = $"const {{ safeReturnUrl }} = await import({JsonSerializer.Serialize(new Uri(module).AbsoluteUri)});" +
                     $"console.log(JSON.stringify({JsonSerializer.Serialize(inputs)}.map(x => safeReturnUrl(x, {JsonSerializer.Serialize(Origin)}))));";
        var start = new ProcessStartInfo("node", ["--input-type=module", "--no-warnings", "-e", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        var error = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, error);
        var answers = JsonSerializer.Deserialize<string?[]>(output)!;
        var wrong = Cases.Select((x, i) => (Input: (string)x[0], Expected: (string?)x[1], Actual: answers[i]))
            .Where(x => x.Expected != x.Actual)
            .Select(x => $"{JsonSerializer.Serialize(x.Input)}: expected {x.Expected ?? "null"}, got {x.Actual ?? "null"}").ToList();
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "SpeakersList.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (SpeakersList.sln) was not found above the test's folder.");
    }
}
