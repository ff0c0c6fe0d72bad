global using static SpeakersList.Domain.Tests.Codes;
using SpeakersList.Participants;

namespace SpeakersList.Domain.Tests;

/// <summary>A participant code written in a test as the registry's plain string.</summary>
public static class Codes
{
    public static ParticipantCode Code(string code) => ParticipantCode.Parse(code);
}
