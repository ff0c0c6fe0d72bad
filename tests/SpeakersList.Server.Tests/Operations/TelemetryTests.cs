using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Operations;

/// <summary>The service with telemetry on, its spans kept in memory instead of sent over OTLP.</summary>
public sealed class TracedApp : SpeakersListApp
{
    private RecordedSpans Spans { get; } = new();

    protected override void ConfigureHost(IWebHostBuilder web)
    {
        web.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?> { ["SpeakersList:Telemetry"] = "true" }));
        web.ConfigureServices(services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans)));
    }

    public Activity[] SpansNow() => Spans.Now();
}

/// <summary>
/// The spans the in-memory exporter hands over. It adds each one on the thread that ended it, with no lock of its own,
/// while the test reads: both go through this collection's lock.
/// </summary>
public sealed class RecordedSpans : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    public Activity[] Now() { lock (_spans) return [.. _spans]; }

    public void Add(Activity item) { lock (_spans) _spans.Add(item); }

    public void Clear() { lock (_spans) _spans.Clear(); }

    public bool Contains(Activity item) { lock (_spans) return _spans.Contains(item); }

    public void CopyTo(Activity[] array, int arrayIndex) { lock (_spans) _spans.CopyTo(array, arrayIndex); }

    public bool Remove(Activity item) { lock (_spans) return _spans.Remove(item); }

    public int Count { get { lock (_spans) return _spans.Count; } }

    public bool IsReadOnly => false;

    public IEnumerator<Activity> GetEnumerator() => ((IEnumerable<Activity>)Now()).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

[CollectionDefinition(Name)]
public sealed class TelemetryCollection : ICollectionFixture<TracedApp>
{
    public const string Name = "telemetry";
}

[Collection(TelemetryCollection.Name)]
public class Telemetry(TracedApp app)
{
    [Fact]
    public async Task A_command_makes_one_trace_from_the_request_through_the_commit_to_the_push()
    {
        await app.ResetAsync();
        var api = new Api(app.CreateClient());
        var meeting = await api.ScheduleMeeting();
        await api.Inscribe(meeting, "GHA");

        await api.Floor(meeting, "open");

        // ActivitySource listeners are process-wide: the hosts of other collections, running beside this one, are heard
        // too. This test's request is the one on this meeting's path.
        var path = $"/api/meetings/{meeting}/floor/open";
        var request = await Eventually(() => app.SpansNow().SingleOrDefault(s =>
            s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server && s.GetTagItem("url.path") as string == path));
        var trace = request.TraceId;
        var push = await Eventually(() => app.SpansNow().FirstOrDefault(s => s.Source.Name == "SpeakersList" && s.TraceId == trace));
        var inTrace = app.SpansNow().Where(s => s.TraceId == trace).ToList();

        Assert.Equal("push live views", push.DisplayName);
        Assert.Contains(inTrace, s => s.Source.Name == "Marten");   // the session's connection: the append and the commit
        Assert.Contains(inTrace, s => s.Source.Name == "Npgsql");   // the statements themselves
        Assert.True(push.StartTimeUtc >= request.StartTimeUtc, "the push follows the request that committed");
        Assert.Equal(1, push.GetTagItem("speakerslist.meetings"));
    }

    private static async Task<Activity> Eventually(Func<Activity?> find)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (find() is { } found) return found;
            if (deadline.Elapsed > TimeSpan.FromSeconds(15)) throw new TimeoutException("The span was not recorded.");
            await Task.Delay(50);
        }
    }
}
