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

/// <summary>The fold of an inline snapshot: the stream's first event starts the snapshot, every later one evolves it.</summary>
public static class StreamFold
{
    public static TSnapshot Next<TSnapshot, TEvent, TFirst>(TSnapshot? snapshot, TEvent @event, Func<TFirst, TSnapshot> start, Func<TSnapshot, TEvent, TSnapshot> evolve)
        where TSnapshot : class where TFirst : TEvent =>
        snapshot is not null ? evolve(snapshot, @event)
        : @event is TFirst first ? start(first)
        : throw new InvalidOperationException($"A stream of {typeof(TSnapshot).Name} begins with {typeof(TFirst).Name}, not with {@event?.GetType().Name}.");
}
