using System.Text.RegularExpressions;

namespace SpeakersList.Participants;

/// <summary>An officer adds a participant to the registry. The code is the participant's key: adding the same participant again changes nothing.</summary>
public sealed record AddParticipant(
    string Code,
    string Name,
    ParticipantCategory Category,
    RegionalGroup? RegionalGroup = null,
    SpeakingBlock? SpeakingBlockOverride = null);

/// <summary>An officer corrects a participant: its name, category, regional group, or where it speaks in protocol order.</summary>
public sealed record EditParticipant(
    string Name,
    ParticipantCategory Category,
    RegionalGroup? RegionalGroup = null,
    SpeakingBlock? SpeakingBlockOverride = null);

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
        var participant = new Participant(code, command.Name.Trim(), command.Category, command.RegionalGroup, command.SpeakingBlockOverride);
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
        var edited = existing with
        {
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

    private static Refusal Invalid(string detail) => new(RefusalKind.Invalid, "The registry does not allow it", detail);

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,19}$")]
    private static partial Regex CodeShape();
}
