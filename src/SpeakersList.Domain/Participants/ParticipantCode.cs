namespace SpeakersList.Participants;

/// <summary>
/// A participant's code as the registry keys it (GHA, EU, HOLYSEE): typed or pasted codes are trimmed and upper-cased
/// here, in one place, before they are looked up or compared.
/// </summary>
public static class ParticipantCode
{
    public static string Normalise(string code) => code.Trim().ToUpperInvariant();

    /// <summary>Whether two codes name the same participant, as <see cref="Normalise"/> would key them (without allocating).</summary>
    public static bool Same(string a, string b) => a.AsSpan().Trim().Equals(b.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
}
