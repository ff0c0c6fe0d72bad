using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// A <see cref="Speaker"/> held by an event, a snapshot's entry or a view is written flat: its seven fields stand in its
/// place among the holder's own, as they stood before the value type. Events already stored load unchanged, the pages
/// read the same JSON and the API document describes the same fields.
/// </summary>
public static class FlatSpeaker
{
    private static readonly NullabilityInfoContext Nullability = new();

    /// <summary>
    /// The contract of a holder: the seven fields written in the speaker's place and read back into it once the holder
    /// is built (events and snapshots are read back); the nested property stays only to bind the constructor's
    /// parameter, and is never written.
    /// </summary>
    public static void Flatten(JsonTypeInfo holder)
    {
        if (SpeakerIndex(holder) is not { } index) return;
        var speaker = holder.Properties[index];
        var fields = FlatFields(holder, speaker).ToList();
        speaker.Get = null;
        foreach (var field in Enumerable.Reverse(fields)) holder.Properties.Insert(index + 1, field);
    }

    /// <summary>The API document describes a holder as it is written: the seven fields, required, and no nested speaker.</summary>
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        if (schema.Properties is { } properties && SpeakerIndex(context.JsonTypeInfo) is { } index)
        {
            var nested = context.JsonTypeInfo.Properties[index].Name;
            properties.Remove(nested);
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

    private static IEnumerable<JsonPropertyInfo> FlatFields(JsonTypeInfo holder, JsonPropertyInfo nested)
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
