namespace SpeakersList;

/// <summary>A command that carries an id chosen by the client, so that a retried request takes effect once.</summary>
public interface IIdempotentCommand
{
    Guid CommandId { get; }
}

/// <summary>
/// A command on a meeting's list or floor. Besides its id it may carry the version of the meeting the client saw:
/// a stale one is refused (409 with the current version) rather than applied to a list the client has not seen.
/// </summary>
public interface IMeetingCommand : IIdempotentCommand
{
    long? ExpectedVersion { get; }
}
