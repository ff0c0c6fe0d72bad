using System.Collections.Concurrent;
using Marten.Services;
using SpeakersList.Server.Forecasting.LoadingHistory;

namespace SpeakersList.Server.Forecasting;

/// <summary>
/// The forecast's history: the records loaded by officers and the speeches of the conference's adjourned meetings,
/// each timed by when it ended (a loaded speech by its record's "to", a meeting's by its adjournment) so that a replay
/// learns only from what had happened by then.
/// What was read, and the model of the present learned from it, are kept: every list's GET, snapshot and push, every
/// <c>?at=</c> replay and accuracy uses them. This node forgets them as soon as it commits an adjournment or loads or clears
/// a record (<see cref="SpeakingHistoryChanges"/>); what another node did is seen when the node checks again, at most
/// <see cref="Trusted"/> later (one query over the small tables' ids and versions tells whether anything changed).
/// An adjourned meeting is read from its <see cref="AdjournedMeeting"/> (its heard speeches only), not from its list.
/// </summary>
public sealed class SpeakingHistory
{
    /// <summary>How long a node trusts what it read before asking the database whether another node changed the history.</summary>
    public static readonly TimeSpan Trusted = TimeSpan.FromSeconds(10);

    private sealed record Read(string Fingerprint, IReadOnlyList<SpokenSpeech> Speeches, SpeakingTimeModel Present, long CheckedAt)
    {
        /// <summary>When each timed speech ended, in order: the speeches ended by a moment are a prefix of them.</summary>
        private readonly DateTimeOffset[] _ends = Speeches.Where(s => s.At is not null).Select(s => s.At!.Value).Order().ToArray();

        // The models of the past learned so far, by how many timed speeches had ended (a replay's moments mostly share a few).
        private readonly ConcurrentDictionary<int, SpeakingTimeModel> _past = new();

        /// <summary>The model as at a moment: learned from the same speeches as another moment with as many ended, so learned once.</summary>
        public SpeakingTimeModel Before(DateTimeOffset moment)
        {
            var ended = EndedBy(moment);
            if (ended == _ends.Length) return Present;
            if (_past.Count >= 64) _past.Clear();
            return _past.GetOrAdd(ended, _ => SpeakingTimeModel.Learn(Speeches, moment));
        }

        private int EndedBy(DateTimeOffset moment)
        {
            var (low, high) = (0, _ends.Length);
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_ends[middle] <= moment) low = middle + 1; else high = middle;
            }
            return low;
        }
    }

    private Read? _read;
    private long _generation;
    private readonly SemaphoreSlim _reading = new(1, 1);

    /// <summary>The model learned from the history as at <paramref name="before"/> (null: now).</summary>
    public async Task<SpeakingTimeModel> ModelAsync(IQuerySession session, DateTimeOffset? before, CancellationToken cancellation)
    {
        var read = await ReadAsync(session, cancellation);
        return before is null ? read.Present : read.Before(before.Value);
    }

    /// <summary>Every speech of the history (loaded and adjourned), each with when it ended.</summary>
    public async Task<IReadOnlyList<SpokenSpeech>> SpeechesAsync(IQuerySession session, CancellationToken cancellation) =>
        (await ReadAsync(session, cancellation)).Speeches;

    /// <summary>Forget what was read: the history changed (a record loaded or cleared, a meeting adjourned, the data reset).</summary>
    public void Changed()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _read, null);
    }

    private static bool Fresh(Read? read) => read is not null && Environment.TickCount64 - read.CheckedAt < Trusted.TotalMilliseconds;

    private async Task<Read> ReadAsync(IQuerySession session, CancellationToken cancellation)
    {
        if (Volatile.Read(ref _read) is { } known && Fresh(known)) return known;
        await _reading.WaitAsync(cancellation);
        try
        {
            var kept = Volatile.Read(ref _read);
            if (Fresh(kept)) return kept!;
            var generation = Interlocked.Read(ref _generation);
            var fingerprint = await FingerprintAsync(session, cancellation);
            var read = kept is not null && kept.Fingerprint == fingerprint
                ? kept with { CheckedAt = Environment.TickCount64 }
                : await LearnAsync(session, fingerprint, cancellation);
            // A change heard meanwhile: this read may predate it, so it answers this once and is not kept.
            if (Interlocked.Read(ref _generation) == generation) Volatile.Write(ref _read, read);
            return read;
        }
        finally
        {
            _reading.Release();
        }
    }

    /// <summary>
    /// What the history is made of: the loaded records' and the adjourned meetings' ids with each row's version (Marten's
    /// <c>mt_version</c>, new at every write). One query over two small tables' narrow columns: no document's JSON is read.
    /// </summary>
    private static async Task<string> FingerprintAsync(IQuerySession session, CancellationToken cancellation)
    {
        // Raw SQL does not create a table on first use as Marten's queries do (a start that stamps the schema creates both).
        await session.Database.EnsureStorageExistsAsync(typeof(LoadedRecord), cancellation);
        await session.Database.EnsureStorageExistsAsync(typeof(AdjournedMeeting), cancellation);
        static string Rows(IQuerySession session, Type type) =>
            $"(select coalesce(md5(string_agg(id::text || ':' || mt_version::text, ',' order by id)), '') from {session.DocumentStore.Options.FindOrResolveDocumentType(type).TableName.QualifiedName})";
        var rows = await session.AdvancedSql.QueryAsync<string>(
            $"select {Rows(session, typeof(LoadedRecord))} || '|' || {Rows(session, typeof(AdjournedMeeting))}", cancellation);
        return rows.Single();
    }

    private static async Task<Read> LearnAsync(IQuerySession session, string fingerprint, CancellationToken cancellation)
    {
        var loaded = await session.Query<LoadedRecord>().ToListAsync(cancellation);
        var adjourned = await session.Query<AdjournedMeeting>().ToListAsync(cancellation);
        var speeches = loaded.SelectMany(r => r.Spoken()).Concat(adjourned.SelectMany(m => m.Spoken())).ToList();
        return new Read(fingerprint, speeches, SpeakingTimeModel.Learn(speeches), Environment.TickCount64);
    }
}

/// <summary>Hears this node's commits: an adjournment changes the forecast's history (a record loaded or cleared says so itself).</summary>
public sealed class SpeakingHistoryChanges(SpeakingHistory history) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        if (commit.GetEvents().Any(e => e.Data is MeetingAdjourned)) history.Changed();
        return Task.CompletedTask;
    }
}
