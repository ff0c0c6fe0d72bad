using System.Text.RegularExpressions;

namespace SpeakersList.Interpretation;

/// <summary>How a statement reaches the Hall: spoken there, a pre-recorded video introduced there, or a speaker connected from outside.</summary>
public enum StatementMode
{
    InPerson,
    Video,
    Remote,
}

/// <summary>
/// What the interpreters need of a statement: its language (a BCP 47 tag), the official language the delegation
/// interprets it into when it is not one of the six (rule 53: the booths then take relay from it), and how it is
/// delivered. A video's known length is its slot on the floor and in the forecast.
/// </summary>
public sealed record Delivery(
    string Language,
    string? InterpretationInto = null,
    StatementMode Mode = StatementMode.InPerson,
    int? DurationSeconds = null,
    string? IntroducedBy = null)
{
    public const string DefaultLanguage = "en";

    /// <summary>The Assembly's six languages (rule 51), in the order the UN lists them.</summary>
    public static readonly IReadOnlyList<string> OfficialLanguages = ["ar", "zh", "en", "fr", "ru", "es"];

    /// <summary>A statement of an inscription stored before languages were recorded: English, in person.</summary>
    public static readonly Delivery Default = new(DefaultLanguage);

    /// <summary>Whether the booths interpret from this statement directly (its language is one of the six).</summary>
    [System.Text.Json.Serialization.JsonIgnore] // derived
    public bool IsOfficial => IsOfficialLanguage(Language);

    /// <summary>The language the booths work from: the statement's own, or the delegation's interpretation (relay).</summary>
    [System.Text.Json.Serialization.JsonIgnore] // derived
    public string Relay => InterpretationInto ?? Language;

    public static bool IsOfficialLanguage(string tag) => OfficialLanguages.Contains(Primary(tag));

    /// <summary>
    /// The delivery a request asks for, checked: a well-formed tag (the registry's language when none is given), rule 53,
    /// and a video's length within the speaker's time limit with the representative who introduces it.
    /// </summary>
    /// <param name="timeLimitSeconds">The speaker's time limit (rule 72): a video may not run longer.</param>
    public static (Delivery? Delivery, Refusal? Refusal) Of(
        string? language, string? interpretationInto, StatementMode? mode, int? durationSeconds, string? introducedBy,
        string defaultLanguage, int timeLimitSeconds)
    {
        var tag = string.IsNullOrWhiteSpace(language) ? defaultLanguage : language.Trim();
        if (Normalize(tag) is not { } normalized)
            return (null, Refusal.Invalid($"'{tag}' is not a language tag (BCP 47), such as ar, zh, en, fr, ru, es or pt-BR."));
        string? into = null;
        if (!IsOfficialLanguage(normalized))
        {
            if (string.IsNullOrWhiteSpace(interpretationInto))
                return (null, Refusal.Invalid($"A statement in '{normalized}' is not in one of the Assembly's languages (ar, zh, en, fr, ru, es): "
                    + "under rule 53 the delegation provides interpretation into one of them. Give interpretationInto.").Because("interpretation-needed"));
            into = Normalize(interpretationInto.Trim()) is { } i && IsOfficialLanguage(i) && i == Primary(i) ? i : null;
            if (into is null)
                return (null, Refusal.Invalid($"interpretationInto must be one of the Assembly's languages (ar, zh, en, fr, ru, es), not '{interpretationInto.Trim()}' (rule 53)."));
        }
        var how = mode ?? StatementMode.InPerson;
        var introducer = string.IsNullOrWhiteSpace(introducedBy) ? null : introducedBy.Trim();
        if (how == StatementMode.Video)
        {
            if (durationSeconds is not { } seconds || seconds < 1)
                return (null, Refusal.Invalid("A video statement needs its length, durationSeconds (at least 1)."));
            if (seconds > timeLimitSeconds)
                return (null, Refusal.Invalid($"The video runs {seconds} seconds; the speaker's time limit is {timeLimitSeconds} seconds (rule 72). Shorten it."));
            if (introducer is null || introducer.Length > 200)
                return (null, Refusal.Invalid("A video statement is introduced in the Hall by a representative: give introducedBy (at most 200 characters)."));
            return (new Delivery(normalized, into, how, seconds, introducer), null);
        }
        if (durationSeconds is not null || introducer is not null)
            return (null, Refusal.Invalid("durationSeconds and introducedBy are for a video statement (mode video)."));
        return (new Delivery(normalized, into, how), null);
    }

    /// <summary>A well-formed tag in its usual case (zh-Hans-CN), or null.</summary>
    public static string? Normalize(string tag)
    {
        if (tag.Length > 35 || !Shape().IsMatch(tag)) return null;
        var parts = tag.Split('-');
        for (var i = 0; i < parts.Length; i++)
            parts[i] = i == 0 ? parts[i].ToLowerInvariant()
                : parts[i].Length == 2 ? parts[i].ToUpperInvariant()
                : parts[i].Length == 4 && char.IsLetter(parts[i][0]) ? char.ToUpperInvariant(parts[i][0]) + parts[i][1..].ToLowerInvariant()
                : parts[i].ToLowerInvariant();
        return string.Join('-', parts);
    }

    private static string Primary(string tag) => tag.Split('-')[0].ToLowerInvariant();

    private static Regex Shape() => LanguageTag;

    private static readonly Regex LanguageTag = new("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.Compiled);
}
