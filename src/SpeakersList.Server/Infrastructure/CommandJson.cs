using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// A command read from its JSON body in one strict pass, or the 400 sentence that says what is wrong with it: not an
/// object, malformed, too deep, wrongly typed or encoded, a NUL in a string, or a list or object it needs left out.
/// </summary>
public sealed class CommandJson(JsonSerializerOptions api, int maxDepth)
{
    private readonly JsonSerializerOptions _strict = new(api)
    {
        RespectNullableAnnotations = true,
        MaxDepth = maxDepth,
        Converters = { new NoNul() },
    };

    public (object? Command, string? Problem) Read(ReadOnlySpan<byte> body, Type type)
    {
        if (body.StartsWith("\uFEFF"u8)) body = body[3..]; // a byte-order mark, as a stream reader would skip it
        if (body.IsEmpty) return (null, "The body is empty: send the command as a JSON object.");
        try
        {
            if (FirstToken(body) is var first and not JsonTokenType.StartObject)
                return (null, $"The body must be a JSON object (the command), not {Describe(first)}.");
            return JsonSerializer.Deserialize(body, type, _strict) is { } command
                ? (command, MissingMember(command))
                : (null, "The body must be a JSON object (the command), not null.");
        }
        catch (NulCharacter ex)
        {
            return (null, $"{Field(ex) ?? "A value"} contains a NUL character, which cannot be stored.");
        }
        catch (JsonException ex) when (ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) && !ex.Message.Contains("zero", StringComparison.Ordinal))
        {
            return (null, $"The body nests deeper than {maxDepth} levels ({Where(ex)}).");
        }
        catch (JsonException ex) when (ex.InnerException is JsonException || ex.GetType() != typeof(JsonException))
        {
            // The reader's own complaint (the text is no JSON), not the serializer's about a value.
            return (null, $"The body is not valid JSON in UTF-8 ({Where(ex)}).");
        }
        catch (JsonException ex)
        {
            return (null, FieldProblem(ex));
        }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return (null, $"The body does not fit a {type.Name}: {ex.Message}");
        }
    }

    /// <summary>A field's value that cannot be read as its type, named with the field and where it stands.</summary>
    public static string FieldProblem(JsonException ex)
    {
        var why = ex.Message.Contains("null", StringComparison.Ordinal)
            ? "must not be null"
            : ex.InnerException is FormatException or InvalidOperationException || ex.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? "has the wrong type or format"
                : "is not valid";
        return Field(ex) is { } field
            ? $"{field} {why} ({Where(ex)})."
            : $"The body does not fit the command: {(ex.Message.Length > 300 ? ex.Message[..300] : ex.Message)}";
    }

    private static string? Field(JsonException ex) => ex.Path is { Length: > 1 } path ? path.TrimStart('$').TrimStart('.') : null;

    private static string Where(JsonException ex) => $"line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}";

    private static JsonTokenType FirstToken(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = false });
        return reader.Read() ? reader.TokenType : JsonTokenType.None;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        _ => "a boolean",
    };

    /// <summary>A list or an object the command needs, left out of the body (strings are the commands' own Validate's business).</summary>
    private static string? MissingMember(object command)
    {
        foreach (var (property, name) in Required.GetOrAdd(command.GetType(), RequiredMembers))
            if (property.GetValue(command) is null) return $"{name} is required.";
        return null;
    }

    // What a command type requires is read from its nullability once per type, not at each request.
    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name)[]> Required = new();

    private static (PropertyInfo, string)[] RequiredMembers(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => !property.PropertyType.IsValueType && property.PropertyType != typeof(string) && property.GetIndexParameters().Length == 0
                && nullability.Create(property).ReadState == NullabilityState.NotNull)
            .Select(property => (property, JsonNamingPolicy.CamelCase.ConvertName(property.Name)))
            .ToArray();
    }

    private sealed class NulCharacter() : JsonException("A NUL character cannot be stored.");

    /// <summary>PostgreSQL stores no NUL character: a string holding one is refused while it is read, naming its field.</summary>
    private sealed class NoNul : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString()!;
            return text.Contains('\0') ? throw new NulCharacter() : text;
        }

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Read(ref reader, typeToConvert, options);

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);
    }
}
