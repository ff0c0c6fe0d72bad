using SpeakersList.Server.Operations;
using SpeakersList.Server.Programme.Importing;

namespace SpeakersList.Server.Seed;

/// <summary>How the demo is dated: from the next weekday (an upcoming conference that can be run live), or on the seed's own dates.</summary>
public enum DemoDates
{
    Upcoming,
    Seed,
}

/// <summary>The demo conference: the seed's programme (Seed/hld-2013.yaml, embedded in the server).</summary>
public static class DemoConference
{
    /// <summary>The demo's conference id, the same on every node, so that two nodes starting together load it once.</summary>
    public static readonly Guid CommandId = new("5eed2013-0a67-4254-8000-000000000001");

    public static string SeedText()
    {
        using var stream = typeof(DemoConference).Assembly.GetManifestResourceStream("hld-2013.yaml")
            ?? throw new InvalidOperationException("Seed/hld-2013.yaml is not embedded in the server assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static ProgrammeFile SeedFile() => ProgrammeFileReader.Read(SeedText(), FileFormat.Yaml);

    /// <summary>Day 0 of the demo: the seed's, or so that its earliest day is the next weekday at the venue.</summary>
    public static DateOnly FirstDay(ProgrammeFile file, DemoDates dates, DateTimeOffset now)
    {
        if (dates == DemoDates.Seed) return file.FirstDay ?? throw new InvalidOperationException("The seed file gives no firstDay.");
        var today = VenueClock.Zone(file.TimeZone).DateOf(now);
        return ProgrammeImport.FirstDayFor(file, Weekdays.Next(today));
    }

    /// <summary>Loads the demo unless a conference exists. Answers whether it loaded it.</summary>
    public static async Task<bool> LoadAsync(IDocumentStore store, TimeProvider clock, DemoDates dates, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<Conference>().AnyAsync(cancellation)) return false;
        var file = SeedFile();
        var now = clock.GetUtcNow();
        var (_, refusal, alreadyDone) = await ProgrammeImporter.ImportAsync(session,
            new ImportProgramme(CommandId, file, FirstDay(file, dates, now)), now, cancellation);
        if (refusal is not null) throw new InvalidOperationException($"The demo programme could not be loaded: {refusal.Detail}");
        return !alreadyDone;
    }
}

/// <summary>Loads the demo at start-up when SpeakersList:LoadDemo is true (SpeakersList:DemoDates = upcoming | seed).</summary>
public sealed class DemoLoader(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<DemoLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue<bool>("SpeakersList:LoadDemo")) return;
        var setting = configuration["SpeakersList:DemoDates"] ?? nameof(DemoDates.Upcoming);
        if (!Enum.TryParse<DemoDates>(setting, ignoreCase: true, out var dates))
            throw new InvalidOperationException($"SpeakersList:DemoDates is '{setting}'; it must be upcoming or seed.");
        // Nodes starting together take turns: the second sees the conference and loads nothing.
        if (await OneNodeAtATime.RunAsync(store, OneNodeAtATime.DemoLoader, () => DemoConference.LoadAsync(store, clock, dates, cancellationToken), cancellationToken))
            logger.LogInformation("Loaded the demo conference ({Dates} dates)", dates);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
