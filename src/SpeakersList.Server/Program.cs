using JasperFx;
using SpeakersList.Server.Booths.Messaging;
using SpeakersList.Server.Forecasting;
using SpeakersList.Server.Live;
using SpeakersList.Server.Operations;
using SpeakersList.Server.Participants;
using SpeakersList.Server.Seed;
using SpeakersList.Server.SpeakersLists.Inscribing;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddApiDescription();
builder.Services.ConfigureHttpJsonOptions(json => Json.Configure(json.SerializerOptions));
builder.AddTelemetry();
builder.Services.AddHealth();
builder.AddAccess();
builder.Services.AddRequestGuard();
builder.Services.AddWebSecurity(builder.Configuration);
builder.AddLiveUpdates();
builder.Services.AddBooths();
builder.Services.AddForecasts();
builder.Services.AddSingleton<InscriptionDesk>();
builder.Services.AddHostedService<WarmUp>();
builder.AddEventStore();
builder.AddCommandHandling();
// After Wolverine's start, which the participants' registration runs beside; the demo needs the registry in place.
builder.Services.AddHostedService<ParticipantsSeed.Registered>();
builder.Services.AddHostedService<DemoLoader>();

var app = builder.Build();
if (OfficerCommand.Matches(args)) return await OfficerCommand.RunAsync(app.Services, args);
app.BuildStoreAndRuntimeBeside(); // beside the mapping below
app.ReadKeyRing(); // while the store is built

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
app.MapHealth();
app.MapLiveUpdates();
app.MapCommandEndpoints();
app.MapPages();

// JasperFx's commands (codegen, db-apply, ...) only when one is named: a plain start skips their assembly scan.
if (args.Length > 0 && !args[0].StartsWith('-')) return await app.RunJasperFxCommands(args);
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test hosts.</summary>
public partial class Program;
