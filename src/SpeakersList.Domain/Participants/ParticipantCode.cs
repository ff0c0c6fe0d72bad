namespace SpeakersList.Participants;

/// <summary>
/// A participant's code as the registry keys it (GHA, EU, HOLYSEE): typed or pasted codes are trimmed and upper-cased
/// here, in one place, before they are looked up or compared.
/// </summary>
public static class ParticipantCode
{
    public static string Normalise(string code) => code.Trim().ToUpperInvariant();

    public static bool Same(string a, string b) => string.Equals(Normalise(a), Normalise(b), StringComparison.Ordinal);
}
