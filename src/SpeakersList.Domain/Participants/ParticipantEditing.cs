using System.Text.RegularExpressions;

namespace SpeakersList.Participants;

/// <summary>An officer adds a participant to the registry. The code is the participant's key: adding the same participant again changes nothing.</summary>
public sealed record AddParticipant(
    string Code,
    string Name,
    ParticipantCategory Category,
    RegionalGroup? RegionalGroup = null,
    SpeakingBlock? SpeakingBlockOverride = null,
    string? StatementLanguage = null);

/// <summary>An officer corrects a participant: its name, category, regional group, where it speaks in protocol order, or its usual statement language.</summary>
/// <param name="StatementLanguage">BCP 47; omitted, the registry keeps the one it has.</param>
public sealed record EditParticipant(
    string Name,
    ParticipantCategory Category,
    RegionalGroup? RegionalGroup = null,
    SpeakingBlock? SpeakingBlockOverride = null,
    string? StatementLanguage = null);

/// <summary>
/// The rules of the registry: a code names one participant for good; a Member State belongs to
/// exactly one regional group, an observer State may take part in one, and nobody else does.
/// </summary>
public static partial class ParticipantEditing
{
    public static (Participant? Stored, Refusal? Refusal) Decide(AddParticipant command, Participant? existing)
    {
        if (!ParticipantCode.TryParse(command.Code, out var code) || !CodeShape().IsMatch(code.Value))
            return (null, Invalid($"The code '{command.Code}' must be 2 to 20 letters, digits or hyphens, such as GHA or SRSG-MIG."));
        if (LanguageProblem(command.StatementLanguage, out var language) is { } bad) return (null, bad);
        var participant = new Participant(code, command.Name.Trim(), command.Category, command.RegionalGroup, command.SpeakingBlockOverride, language);
        if (existing is not null)
            return existing == participant
                ? (null, null)
                : (null, new Refusal(RefusalKind.Conflict, "The registry already has this code",
                    $"The code {code} already names {existing.Name}. Edit it with PUT /api/participants/{code}, or choose another code."));
        return GroupProblem(participant) is { } problem ? (null, problem) : (participant, null);
    }

    public static (Participant? Stored, Refusal? Refusal) Decide(EditParticipant command, Participant? existing, string code)
    {
        if (existing is null) return (null, Refusal.UnknownParticipant(code, namedByAddress: true));
        if (LanguageProblem(command.StatementLanguage, out var language) is { } bad) return (null, bad);
        var edited = existing with
        {
            StatementLanguage = language ?? existing.StatementLanguage,
            Name = command.Name.Trim(),
            Category = command.Category,
            RegionalGroup = command.RegionalGroup,
            SpeakingBlockOverride = command.SpeakingBlockOverride,
        };
        if (edited == existing) return (null, null);
        return GroupProblem(edited) is { } problem ? (null, problem) : (edited, null);
    }

    private static Refusal? GroupProblem(Participant p) => (p.Category, p.RegionalGroup) switch
    {
        (ParticipantCategory.MemberState, null) =>
            Invalid($"{p.Name} is a Member State: give its regional group (african, asiaPacific, easternEuropean, latinAmericanAndCaribbean, westernEuropeanAndOthers)."),
        (not (ParticipantCategory.MemberState or ParticipantCategory.ObserverState), not null) =>
            Invalid($"{p.Name} is not a State: only Member States and observer States take part in the regional groups. To change where it speaks, set speakingBlockOverride."),
        _ => null,
    };

    private static Refusal? LanguageProblem(string? requested, out string? language)
    {
        language = null;
        if (string.IsNullOrWhiteSpace(requested)) return null;
        language = Interpretation.Delivery.Normalize(requested.Trim());
        return language is null ? Invalid($"statementLanguage '{requested.Trim()}' is not a language tag (BCP 47), such as ar, zh, en, fr, ru, es or pt-BR.") : null;
    }

    private static Refusal Invalid(string detail) => new(RefusalKind.Invalid, "The registry does not allow it", detail);

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,19}$")]
    private static partial Regex CodeShape();
}
