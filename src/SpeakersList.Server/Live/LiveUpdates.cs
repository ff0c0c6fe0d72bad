using System.Diagnostics;
using System.Threading.Channels;
using Marten.Services;
using SpeakersList.Server.Operations;

namespace SpeakersList.Server.Live;

/// <summary>
/// Hears every committed Marten session (whichever endpoint or handler wrote it) and pushes the
/// new state of each touched meeting to its subscribers. No endpoint has to remember to push.
/// Pushes carry whole, versioned snapshots, so a burst of commits on one meeting is coalesced
/// into one push of the latest state.
/// </summary>
public sealed class LiveUpdates : DocumentSessionListenerBase
{
    private readonly Channel<TouchedStream> _touched = Channel.CreateUnbounded<TouchedStream>(new UnboundedChannelOptions { SingleReader = true });

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        var events = commit.GetEvents().ToList();
        Telemetry.Committed(events);
        // The lists as the commit stored them (inline projection) travel with their ids: the publisher need not read them back.
        var lists = commit.Updated.Concat(commit.Inserted).OfType<ListOfSpeakers>().ToList();
        // The commit's trace (the request's) continues in the push; the time starts the push latency.
        var cause = Activity.Current?.Context ?? default;
        var at = Stopwatch.GetTimestamp();
        foreach (var streamId in events.Select(e => e.StreamId).Distinct())
            _touched.Writer.TryWrite(new TouchedStream(streamId, lists.LastOrDefault(x => x.Id == streamId), cause, at));
        return Task.CompletedTask;
    }

    internal ChannelReader<TouchedStream> Touched => _touched.Reader;
}

/// <summary>
/// A stream changed by a commit: which, the meeting's list as committed when the commit stored one, in which trace,
/// and when (<see cref="Stopwatch.GetTimestamp"/>).
/// </summary>
public sealed record TouchedStream(Guid StreamId, ListOfSpeakers? List, ActivityContext Cause, long CommittedAt);
