using System.Diagnostics;
using System.Diagnostics.Metrics;
using JasperFx.Events;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SpeakersList.Server.Operations;

/// <summary>
/// Traces and metrics for the operations team. OpenTelemetry is set up when OTEL_EXPORTER_OTLP_ENDPOINT is set
/// (exported over OTLP; the standard OTEL_* variables apply) or SpeakersList:Telemetry is true (a test adding its
/// own exporter); otherwise nothing is collected or sent. SpeakersList:JsonLogs=true writes the logs as JSON lines.
/// </summary>
public static class Telemetry
{
    public const string Name = "SpeakersList";

    /// <summary>Our own spans: the push of live views after a commit, in the trace of the request that committed.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Inscriptions = Meter.CreateCounter<long>(
        "speakerslist.inscriptions", "{inscription}", "Inscriptions committed (a rate gives inscriptions per second).");

    private static readonly Histogram<double> PushLatency = Meter.CreateHistogram<double>(
        "speakerslist.push.latency", "ms", "From a commit to its meeting's floor and list views handed to the hub (or the backplane) by the node that committed; rooms and delegations follow on a stage of their own.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000] });

    /// <summary>The activity sources of the libraries underneath: Npgsql's by name (Npgsql.OpenTelemetry 9 is not served), Marten's, Wolverine's.</summary>
    public static readonly string[] Sources = [Name, "Npgsql", "Marten", "Wolverine"];

    /// <summary>Meters: ours, ASP.NET Core's (requests, Kestrel, SignalR connections), HttpClient's, Npgsql's, Marten's, Wolverine's.</summary>
    public static readonly string[] Meters =
    [
        Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.SignalR", "System.Net.Http", "Npgsql", "Marten", "Wolverine",
    ];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (configuration.GetValue<bool>("SpeakersList:JsonLogs"))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(json => json.UseUtcTimestamp = true);
        }

        // OTLP is configured by the environment (seen now); SpeakersList:Telemetry may come from a test host's
        // configuration, seen only once the services are built: when neither is set, nothing is sampled or measured.
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        bool Enabled(IServiceProvider services) => otlp || services.GetRequiredService<IConfiguration>().GetValue<bool>("SpeakersList:Telemetry");

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName: configuration["OTEL_SERVICE_NAME"] ?? "speakerslist",
                serviceInstanceId: configuration["SpeakersList:Node"] ?? Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(asp => asp.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddSource(Sources))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Meters));
        builder.Services.ConfigureOpenTelemetryTracerProvider((services, tracing) =>
        {
            if (!Enabled(services)) tracing.SetSampler(new AlwaysOffSampler());
        });
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
        {
            if (!Enabled(services)) metrics.AddView(_ => MetricStreamConfiguration.Drop);
        });
        if (otlp) telemetry.UseOtlpExporter();
        return builder;
    }

    /// <summary>Counts what a commit adds that the operations team follows.</summary>
    public static void Committed(IReadOnlyList<IEvent> events)
    {
        if (!Inscriptions.Enabled) return;
        var inscribed = events.Count(e => e.Data is SpeakerInscribed);
        if (inscribed > 0) Inscriptions.Add(inscribed);
    }

    /// <summary>The push span of a batch: a child of the first commit's trace, linked to the others.</summary>
    public static Activity? StartPush(IReadOnlyList<Live.TouchedStream> batch)
    {
        if (!Source.HasListeners()) return null;
        var causes = batch.Select(x => x.Cause).Where(x => x != default).Distinct().ToList();
        var activity = Source.StartActivity("push live views", ActivityKind.Producer,
            causes.FirstOrDefault(), links: causes.Skip(1).Select(x => new ActivityLink(x)));
        activity?.SetTag("speakerslist.meetings", batch.Select(x => x.StreamId).Distinct().Count());
        return activity;
    }

    /// <summary>Records the latency of every commit in a pushed batch.</summary>
    public static void Pushed(IReadOnlyList<Live.TouchedStream> batch)
    {
        if (!PushLatency.Enabled) return;
        var now = Stopwatch.GetTimestamp();
        foreach (var committedAt in batch.Select(x => x.CommittedAt).Distinct())
            PushLatency.Record(Stopwatch.GetElapsedTime(committedAt, now).TotalMilliseconds);
    }
}
