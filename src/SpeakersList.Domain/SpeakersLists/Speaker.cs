using SpeakersList.Participants;

namespace SpeakersList.SpeakersLists;

/// <summary>
/// Who takes the floor on an inscription: the participant (its code, its name as registered, its protocol block), the
/// level at which it is represented, and the person at the microphone, possibly speaking on behalf of a group.
/// </summary>
public sealed record Speaker(
    ParticipantCode Participant, string ParticipantName, SpeakingBlock Block,
    LevelOfRepresentation Level, string SpeakerName, string SpeakerTitle, string? OnBehalfOf = null)
{
    /// <summary>The speaker a participant puts forward: names trimmed, a blank "on behalf of" is none.</summary>
    public static Speaker Of(Participant participant, LevelOfRepresentation level, string speakerName, string speakerTitle, string? onBehalfOf = null) =>
        new(participant.Code, participant.Name, participant.SpeakingBlock, level, speakerName.Trim(), speakerTitle.Trim(),
            string.IsNullOrWhiteSpace(onBehalfOf) ? null : onBehalfOf.Trim());

    /// <summary>Whether this speaker speaks for the participant with the given code.</summary>
    public bool Represents(ParticipantCode participant) => Participant == participant;

    /// <summary>The rank in protocol order: the block first; within the Member States' block, the level of representation.</summary>
    public (int Block, int Level) ProtocolRank() =>
        ((int)Block, Block == SpeakingBlock.MemberStatesAndGroups ? (int)Level : 0);
}
