using SpeakersList.Participants;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Domain.Tests.Participants;

public class A_participant_code
{
    [Theory]
    [InlineData("GHA", "gha", true)]
    [InlineData(" holysee ", "HOLYSEE", true)]
    [InlineData("GHA", "GHANA", false)]
    [InlineData("EU", "E U", false)]
    public void Names_the_same_participant_whatever_its_case_and_surrounding_spaces(string typed, string registered, bool same)
    {
        Assert.Equal(same, ParticipantCode.Same(typed, registered));
        Assert.Equal(same, ParticipantCode.Normalise(typed) == ParticipantCode.Normalise(registered));
    }

    [Fact]
    public void Tells_whom_a_speaker_represents()
    {
        var ghana = Speaker.Of(ParticipantRegistry.ByCode["GHA"], LevelOfRepresentation.Minister, " Kwame Mensah ", "Minister for Foreign Affairs", "  ");

        Assert.True(ghana.Represents("gha"));
        Assert.False(ghana.Represents("FRA"));
        Assert.Equal("Kwame Mensah", ghana.SpeakerName);
        Assert.Null(ghana.OnBehalfOf);
    }
}
