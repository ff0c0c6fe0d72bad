using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using JasperFx.OpenTelemetry;
using SpeakersList.Server.Access;
using SpeakersList.Server.Forecasting;
using SpeakersList.Server.Live;
using SpeakersList.Server.Operations;
using SpeakersList.Server.Participants;
using SpeakersList.Server.Programme;
using SpeakersList.Server.Publishing;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.SpeakersLists.SchedulingOpening;
using Weasel.Core;

namespace SpeakersList.Server.Infrastructure;

/// <summary>The event store: Marten on PostgreSQL, its inline projections, its listeners, and the schema stamp read before it starts.</summary>
public static class EventStore
{
    public static WebApplicationBuilder AddEventStore(this WebApplicationBuilder builder)
    {
        // The schema is compared with the code once per build (before Marten's own start-up work, which needs it).
        builder.Services.AddSingleton(services =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            return new SchemaStamp(configuration.GetConnectionString("Marten")
                ?? throw new InvalidOperationException("ConnectionStrings:Marten is not set; ops/run provisions a local PostgreSQL and sets it."),
                configuration["SpeakersList:Schema"] ?? "speakerslist");
        });

        // Configured from the service provider so that a test host's settings are seen.
        builder.Services.AddMarten(services =>
            {
                var stamp = services.GetRequiredService<SchemaStamp>();
                var options = new StoreOptions();
                options.Connection(stamp.ConnectionString);
                options.DatabaseSchemaName = stamp.Schema;
                // Applied by this build already: no table is compared again on first use either.
                if (stamp.IsCurrent) options.AutoCreateSchemaObjects = AutoCreate.None;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, Json.Configure);
                options.Linq.MemberSources.Add(new FlatValues.QueryableMembers());
                options.Events.StreamIdentity = StreamIdentity.AsGuid;
                // The calendars and the Journal read a few event types across the session (rescheduled, moved, cancelled):
                // an index on mt_events.type keeps them from scanning every event of a long history.
                options.Events.EnableEventTypeIndex = true;
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Events.MetadataConfig.HeadersEnabled = true;
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Projections.Add<ListOfSpeakersProjection>(ProjectionLifecycle.Inline);
                options.Projections.Add<MeetingProjection>(ProjectionLifecycle.Inline);
                options.Projections.Add<ParticipantProjection>(ProjectionLifecycle.Inline);
                options.Projections.Add<ConferenceProjection>(ProjectionLifecycle.Inline);
                options.Schema.For<Participant>().Identity(x => x.Key);
                options.Schema.For<OpeningSeed>();
                PublishingStore.Configure(options);
                ForecastSetup.Configure(options);
                Officers.Configure(options);
                options.Listeners.Add(services.GetRequiredService<LiveUpdates>());
                options.Listeners.Add(services.GetRequiredService<ProgrammeChanges>());
                options.OpenTelemetry.TrackConnections = TrackLevel.Normal; // a span per connection use (the commit), for the traces
                return options;
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine(wolverine => wolverine.UseFastEventForwarding = true);

        // First of all the start-up work (Marten puts its own first): the seed and Wolverine find the schema in place.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaStamp.AtStart>());
        // Then, on a database from before them, the inline projections added since (the calendars', the forecast's), once.
        builder.Services.Insert(1, ServiceDescriptor.Singleton<IHostedService, Publishing.Calendars.ProjectionsBuilt.AtStart>());
        // Then the participants' registry, beside the rest of the start; awaited before the demo and the first request.
        builder.Services.AddSingleton<ParticipantsSeed>();
        builder.Services.Insert(2, ServiceDescriptor.Singleton<IHostedService, ParticipantsSeed.Begun>());
        return builder;
    }

    /// <summary>
    /// Builds the store and then Wolverine's runtime on the other core (the schema stamp's read, the store's options and
    /// mappings, the handlers) while the key ring is read and the pipeline and the first routes are mapped, which need
    /// neither. Wolverine's endpoints would otherwise build them on the start's one thread (about 100 ms of a start).
    /// </summary>
    public static WebApplication BuildStoreAndRuntimeBeside(this WebApplication app)
    {
        _ = Task.Run(() =>
        {
            try
            {
                app.Services.GetRequiredService<IDocumentStore>();
                app.Services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>();
            }
            catch (Exception ex)
            {
                // Built again where it is first needed, and failing there as a start always did.
                app.Logger.LogDebug("The event store and Wolverine were not built beside the start ({Error})", ex.GetBaseException().Message);
            }
        });
        return app;
    }
}
