using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SpeakersList.Server.Infrastructure;

/// <summary>One JSON shape for the API, the hub and the event store: camelCase, enums as camelCase strings, a speaker's fields flat.</summary>
public static class Json
{
    public static void Configure(JsonSerializerOptions options) => Configure(options, FlatSpeaker.Written);

    /// <summary>The event store's: the same shape, and it reads back the events and snapshots that hold a speaker.</summary>
    public static void ConfigureStore(JsonSerializerOptions options) => Configure(options, FlatSpeaker.Stored);

    private static void Configure(JsonSerializerOptions options, Action<JsonTypeInfo> flatSpeaker)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(flatSpeaker);
    }
}
