using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using JasperFx.Events.Projections;
using SpeakersList.Server.Live;
using SpeakersList.Server.Operations;
using SpeakersList.Server.Participants;
using SpeakersList.Server.Programme;
using SpeakersList.Server.Seed;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.Server.SpeakersLists.Inscribing;
using Weasel.Core;
using Wolverine;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi(options => ParticipantCodeSchema.Configure(options.AddSchemaTransformer(FlatValues.Describe)));
builder.Services.AddSignalR().AddJsonProtocol(json => Json.Configure(json.PayloadSerializerOptions)).AddBackplane(builder.Configuration);
builder.AddTelemetry();
builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", openApi => openApi.AddOperationTransformer<SpeakersList.Server.Programme.Importing.ProgrammeFileBody>());
builder.Services.AddApiDescriptions();
builder.Services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready"]);
builder.AddAccess();
builder.Services.AddRequestGuard();
builder.Services.AddWebSecurity(builder.Configuration);
builder.Services.AddSingleton<LiveUpdates>();
builder.Services.AddSingleton<InscriptionDesk>();
builder.Services.AddSingleton<LiveSubscriptions>();
builder.Services.AddHostedService<LivePublisher>();
builder.Services.AddSingleton<ProgrammeChanges>();
builder.Services.AddSingleton(WalkingTime.From(builder.Configuration));
builder.Services.AddHostedService<ProgrammePublisher>();
builder.Services.ConfigureHttpJsonOptions(json => Json.Configure(json.SerializerOptions));

// The schema is compared with the code once per build (before Marten's own start-up work, which needs it).
builder.Services.AddSingleton(services =>
{
    var configuration = services.GetRequiredService<IConfiguration>();
    return new SchemaStamp(configuration.GetConnectionString("Marten")
        ?? throw new InvalidOperationException("ConnectionStrings:Marten is not set; ops/run provisions a local PostgreSQL and sets it."),
        configuration["SpeakersList:Schema"] ?? "speakerslist");
});

// The event store. Configured from the service provider so that a test host's settings are seen.
builder.Services.AddMarten(services =>
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var stamp = services.GetRequiredService<SchemaStamp>();
        var options = new StoreOptions();
        options.Connection(stamp.ConnectionString);
        options.DatabaseSchemaName = stamp.Schema;
        // Applied by this build already: no table is compared again on first use either.
        if (stamp.IsCurrent) options.AutoCreateSchemaObjects = AutoCreate.None;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, Json.Configure);
        options.Linq.MemberSources.Add(new FlatValues.QueryableMembers());
        options.Events.StreamIdentity = StreamIdentity.AsGuid;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.MetadataConfig.UserNameEnabled = true;
        options.Projections.Add<ListOfSpeakersProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<MeetingProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ParticipantProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<ConferenceProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Participant>().Identity(x => x.Key);
        options.Schema.For<SpeakersList.Server.SpeakersLists.SchedulingOpening.OpeningSeed>();
        SpeakersList.Server.Publishing.PublishingStore.Configure(options);
        Officers.Configure(options);
        options.Listeners.Add(services.GetRequiredService<LiveUpdates>());
        options.Listeners.Add(services.GetRequiredService<ProgrammeChanges>());
        options.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal; // a span per connection use (the commit), for the traces
        return options;
    })
    .UseLightweightSessions()
    .InitializeWith<ParticipantsSeed>()
    .IntegrateWithWolverine(wolverine => wolverine.UseFastEventForwarding = true);
// First of all the start-up work (Marten puts its own first): the seed and Wolverine find the schema in place.
builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaStamp.AtStart>());

builder.Host.UseWolverine(options =>
{
    options.Policies.AutoApplyTransactions();
    options.EnableRelayOfUserName = true; // the signed-in user becomes the events' user name
    // Handlers and endpoints are generated ahead of time (ops/codegen, into Internal/Generated) and loaded
    // statically: no Roslyn at run time, so a start of about a second and no compiler in memory.
    options.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
    // Several nodes: Balanced elects one leader for the once-only agents, and a local message (the carry-over of an
    // adjournment) is stored with the commit that raised it and handled once, by another node if its own dies.
    options.Durability.Mode = DurabilityMode.Balanced;
    options.Policies.UseDurableLocalQueues();
    // The draw at the end of an opening window, on its own queue (durable, as every local queue above).
    options.PublishMessage<SpeakersList.Server.SpeakersLists.SchedulingOpening.DrawOpeningLot>().ToLocalQueue("opening-draws");
});
builder.Services.AddWolverineHttp();
// After Marten's start-up (schema, participants), so the demo finds the registry in place.
builder.Services.AddHostedService<DemoLoader>();

var app = builder.Build();
if (OfficerCommand.Matches(args)) return await OfficerCommand.RunAsync(app.Services, args);

app.UseWebSecurity();
app.UseExceptionHandler();
app.UseRequestGuard(); // the database away 503, a client's error 4xx, from here on
app.UseStatusCodePages();
app.UseArrivalTime();
app.UseStaticFiles();
app.UseAccess();
app.UseCommandBodies(); // bad bodies 400/413, once the caller is known to be allowed

app.MapOpenApi("/openapi/{documentName}.json");
app.MapApiPage();
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
app.MapHub<LiveHub>("/hubs/live").AllowAnonymous(); // reading is public; AccessHubFilter checks each method
app.MapWolverineEndpoints(options =>
{
    options.WarmUpRoutes = RouteWarmup.Eager;
    // A query value that does not parse (?expectedVersion=abc) is bad input: 400, never a silent default.
    options.RejectUnparseableQueryValues = true;
    // One command contract (commandId, expectedVersion) and one place that documents the ProblemDetails answers.
    options.AddPolicy<CommandContract>();
    options.AddPolicy<ProblemResponses>();
});
app.MapPages();

// JasperFx's commands (codegen, db-apply, ...) only when one is named: a plain start skips their assembly scan.
if (args.Length > 0 && !args[0].StartsWith('-')) return await app.RunJasperFxCommands(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test hosts.</summary>
public partial class Program;
