using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Tests.Hardening;

/// <summary>The service's JSON counts each deserialisation of a <see cref="CloseList"/>, wherever it happens.</summary>
public sealed class AppCountingReads : SpeakersListApp
{
    public CountingReads<CloseList> CloseLists { get; } = new();

    protected override void ConfigureHost(IWebHostBuilder web) =>
        web.ConfigureServices(services => services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(CloseLists)));
}

/// <summary>Reads and writes a <typeparamref name="T"/> as the options without it would, counting the reads.</summary>
public sealed class CountingReads<T> : JsonConverter<T>
{
    private readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> _without = new();
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Interlocked.Increment(ref _reads);
        return JsonSerializer.Deserialize<T>(ref reader, Without(options));
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => JsonSerializer.Serialize(writer, value, Without(options));

    private JsonSerializerOptions Without(JsonSerializerOptions options) => _without.GetValue(options, with =>
    {
        var copy = new JsonSerializerOptions(with);
        copy.Converters.Remove(this);
        return copy;
    });
}

/// <summary>A command's body is checked and deserialised once on its way to the endpoint, not once per check.</summary>
public sealed class CommandBodyReads(AppCountingReads app) : IClassFixture<AppCountingReads>
{
    [Fact]
    public async Task A_commands_body_is_deserialised_once()
    {
        await app.ResetAsync();
        var officer = new Api(app.CreateClient());
        Guid meeting;
        try
        {
            meeting = await officer.ScheduleMeeting();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Once seen as a 500 in a full run (never alone): say what the service logged.
            throw new InvalidOperationException($"{ex.Message}\nlogged: {string.Join("\n", app.Logs.Messages.Where(x => x.StartsWith("Error ", StringComparison.Ordinal)).TakeLast(3))}", ex);
        }
        var before = app.CloseLists.Reads;

        await Api.Expect(await officer.Http.PostAsJsonAsync($"/api/meetings/{meeting}/speakers-list/close", new { commandId = Guid.NewGuid() }), HttpStatusCode.OK);

        Assert.Equal(1, app.CloseLists.Reads - before);
        var refused = await Api.Expect(await officer.Http.PostAsJsonAsync($"/api/meetings/{meeting}/speakers-list/close", new { commandId = "not-a-guid" }), HttpStatusCode.BadRequest);
        Assert.Contains("commandId has the wrong type or format", refused["detail"]!.GetValue<string>());
    }
}
