using System.Collections.Frozen;
using System.Text.Json;

namespace SpeakersList.Participants;

/// <summary>
/// Participants' names in the six official languages of the General Assembly (Arabic, Chinese, English, French,
/// Russian, Spanish), compiled by ops/cldr-names from Unicode CLDR with the UN's own short names as reviewed overrides
/// (participant-names.json, Unicode License v3). A participant or a language it does not list keeps the registry's name.
/// </summary>
public static class ParticipantNames
{
    public static readonly IReadOnlyList<string> Languages = ["ar", "zh", "en", "fr", "ru", "es"];

    private sealed record File(string Source, string Licence, IReadOnlyDictionary<string, Dictionary<string, string>> Names);

    private static readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, string>>> Compiled = new(Load);

    /// <summary>The name of a participant in a language (ar, zh, en, fr, ru or es); <paramref name="fallback"/> otherwise.</summary>
    public static string In(string? language, ParticipantCode code, string fallback) =>
        language is not null && Compiled.Value.TryGetValue(code.Value, out var names) && names.TryGetValue(language, out var name) ? name : fallback;

    /// <summary>Every participant it names, in one language.</summary>
    public static IReadOnlyDictionary<string, string> All(string language) =>
        Compiled.Value.Where(x => x.Value.ContainsKey(language)).ToDictionary(x => x.Key, x => x.Value[language]);

    /// <summary>Right to left for Arabic.</summary>
    public static string Direction(string? language) => language == "ar" ? "rtl" : "ltr";

    /// <summary>One of the six languages from a tag such as "fr-CH" or "zh-Hans"; null when it is none of them.</summary>
    public static string? Language(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Languages.Contains(primary) ? primary : null;
    }

    private static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        using var stream = typeof(ParticipantNames).Assembly.GetManifestResourceStream("participant-names.json")
            ?? throw new InvalidOperationException("participant-names.json is not embedded in the domain assembly.");
        var file = JsonSerializer.Deserialize<File>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("participant-names.json is empty.");
        return file.Names.ToFrozenDictionary(x => x.Key, x => x.Value.ToFrozenDictionary(), StringComparer.OrdinalIgnoreCase);
    }
}
