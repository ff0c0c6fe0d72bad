using System.Text.Json.Serialization;

namespace SpeakersList.Floor;

/// <summary>
/// The clock of one speech, as the server keeps it: the time spoken before the current run, when
/// the current run started (null while paused), and the limit. Screens hold the same three numbers
/// and count down themselves; nothing is ever cut off: past the limit the clock shows the overrun.
/// </summary>
public sealed record SpeechClock(DateTimeOffset? RunStartedAt, TimeSpan SpokenBefore, int AllottedSeconds)
{
    public static SpeechClock NotStarted(int allottedSeconds) => new(null, TimeSpan.Zero, allottedSeconds);

    [JsonIgnore] // derived: not stored in the snapshot
    public bool Running => RunStartedAt is not null;

    public SpeechClock Start(DateTimeOffset at) => Running ? this : this with { RunStartedAt = at };

    public SpeechClock Pause(DateTimeOffset at) =>
        RunStartedAt is { } started ? new SpeechClock(null, SpokenBefore + NotNegative(at - started), AllottedSeconds) : this;

    public SpeechClock Extend(int seconds) => this with { AllottedSeconds = AllottedSeconds + seconds };

    /// <summary>The time spoken by <paramref name="now"/>.</summary>
    public TimeSpan Spoken(DateTimeOffset now) =>
        RunStartedAt is { } started ? SpokenBefore + NotNegative(now - started) : SpokenBefore;

    /// <summary>Time left; negative once the speaker is over the limit.</summary>
    public TimeSpan Remaining(DateTimeOffset now) => TimeSpan.FromSeconds(AllottedSeconds) - Spoken(now);

    public TimeSpan Overrun(DateTimeOffset now) => Remaining(now) is var left && left < TimeSpan.Zero ? left.Negate() : TimeSpan.Zero;

    /// <summary>When the limit is reached if the speech runs on without pause; null while paused.</summary>
    public DateTimeOffset? LimitReachedAt => RunStartedAt?.AddSeconds(AllottedSeconds) - SpokenBefore;

    /// <summary>What the podium shows: "4:59" counting down, then "+0:42" for the overrun.</summary>
    public string Display(DateTimeOffset now) => Format(Remaining(now));

    public static string Format(TimeSpan remaining)
    {
        if (remaining >= TimeSpan.Zero)
        {
            // Counting down, a screen shows 0:01 until the last fraction of a second has gone.
            var seconds = (long)Math.Ceiling(remaining.TotalSeconds);
            return $"{seconds / 60}:{seconds % 60:00}";
        }
        var over = (long)Math.Floor(remaining.Negate().TotalSeconds);
        return $"+{over / 60}:{over % 60:00}";
    }

    private static TimeSpan NotNegative(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
