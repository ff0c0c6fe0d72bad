using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Marten;
using Marten.Linq.Members;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SpeakersList.Publishing;
using Weasel.Core;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// The domain's values that are written flat: a <see cref="Speaker"/>, a meeting's <see cref="MeetingDetails"/> or a line of
/// a meeting's record (<see cref="RecordItem"/>) held by an event, a snapshot or a view has its fields stand in its place among the holder's own, as they stood before the value
/// types. Events already stored load unchanged, the pages read the same JSON, the API document describes the same fields,
/// and queries on the event store find the fields where they are stored.
/// </summary>
public static class FlatValues
{
    private static readonly HashSet<Type> Flat = [typeof(Speaker), typeof(MeetingDetails), typeof(RecordItem)];

    /// <summary>
    /// The contract of a holder: each flat value's fields written in its place and read back into it once the holder is
    /// built (events and snapshots are read back); the nested property stays only to bind the constructor's parameter,
    /// and is never written.
    /// </summary>
    public static void Flatten(JsonTypeInfo holder)
    {
        // From the last, so that the places of the earlier ones do not move.
        foreach (var index in FlatIndices(holder).Reverse())
        {
            var nested = holder.Properties[index];
            var fields = FlatFields(holder, nested).ToList();
            nested.Get = null;
            foreach (var field in Enumerable.Reverse(fields)) holder.Properties.Insert(index + 1, field);
        }
    }

    /// <summary>The API document describes a holder as it is written: the values' fields, required, and no nested value.</summary>
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        if (schema.Properties is { } properties && FlatIndices(context.JsonTypeInfo).ToList() is { Count: > 0 } indices)
        {
            var required = (schema.Required ?? new HashSet<string>()).ToHashSet();
            foreach (var nested in indices.Select(i => context.JsonTypeInfo.Properties[i]))
            {
                properties.Remove(nested.Name);
                required.UnionWith(context.JsonTypeInfo.Options.GetTypeInfo(nested.PropertyType).Properties.Select(p => p.Name));
            }
            schema.Required = properties.Keys.Where(required.Contains).ToHashSet();
        }
        return Task.CompletedTask;
    }

    private static IEnumerable<int> FlatIndices(JsonTypeInfo holder) =>
        holder.Kind != JsonTypeInfoKind.Object || Flat.Contains(holder.Type)
            ? []
            : holder.Properties.Select((p, i) => (p, i)).Where(x => Flat.Contains(x.p.PropertyType)).Select(x => x.i).ToList();

    private static IEnumerable<JsonPropertyInfo> FlatFields(JsonTypeInfo holder, JsonPropertyInfo nested)
    {
        var type = nested.PropertyType;
        var valueOf = nested.Get!;
        var setValue = nested.Set ?? ((PropertyInfo)nested.AttributeProvider!).SetValue;
        // One per call: NullabilityInfoContext caches in a plain Dictionary and is not thread-safe. A shared one threw
        // "An item with the same key has already been added" (a 500) when two serialiser options met their first
        // Speaker at once, as two sessions committing at start-up do.
        var nullability = new NullabilityInfoContext();
        foreach (var field in holder.Options.GetTypeInfo(type).Properties)
        {
            var declared = (PropertyInfo)field.AttributeProvider!;
            var get = field.Get!;
            var set = field.Set ?? declared.SetValue;
            var flat = holder.CreateJsonPropertyInfo(field.PropertyType, field.Name);
            flat.Get = x => valueOf(x) is { } value ? get(value) : null;
            // The API document marks a field nullable as the value declares it.
            flat.IsGetNullable = flat.IsSetNullable = nullability.Create(declared).ReadState != NullabilityState.NotNull;
            if (field.Set is null && !declared.CanWrite)
            {
                // Computed by the value (a total, say): written for readers, never read back.
                yield return flat;
                continue;
            }
            flat.Set = (x, fieldValue) =>
            {
                // The holder is built with no value (none is nested in the JSON); its fields arrive one by one.
                if (valueOf(x) is not { } value) setValue(x, value = RuntimeHelpers.GetUninitializedObject(type));
                set(value, fieldValue);
            };
            yield return flat;
        }
    }

    /// <summary>
    /// Marten's queries: a member of a flat value (<c>x.Meeting.Details.Room</c>) is located among its holder's fields,
    /// where the JSON has it.
    /// </summary>
    public sealed class QueryableMembers : IMemberSource
    {
        public bool TryResolve(IQueryableMember parent, StoreOptions options, MemberInfo memberInfo, Type memberType,
            [NotNullWhen(true)] out IQueryableMember? member)
        {
            member = Flat.Contains(memberType) && parent is IHasChildrenMembers holder
                ? new InPlace(parent, holder, options.Serializer().Casing, memberInfo)
                : null;
            return member is not null;
        }

        /// <summary>The value itself: no place of its own in the JSON, its members are the holder's.</summary>
        private sealed class InPlace : QueryableMember
        {
            private readonly IHasChildrenMembers _holder;

            public InPlace(IQueryableMember parent, IHasChildrenMembers holder, Casing casing, MemberInfo member) : base(parent, casing, member)
            {
                _holder = holder;
                RawLocator = TypedLocator = parent.RawLocator;
                JSONBLocator = parent.JSONBLocator;
            }

            public override IQueryableMember FindMember(MemberInfo member) => _holder.FindMember(member);

            public override Dictionary<string, object> FindOrPlaceChildDictionaryForContainment(Dictionary<string, object> dict) => dict;
        }
    }
}
