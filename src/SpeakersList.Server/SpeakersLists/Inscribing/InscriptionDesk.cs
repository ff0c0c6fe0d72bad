using System.Collections.Concurrent;
using System.Threading.Channels;
using SpeakersList.Publishing;

namespace SpeakersList.Server.SpeakersLists.Inscribing;

/// <summary>Who asked, for the audit trail of each event.</summary>
public sealed record Requester(string? UserName, string? CorrelationId);

/// <summary>
/// The outcome of one queued inscription: its line in the list as committed with its batch (and that list's version),
/// or a refusal.
/// </summary>
public sealed record InscriptionOutcome(SpeakersListEntryView? Entry, long Version, Refusal? Refusal, bool AlreadyDone);

/// <summary>
/// Receives inscriptions and decides them in batches, one transaction per batch on each meeting
/// (group commit). A rush of 193 delegations in the same second then costs a handful of
/// transactions instead of 193 waits on the meeting's lock. Each inscription is still decided by
/// the pure <see cref="Inscription.Decide(ListOfSpeakers, Inscribe, Participant, DateTimeOffset)"/>,
/// in the order the requests arrived, and answered only after its batch has committed. The list's view (order,
/// forecast, explanations) is computed once per batch, from the list as committed, and every answer is read from it:
/// a batch of n costs one view, not n.
/// </summary>
public sealed class InscriptionDesk(IDocumentStore store, ILogger<InscriptionDesk> logger) : IAsyncDisposable
{
    private const int MaximumBatch = 256;
    private static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(30);

    private sealed record Pending(Inscribe Command, DateTimeOffset ArrivedAt, Requester Requester,
        TaskCompletionSource<InscriptionOutcome> Answer);

    private readonly ConcurrentDictionary<Guid, Channel<Pending>> _queues = new();
    private readonly CancellationTokenSource _stopping = new();
    // The running workers only: an idle meeting's worker leaves, so nothing stays per meeting once its queue has ended.
    private readonly ConcurrentDictionary<Task, byte> _workers = new();

