using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpeakersList.Participants;

/// <summary>
/// A participant's code as the registry keys it (GHA, EU, HOLYSEE): typed or pasted codes are trimmed and upper-cased
/// once, when the code is made, so two codes are equal exactly when they name the same participant. On the wire and in
/// the event store it is the plain string it always was.
/// </summary>
/// <remarks>
/// A value type: a code is compared and hashed far more often than it is made, and holding it costs no more than the
/// string. Its default is "no code given" (<see cref="IsNone"/>): a request that leaves the code out or blank reads as
/// that, so the command's own check refuses it with the answer it always gave; nothing in the domain makes one.
/// </remarks>
[JsonConverter(typeof(ParticipantCodeJsonConverter))]
public readonly record struct ParticipantCode : IComparable<ParticipantCode>
{
    /// <summary>The longest code a command accepts (the registry's codes are at most 20 characters).</summary>
    public const int MaxLength = 20;

    private readonly string? _value;

    private ParticipantCode(string value) => _value = value;

    /// <summary>The code, normalised; empty only for <see cref="IsNone"/>.</summary>
    public string Value => _value ?? "";

    /// <summary>Whether no code was given (the default value).</summary>
    public bool IsNone => _value is null;

    /// <summary>The code as the registry keys it, or false for a blank text, one longer than <see cref="MaxLength"/> or one holding a control character.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ParticipantCode code)
    {
        code = default;
        if (text is null) return false;
        var trimmed = text.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed.Length > MaxLength || trimmed.ContainsAnyInRange('\0', '\u001f')) return false;
        code = new ParticipantCode(trimmed.ToString().ToUpperInvariant());
        return true;
    }

    /// <summary>The code as the registry keys it; a blank or malformed text is a <see cref="FormatException"/>.</summary>
    public static ParticipantCode Parse(string text) =>
        TryParse(text, out var code) ? code
            : throw new FormatException($"'{text}' is not a participant code: 1 to {MaxLength} characters, such as GHA or EU.");

    public int CompareTo(ParticipantCode other) => string.CompareOrdinal(Value, other.Value);

    public override string ToString() => Value;
}

/// <summary>
/// A code is written as its plain string. A blank or malformed string reads as no code, so that a command's check refuses
/// it in its own words; null, and anything but a string, is refused as it was when the code was a string.
/// </summary>
public sealed class ParticipantCodeJsonConverter : JsonConverter<ParticipantCode>
{
    public override bool HandleNull => true;

    public override ParticipantCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) throw new JsonException("A participant code must not be null.");
        // GetString refuses a number, a boolean or an object as the serializer refuses it for a string.
        return ParticipantCode.TryParse(reader.GetString(), out var code) ? code : default;
    }

    public override void Write(Utf8JsonWriter writer, ParticipantCode value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);

    public override ParticipantCode ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ParticipantCode.TryParse(reader.GetString(), out var code) ? code : throw new JsonException($"'{reader.GetString()}' is not a participant code.");

    public override void WriteAsPropertyName(Utf8JsonWriter writer, ParticipantCode value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Value);
}
