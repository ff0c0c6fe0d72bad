using SpeakersList.Server.Forecasting.LoadingHistory;

namespace SpeakersList.Server.Forecasting;

/// <summary>
/// The forecast's history: the records loaded by officers and the speeches of the conference's adjourned meetings,
/// each timed by when it ended (a loaded speech by its record's "to", a meeting's by its adjournment) so that a replay
/// learns only from what had happened by then. The model of the present is kept for a short while: learning reads
/// every list, and a speech more or less elsewhere changes little.
/// </summary>
public sealed class SpeakingHistory(TimeProvider clock)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);
    private (DateTimeOffset At, SpeakingTimeModel Model)? _present;

    /// <summary>The model learned from the history as at <paramref name="before"/> (null: now).</summary>
    public async Task<SpeakingTimeModel> ModelAsync(IQuerySession session, DateTimeOffset? before, CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        if (before is null && _present is { } present && now - present.At < Fresh) return present.Model;
        var model = SpeakingTimeModel.Learn(await SpeechesAsync(session, cancellation), before);
        if (before is null) _present = (now, model);
        return model;
    }

    /// <summary>Forget the model of the present: the loaded history changed.</summary>
    public void Changed() => _present = null;

    public static async Task<IReadOnlyList<SpokenSpeech>> SpeechesAsync(IQuerySession session, CancellationToken cancellation)
    {
        var loaded = await session.Query<LoadedRecord>().ToListAsync(cancellation);
        var lists = await session.Query<ListOfSpeakers>().ToListAsync(cancellation);
        return loaded.SelectMany(r => r.Spoken())
            .Concat(lists.Where(l => l.Floor.Status == MeetingStatus.Adjourned && l.Floor.AdjournedAt is not null)
                .SelectMany(l => Forecast.HeardIn(l).Select(s => s with { At = l.Floor.AdjournedAt })))
            .ToList();
    }
}
