using SpeakersList.Server.Forecasting.LoadingHistory;

namespace SpeakersList.Server.Forecasting;

/// <summary>
/// The forecast's history: the records loaded by officers and the speeches of the conference's adjourned meetings,
/// each timed by when it ended (a loaded speech by its record's "to", a meeting's by its adjournment) so that a replay
/// learns only from what had happened by then. The model of the present is learned again only when what it learns
/// from changed (a record loaded or cleared, a meeting adjourned): two small queries of ids tell.
/// </summary>
public sealed class SpeakingHistory
{
    private (string Fingerprint, SpeakingTimeModel Model)? _present;

    /// <summary>The model learned from the history as at <paramref name="before"/> (null: now).</summary>
    public async Task<SpeakingTimeModel> ModelAsync(IQuerySession session, DateTimeOffset? before, CancellationToken cancellation)
    {
        if (before is not null) return SpeakingTimeModel.Learn(await SpeechesAsync(session, cancellation), before);
        var loaded = await session.Query<LoadedRecord>().Select(x => x.Id).ToListAsync(cancellation);
        var adjourned = await session.Query<ListOfSpeakers>().Where(x => x.Floor.AdjournedAt != null).Select(x => x.Id).ToListAsync(cancellation);
        var fingerprint = string.Join(",", loaded.Order()) + "|" + string.Join(",", adjourned.Order());
        if (_present is { } present && present.Fingerprint == fingerprint) return present.Model;
        var model = SpeakingTimeModel.Learn(await SpeechesAsync(session, cancellation));
        _present = (fingerprint, model);
        return model;
    }

    /// <summary>Forget the model of the present: the loaded history changed.</summary>
    public void Changed() => _present = null;

    public static async Task<IReadOnlyList<SpokenSpeech>> SpeechesAsync(IQuerySession session, CancellationToken cancellation)
    {
        var loaded = await session.Query<LoadedRecord>().ToListAsync(cancellation);
        var lists = await session.Query<ListOfSpeakers>().Where(x => x.Floor.AdjournedAt != null).ToListAsync(cancellation);
        return loaded.SelectMany(r => r.Spoken())
            .Concat(lists.Where(l => l.Floor.Status == MeetingStatus.Adjourned && l.Floor.AdjournedAt is not null)
                .SelectMany(l => Forecast.HeardIn(l).Select(s => s with { At = l.Floor.AdjournedAt })))
            .ToList();
    }
}
