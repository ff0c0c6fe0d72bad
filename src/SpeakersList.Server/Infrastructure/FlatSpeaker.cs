using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// A <see cref="Speaker"/> held by an event, a snapshot's entry or a view is written flat: its seven fields stand in its
/// place among the holder's own, as they stood before the value type. Events already stored load unchanged, the pages
/// read the same JSON and the API document describes the same fields.
/// </summary>
public static class FlatSpeaker
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> SpeakerProperties = new();
    // Options that read a holder as declared (Speaker nested, then filled by the reader); the modifier leaves them alone.
    private static readonly ConditionalWeakTable<JsonSerializerOptions, object> AsDeclared = new();
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>Writing, and the API's schema: a holder's Speaker property becomes its seven fields, in its place.</summary>
    public static void Flatten(JsonTypeInfo holder)
    {
        if (holder.Kind != JsonTypeInfoKind.Object || SpeakerPropertyOf(holder.Type) is null || AsDeclared.TryGetValue(holder.Options, out _)) return;
        var index = holder.Properties.ToList().FindIndex(p => p.PropertyType == typeof(Speaker));
        var speakerOf = holder.Properties[index].Get!;
        holder.Properties.RemoveAt(index);
        foreach (var field in holder.Options.GetTypeInfo(typeof(Speaker)).Properties.Reverse())
        {
            var get = field.Get!;
            var flat = holder.CreateJsonPropertyInfo(field.PropertyType, field.Name);
            flat.Get = x => get(speakerOf(x)!);
            // The API document marks a field nullable as the Speaker declares it.
            flat.IsGetNullable = flat.IsSetNullable = Nullability.Create((PropertyInfo)field.AttributeProvider!).ReadState != NullabilityState.NotNull;
            holder.Properties.Insert(index, flat);
        }
    }

    private static PropertyInfo? SpeakerPropertyOf(Type type) => SpeakerProperties.GetOrAdd(type, t =>
        t.IsClass && t != typeof(Speaker)
            ? t.GetProperties(BindingFlags.Public | BindingFlags.Instance).SingleOrDefault(p => p.PropertyType == typeof(Speaker))
            : null);

    /// <summary>Reading back what <see cref="Flatten"/> wrote: the event store loads events and snapshots that hold a speaker.</summary>
    public sealed class Reader : JsonConverterFactory
    {
        public override bool CanConvert(Type type) => SpeakerPropertyOf(type) is not null;

        public override JsonConverter CreateConverter(Type type, JsonSerializerOptions options)
        {
            // Without this converter: writing flattens through the modifier, reading takes the holder as declared.
            var writing = new JsonSerializerOptions(options);
            writing.Converters.Remove(writing.Converters.OfType<Reader>().Single());
            var reading = new JsonSerializerOptions(writing);
            AsDeclared.Add(reading, reading);
            return (JsonConverter)Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), writing, reading, SpeakerPropertyOf(type))!;
        }
    }

    private sealed class Holder<T>(JsonSerializerOptions writing, JsonSerializerOptions reading, PropertyInfo speakerProperty)
        : JsonConverter<T> where T : class
    {
        private readonly JsonTypeInfo<T> _written = (JsonTypeInfo<T>)writing.GetTypeInfo(typeof(T));
        private readonly JsonTypeInfo<T> _declared = (JsonTypeInfo<T>)reading.GetTypeInfo(typeof(T));
        private readonly JsonTypeInfo<Speaker> _speaker = (JsonTypeInfo<Speaker>)reading.GetTypeInfo(typeof(Speaker));

        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Null) return null;
            // The holder's own fields, then the speaker's from the same object: each read passes over the other's.
            var holder = document.RootElement.Deserialize(_declared)!;
            speakerProperty.SetValue(holder, document.RootElement.Deserialize(_speaker));
            return holder;
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, _written);
    }
}
