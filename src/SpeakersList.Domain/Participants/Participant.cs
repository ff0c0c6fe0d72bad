using System.Text.Json.Serialization;

namespace SpeakersList.Participants;

public enum ParticipantCategory
{
    MemberState,
    ObserverState,
    EuropeanUnion,
    IntergovernmentalOrganization,
    UnSystemEntity,
    Ngo,
    CivilSociety,
    PrivateSector,
    /// <summary>The Secretary-General, the President of the Assembly and the like: pre-arranged speakers.</summary>
    OfficeHolder,
}

public enum RegionalGroup
{
    African,
    AsiaPacific,
    EasternEuropean,
    LatinAmericanAndCaribbean,
    WesternEuropeanAndOthers,
}

/// <summary>
/// Where a participant speaks in protocol order. It follows from the category by default and
/// can be set per participant, because observers' rights change (A/RES/65/276, A/RES/ES-10/23).
/// </summary>
public enum SpeakingBlock
{
    MemberStatesAndGroups = 1,
    ObserverStatesAndEuropeanUnion = 2,
    OtherObserversAndUnSystem = 3,
    NonState = 4,
}

public sealed record Participant(
    ParticipantCode Code,
    string Name,
    ParticipantCategory Category,
    RegionalGroup? RegionalGroup,
    SpeakingBlock? SpeakingBlockOverride = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] // unknown: not written, as before the field existed
    string? StatementLanguage = null)
{
    /// <summary>The language the participant usually speaks in (BCP 47), the default of its inscriptions; English where unknown.</summary>
    [JsonIgnore]
    public string StatementLanguageOrDefault => StatementLanguage ?? Interpretation.Delivery.DefaultLanguage;

    /// <summary>The key of the registry's document: the code's string, as the documents already stored are keyed.</summary>
    [JsonIgnore]
    public string Key => Code.Value;

    public SpeakingBlock SpeakingBlock => SpeakingBlockOverride ?? DefaultBlock(Category);

    public static SpeakingBlock DefaultBlock(ParticipantCategory category) => category switch
    {
        ParticipantCategory.MemberState => SpeakingBlock.MemberStatesAndGroups,
        ParticipantCategory.ObserverState or ParticipantCategory.EuropeanUnion => SpeakingBlock.ObserverStatesAndEuropeanUnion,
        ParticipantCategory.IntergovernmentalOrganization or ParticipantCategory.UnSystemEntity
            or ParticipantCategory.OfficeHolder => SpeakingBlock.OtherObserversAndUnSystem,
        _ => SpeakingBlock.NonState,
    };

    public static string Describe(SpeakingBlock block) => block switch
    {
        SpeakingBlock.MemberStatesAndGroups => "Member States and groups of States",
        SpeakingBlock.ObserverStatesAndEuropeanUnion => "observer States and the European Union",
        SpeakingBlock.OtherObserversAndUnSystem => "other observers and UN-system entities",
        _ => "NGO, civil-society and private-sector speakers",
    };
}
