namespace SpeakersList.Server.Access;

/// <summary>
/// On the first start of an empty database, creates the officer "secretariat" and prints its
/// password once, to the console only (never to the logs). SpeakersList:CreateFirstOfficer=false turns it off.
/// </summary>
public sealed class FirstOfficer(IDocumentStore store, IConfiguration configuration, TimeProvider clock, ILogger<FirstOfficer> logger) : IHostedService
{
    public const string Name = "secretariat";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("SpeakersList:CreateFirstOfficer", true) || await Officers.AnyAsync(store, cancellationToken)) return;
        string password;
        try
        {
            password = await Officers.AddAsync(store, Name, null, clock, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation("The first officer was created elsewhere ({Error})", ex.GetType().Name);
            return;
        }
        logger.LogInformation("Created the first officer, {Officer}; its password was printed to the console", Name);
        Console.WriteLine($"""

              ┌──────────────────────────────────────────────────────────────────────────┐
                First start: the conference officer account was created. Shown once.
                  name      {Name}
                  password  {password}
                Sign in at /officer, or POST /api/auth/officer/sign-in.
                More officers: dotnet SpeakersList.Server.dll officer add --name NAME
              └──────────────────────────────────────────────────────────────────────────┘

            """);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// The ops command: <c>dotnet SpeakersList.Server.dll officer add --name NAME</c>. The password is read from
/// standard input when it is redirected (<c>printf '%s\n' "$PASSWORD" | ... officer add --name NAME</c>), never
/// from the command line, where other users of the machine could see it; otherwise one is generated and printed.
/// </summary>
public static class OfficerCommand
{
    public static bool Matches(string[] args) => args is ["officer", ..];

    // input: where the password is read from; standard input (when redirected) if null.
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader? input = null)
    {
        if (args is not ["officer", "add", .. var rest] || Flag(rest, "--name") is not { } name || rest.Contains("--password"))
        {
            Console.Error.WriteLine("usage: officer add --name NAME   (the password is read from standard input when it is redirected; otherwise one is generated and printed)");
            if (args.Contains("--password")) Console.Error.WriteLine("--password is not accepted: a password on the command line is visible to other users. Send it on standard input.");
            return 2;
        }
        var store = services.GetRequiredService<IDocumentStore>();
        var clock = services.GetRequiredService<TimeProvider>();
        await using (var session = store.QuerySession())
        {
            if (await session.LoadAsync<Officer>(Officers.IdFor(name)) is not null)
            {
                Console.Error.WriteLine($"An officer named '{name}' exists already.");
                return 1;
            }
        }
        var reader = input ?? (Console.IsInputRedirected ? Console.In : null);
        var given = reader is null ? null : (await reader.ReadLineAsync())?.TrimEnd('\r');
        if (string.IsNullOrEmpty(given)) given = null;
        var password = await Officers.AddAsync(store, name, given, clock);
        Console.WriteLine(given is null ? $"Officer '{name.Trim()}' created. Password (shown once): {password}" : $"Officer '{name.Trim()}' created.");
        return 0;
    }

    private static string? Flag(string[] args, string flag)
    {
        var index = Array.IndexOf(args, flag);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