    public async Task<InscriptionOutcome> Submit(Guid meetingId, Inscribe command, DateTimeOffset arrivedAt, Requester requester)
    {
        var pending = new Pending(command, arrivedAt, requester,
            new TaskCompletionSource<InscriptionOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        // No queue, and no worker, for a meeting that does not exist: a made-up id costs one light query.
        if (!_queues.ContainsKey(meetingId) && !await CheckedOnce(meetingId))
            return new InscriptionOutcome(null, 0, Refusal.NoMeeting(meetingId), false);
        while (true)
        {
            var queue = _queues.GetOrAdd(meetingId, id =>
            {
                var channel = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
                var worker = Task.Run(() => Work(id, channel));
                _workers[worker] = 0;
                worker.ContinueWith(done => _workers.TryRemove(done, out _), TaskScheduler.Default);
                return channel;
            });
            if (queue.Writer.TryWrite(pending)) break;
            // That queue ended (idle) between the lookup and the write: the next lookup makes a new one.
            if (_stopping.IsCancellationRequested) throw new ObjectDisposedException(nameof(InscriptionDesk));
            _queues.TryRemove(new KeyValuePair<Guid, Channel<Pending>>(meetingId, queue));
        }
        return await pending.Answer.Task;
    }

    /// <summary>How many meetings have a queue (and a worker) just now.</summary>
    public int Queues => _queues.Count;

    /// <summary>How many workers are running just now (none once every queue has gone idle).</summary>
    public int Workers => _workers.Count;

    // The first requests of a rush all arrive before the meeting has a queue: they share one check instead of taking one
    // pooled connection each (193 at once grew the pool and stalled the round; issue 25).
    private readonly ConcurrentDictionary<Guid, Lazy<Task<bool>>> _checking = new();

    private async Task<bool> CheckedOnce(Guid meetingId)
    {
        var check = _checking.GetOrAdd(meetingId, id => new Lazy<Task<bool>>(() => MeetingExists(id)));
        try
        {
            return await check.Value;
        }
        finally
        {
            _checking.TryRemove(new KeyValuePair<Guid, Lazy<Task<bool>>>(meetingId, check));
        }
    }

    private async Task<bool> MeetingExists(Guid meetingId)
    {
        await using var session = store.QuerySession();
        return await session.Events.FetchStreamStateAsync(meetingId, _stopping.Token) is not null;
    }

    private async Task Work(Guid meetingId, Channel<Pending> channel)
    {
        var queue = channel.Reader;
        var batch = new List<Pending>(MaximumBatch);
        while (true)
        {
            bool more;
            using (var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token))
            {
                idle.CancelAfter(IdleAfter);
                try
                {
                    more = await queue.WaitToReadAsync(idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
                {
                    // Idle: the queue ends. Whatever slipped in before it closed is still decided below.
                    _queues.TryRemove(new KeyValuePair<Guid, Channel<Pending>>(meetingId, channel));
                    channel.Writer.TryComplete();
                    more = queue.TryPeek(out _);
                    if (!more) return;
                }
            }
            if (!more) return;
            batch.Clear();
            while (batch.Count < MaximumBatch && queue.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            try
            {
                await Decide(meetingId, batch);
            }
            catch (Exception ex)
            {
                // Nothing of the batch was committed: every request hears so, none is acknowledged.
                if (RequestGuard.DatabaseAway(ex))
                    logger.LogWarning("A batch of {Count} inscriptions on meeting {MeetingId} was not decided: PostgreSQL is unreachable ({Error})",
                        batch.Count, meetingId, ex.GetBaseException().Message);
                else
                    logger.LogError(ex, "A batch of {Count} inscriptions on meeting {MeetingId} failed", batch.Count, meetingId);
                foreach (var pending in batch) pending.Answer.TrySetException(ex);
            }
        }
    }

    private async Task Decide(Guid meetingId, List<Pending> batch)
    {
        await using var session = store.LightweightSession();
        // The row lock keeps other writers on this meeting (moves, the floor) out while the batch is decided.
        var stream = await session.Events.FetchForExclusiveWriting<ListOfSpeakers>(meetingId, _stopping.Token);
        if (stream.Aggregate is not { } list)
        {
            foreach (var pending in batch)
                pending.Answer.TrySetResult(new InscriptionOutcome(null, 0, Refusal.NoMeeting(meetingId), false));
            return;
        }

        // The batch's participants in one read.
        var participants = await session.LoadParticipantsAsync(batch.Select(x => x.Command.Participant), _stopping.Token);
        var decided = new List<(Pending Pending, Refusal? Refusal, bool AlreadyDone)>(batch.Count);
        foreach (var pending in batch.OrderBy(x => x.ArrivedAt))
        {
            if (!participants.TryGetValue(pending.Command.Participant, out var participant))
            {
                decided.Add((pending, Refusal.UnknownParticipant(pending.Command.Participant.Value), false));
                continue;
            }
            var decision = Inscription.Decide(list, pending.Command, participant, pending.ArrivedAt);
            if (decision.Refusal is { } refusal)
            {
                decided.Add((pending, refusal, false));
                continue;
            }
            foreach (var data in decision.Events)
            {
                var @event = session.Events.BuildEvent(data);
                @event.UserName = pending.Requester.UserName;
                @event.CorrelationId = pending.Requester.CorrelationId;
                stream.AppendOne(@event);
            }
            list = list.Evolve(decision.Events);
            decided.Add((pending, null, decision.Events.Count == 0));
        }

        if (stream.Aggregate.Version != list.Version) await session.SaveChangesAsync(_stopping.Token);

        // One view of the list as committed answers every request of the batch.
        var view = decided.Any(x => x.Refusal is null) ? SpeakersListView.From(list) : null;
        var entries = view?.Entries.ToDictionary(x => x.InscriptionId) ?? [];
        foreach (var (pending, refusal, alreadyDone) in decided)
            pending.Answer.TrySetResult(refusal is not null
                ? new InscriptionOutcome(null, list.Version, refusal, false)
                : new InscriptionOutcome(entries.GetValueOrDefault(pending.Command.CommandId), list.Version, null, alreadyDone));
    }

    /// <summary>
    /// Takes a batch's steps once, committing nothing: a meeting's list read for writing (not exclusively: no writer waits
    /// on it) and a participant read, as a batch reads them; then, on a meeting that exists only here, an inscription
    /// decided, the list's view, and what a commit writes (the events, the list, its calendars' ledger) serialised and read
    /// back. The first inscription after a start spent about 150 ms on first uses (the runtime's and Marten's code, the
    /// JSON contracts) while the rest of its rush waited for its batch: the first round's p99 was 270-300 ms, 110-125 ms
    /// once anything had been inscribed (issue 25). Nothing is saved, so nothing reaches the database.
    /// </summary>
    public async Task WarmUpAsync(TimeProvider clock, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var meetingId = await session.Query<ListOfSpeakers>().Select(x => x.Id).FirstOrDefaultAsync(cancellation);
        var stream = await session.Events.FetchForWriting<ListOfSpeakers>(meetingId == Guid.Empty ? Guid.NewGuid() : meetingId, cancellation);
        var any = await session.Query<Participant>().FirstOrDefaultAsync(cancellation);
        if (any is null || (await session.LoadParticipantsAsync([any.Code], cancellation)).Values.SingleOrDefault() is not { } participant) return;

        var now = clock.GetUtcNow();
        var details = new MeetingDetails(MeetingKind.Plenary, "Warm-up", "Warm-up", now.AddDays(1), now.AddDays(1).AddHours(3), VenueClock.Headquarters, "Warm-up");
        var scheduled = new MeetingScheduled(Guid.NewGuid(), Guid.NewGuid(), details, now);
        var list = ListOfSpeakers.For(scheduled);
        var decision = Inscription.Decide(list, new Inscribe(Guid.NewGuid(), participant.Code, LevelOfRepresentation.Minister, "Warm-up", "Minister"), participant, now);
        foreach (var data in decision.Events) stream.AppendOne(session.Events.BuildEvent(data)); // queued, never saved
        list = list.Evolve(decision.Events);
        SpeakersListView.From(list);
        var ledger = SlotLedger.Start(scheduled)!.Evolve(decision.Events);
        var serializer = store.Options.Serializer();
        foreach (var data in decision.Events) RoundTrip(serializer, data);
        RoundTrip(serializer, list);
        RoundTrip(serializer, ledger);
    }

    private static void RoundTrip(ISerializer serializer, object document)
    {
        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(serializer.ToJson(document)));
        serializer.FromJson(document.GetType(), json);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues.Values) queue.Writer.TryComplete();
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_workers.Keys);
        }
        catch (OperationCanceledException)
        {
            // Stopping: pending requests were answered with the cancellation.
        }
        _stopping.Dispose();
    }
}
