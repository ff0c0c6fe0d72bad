using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// A <see cref="Speaker"/> held by an event, a snapshot's entry or a view is written flat: its seven fields stand in its
/// place among the holder's own, as they stood before the value type. Events already stored load unchanged, the pages
/// read the same JSON and the API document describes the same fields.
/// </summary>
public static class FlatSpeaker
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>For what is only written (answers, pushes, the API document): the holder's Speaker becomes its seven fields.</summary>
    public static void Written(JsonTypeInfo holder)
    {
        if (SpeakerIndex(holder) is not { } index) return;
        var fields = FlatFields(holder, holder.Properties[index], readBack: false).ToList();
        holder.Properties.RemoveAt(index);
        foreach (var field in Enumerable.Reverse(fields)) holder.Properties.Insert(index, field);
    }

    /// <summary>
    /// For the event store, which reads back what it wrote: the same seven fields, each read into the holder's speaker
    /// once the holder is built; the nested property stays only to bind the constructor's parameter, never written.
    /// </summary>
    public static void Stored(JsonTypeInfo holder)
    {
        if (SpeakerIndex(holder) is not { } index) return;
        var speaker = holder.Properties[index];
        var fields = FlatFields(holder, speaker, readBack: true).ToList();
        speaker.Get = null;
        foreach (var field in Enumerable.Reverse(fields)) holder.Properties.Insert(index + 1, field);
    }

    /// <summary>The API document lists the seven fields as required, as it did when the view declared them itself.</summary>
    public static Task RequireFields(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        if (schema.Properties is { } properties && context.JsonTypeInfo.Type != typeof(Speaker)
            && context.JsonTypeInfo.Type.GetProperties().Any(p => p.PropertyType == typeof(Speaker)))
        {
            var required = (schema.Required ?? new HashSet<string>())
                .Union(context.JsonTypeInfo.Options.GetTypeInfo(typeof(Speaker)).Properties.Select(p => p.Name)).ToHashSet();
            schema.Required = properties.Keys.Where(required.Contains).ToHashSet();
        }
        return Task.CompletedTask;
    }

    private static int? SpeakerIndex(JsonTypeInfo holder)
    {
        if (holder.Kind != JsonTypeInfoKind.Object || holder.Type == typeof(Speaker)) return null;
        var index = holder.Properties.ToList().FindIndex(p => p.PropertyType == typeof(Speaker));
        return index < 0 ? null : index;
    }

    private static IEnumerable<JsonPropertyInfo> FlatFields(JsonTypeInfo holder, JsonPropertyInfo nested, bool readBack)
    {
        var speakerOf = nested.Get!;
        var speakerProperty = (PropertyInfo)nested.AttributeProvider!;
        var setSpeaker = nested.Set ?? speakerProperty.SetValue;
        foreach (var field in holder.Options.GetTypeInfo(typeof(Speaker)).Properties)
        {
            var declared = (PropertyInfo)field.AttributeProvider!;
            var get = field.Get!;
            var set = field.Set ?? declared.SetValue;
            var flat = holder.CreateJsonPropertyInfo(field.PropertyType, field.Name);
            flat.Get = x => speakerOf(x) is { } speaker ? get(speaker) : null;
            // The API document marks a field nullable as the Speaker declares it.
            flat.IsGetNullable = flat.IsSetNullable = Nullability.Create(declared).ReadState != NullabilityState.NotNull;
            if (readBack)
                flat.Set = (x, value) =>
                {
                    // The holder is built with no speaker (none is nested in the JSON); its fields arrive one by one.
                    if (speakerOf(x) is not Speaker speaker)
                        setSpeaker(x, speaker = (Speaker)RuntimeHelpers.GetUninitializedObject(typeof(Speaker)));
                    set(speaker, value);
                };
            yield return flat;
        }
    }
}
