
namespace SpeakersList.SpeakersLists;

/// <summary>Levels of representation, highest first: the customary protocol of high-level lists.</summary>
public enum LevelOfRepresentation
{
    HeadOfState = 1,
    VicePresident = 2,
    HeadOfGovernment = 3,
    DeputyPrimeMinister = 4,
    Minister = 5,
    ViceMinister = 6,
    ChairOfDelegation = 7,
    Other = 8,
}

public static class Levels
{
    public static string Describe(this LevelOfRepresentation level) => level switch
    {
        LevelOfRepresentation.HeadOfState => "Head of State",
        LevelOfRepresentation.VicePresident => "Vice-President or Crown Prince",
        LevelOfRepresentation.HeadOfGovernment => "Head of Government",
        LevelOfRepresentation.DeputyPrimeMinister => "Deputy Prime Minister",
        LevelOfRepresentation.Minister => "Minister",
        LevelOfRepresentation.ViceMinister => "Vice-Minister",
        LevelOfRepresentation.ChairOfDelegation => "Chair of delegation",
        _ => "other level",
    };
}

/// <summary>What kind of turn an entry is: it decides the time limit and where the entry goes.</summary>
public enum EntryKind
{
    /// <summary>Arranged in the programme (opening and closing statements, para 54-55): always first, in the arranged order.</summary>
    PreArranged,
    Statement,
    RightOfReply,
}

/// <summary>How a meeting's list is ordered by default.</summary>
public enum OrderingPolicy
{
    /// <summary>Plenary default: blocks by category, then level of representation, then time of inscription.</summary>
    Protocol,
    /// <summary>Round tables and hearings: the order in which speakers signified their wish to speak (rule 68).</summary>
    FirstComeFirstServed,
}

public enum EntryState
{
    Waiting,
    Speaking,
    Heard,
    Absent,
    Withdrawn,
    CarriedOver,
}

/// <summary>What happens to the speakers not heard when the meeting is adjourned.</summary>
public enum CarryOverPolicy
{
    /// <summary>They continue at the next meeting on the same item, ahead of its own inscriptions (UN Journal practice).</summary>
    NextMeetingOnItem,
    /// <summary>The list lapses with the meeting; delegations inscribe again.</summary>
    Lapse,
}
