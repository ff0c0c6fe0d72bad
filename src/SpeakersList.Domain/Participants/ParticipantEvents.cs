using System.Security.Cryptography;
using System.Text;

namespace SpeakersList.Participants;

// The registry's history: each participant has a stream of its own, named from its code.

/// <summary>A participant entered the registry: from the compiled data file, or added by an officer.</summary>
public sealed record ParticipantRegistered(Participant Participant, DateTimeOffset At);

/// <summary>An officer corrected a participant: name, category, regional group or speaking block.</summary>
public sealed record ParticipantCorrected(Participant Participant, DateTimeOffset At);

public static class ParticipantStreams
{
    /// <summary>A stable stream id from the code, so every node and every rebuild finds the same stream.</summary>
    public static Guid IdFor(ParticipantCode code)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("speakerslist/participant/" + code.Value));
        return new Guid(hash.AsSpan(0, 16));
    }
}
