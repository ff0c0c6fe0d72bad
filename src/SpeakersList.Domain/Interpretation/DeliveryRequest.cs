namespace SpeakersList.Interpretation;

/// <summary>
/// What a command asks of a statement's delivery, in the fields an inscription and a change of delivery share: the
/// language, the official language it is interpreted into (rule 53), the mode and, for a video, its length and who introduces it.
/// </summary>
public abstract record DeliveryRequest
{
    public string? Language { get; init; }
    public string? InterpretationInto { get; init; }
    public StatementMode? Mode { get; init; }
    public int? DurationSeconds { get; init; }
    public string? IntroducedBy { get; init; }

    /// <summary>The delivery asked for, checked (see <see cref="Delivery.Of"/>).</summary>
    public (Delivery? Delivery, Refusal? Refusal) Checked(string defaultLanguage, int timeLimitSeconds) =>
        Delivery.Of(Language, InterpretationInto, Mode, DurationSeconds, IntroducedBy, defaultLanguage, timeLimitSeconds);
}
