namespace SpeakersList;

/// <summary>
/// An event on a meeting's stream: the programme's, the list's and the floor's. Each says which
/// meeting and when it happened (from the server's TimeProvider), so a replay "as at" a moment
/// needs nothing else.
/// </summary>
public interface IMeetingEvent
{
    Guid MeetingId { get; }

    DateTimeOffset At { get; }
}

/// <summary>An event on a conference's stream (its days, rooms and round-table participation).</summary>
public interface IConferenceEvent
{
    Guid ConferenceId { get; }
}

/// <summary>A fold met an event it has no arm for: a new event was added without teaching the fold.</summary>
public sealed class UnknownEvent(object @event, string fold)
    : InvalidOperationException($"{fold} does not know the event {@event.GetType().Name}; add it to the fold.");

/// <summary>
/// A snapshot kept from a stream of its own: the stream's first event starts it (<see cref="Start"/>), every later
/// one evolves it. The inline snapshot, the history and the replay all fold it through <see cref="StreamFold"/>.
/// </summary>
public interface IStreamSnapshot<TSelf, in TEvent> where TSelf : class, IStreamSnapshot<TSelf, TEvent>
{
    /// <summary>The snapshot the stream's first event starts, or null when the event cannot begin such a stream.</summary>
    static abstract TSelf? Start(TEvent first);

    TSelf Evolve(TEvent @event);
}

public static class StreamFold
{
    /// <summary>The snapshot after one more event of its stream.</summary>
    public static TSnapshot Next<TSnapshot, TEvent>(TSnapshot? snapshot, TEvent @event) where TSnapshot : class, IStreamSnapshot<TSnapshot, TEvent> =>
        snapshot?.Evolve(@event) ?? TSnapshot.Start(@event)
        ?? throw new InvalidOperationException($"A stream of {typeof(TSnapshot).Name} cannot begin with {@event?.GetType().Name}.");

    /// <summary>The snapshot after the events, one by one in their order: the decision's events folded into the snapshot they change.</summary>
    public static TSnapshot Evolve<TSnapshot, TEvent>(this TSnapshot snapshot, IEnumerable<TEvent> events) where TSnapshot : class, IStreamSnapshot<TSnapshot, TEvent> =>
        events.Aggregate(snapshot, (folded, e) => folded.Evolve(e));
}
