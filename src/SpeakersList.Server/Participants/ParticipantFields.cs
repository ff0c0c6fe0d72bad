namespace SpeakersList.Server.Participants;

/// <summary>The checks of the fields a participant is added and corrected with: a broken one is a 400 with its sentence.</summary>
public static class ParticipantFields
{
    public static (bool Broken, string Detail)[] Checks(string? name, ParticipantCategory category, RegionalGroup? regionalGroup, SpeakingBlock? speakingBlockOverride) =>
    [
        (Validation.Missing(name, 200), "name is required (at most 200 characters)."),
        (!Enum.IsDefined(category),
            "category must be one of memberState, observerState, europeanUnion, intergovernmentalOrganization, unSystemEntity, ngo, civilSociety, privateSector, officeHolder."),
        (regionalGroup is { } group && !Enum.IsDefined(group), "regionalGroup is not a regional group."),
        (speakingBlockOverride is { } block && !Enum.IsDefined(block), "speakingBlockOverride is not a speaking block."),
    ];
}
