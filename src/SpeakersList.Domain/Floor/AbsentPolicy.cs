namespace SpeakersList.Floor;

/// <summary>What becomes of a speaker who is not in the room when called.</summary>
public enum AbsentPolicy
{
    /// <summary>The speaker waits again, at the end of the waiting speakers.</summary>
    EndOfList,
    /// <summary>The speaker is marked absent and continues at the next meeting on the item.</summary>
    NextMeeting,
}
