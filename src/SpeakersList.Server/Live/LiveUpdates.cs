using System.Threading.Channels;
using Marten;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Live;

/// <summary>
/// Hears every committed Marten session (whichever endpoint or handler wrote it) and pushes the
/// new state of each touched meeting to its subscribers. No endpoint has to remember to push.
/// Pushes carry whole, versioned snapshots, so a burst of commits on one meeting is coalesced
/// into one push of the latest state.
/// </summary>
public sealed class LiveUpdates : DocumentSessionListenerBase
{
    private readonly Channel<Guid> _touched = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var streamId in commit.GetEvents().Select(e => e.StreamId).Distinct())
            _touched.Writer.TryWrite(streamId);
        return Task.CompletedTask;
    }

    internal ChannelReader<Guid> Touched => _touched.Reader;
}

/// <summary>Reads the touched meetings and sends each subscriber group the fresh list.</summary>
public sealed class LivePublisher(LiveUpdates updates, IDocumentStore store, IHubContext<LiveHub> hub, ILogger<LivePublisher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = updates.Touched;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            var meetings = new HashSet<Guid>();
            while (reader.TryRead(out var id)) meetings.Add(id);
            foreach (var meetingId in meetings)
            {
                try
                {
                    await using var session = store.QuerySession();
                    if (await session.LoadAsync<ListOfSpeakers>(meetingId, stoppingToken) is not { } list) continue;
                    await hub.Clients.Group(LiveHub.MeetingGroup(meetingId))
                        .SendAsync(LiveHub.SpeakersListChanged, SpeakersListView.From(list), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Screens resynchronise from a snapshot when they see a gap; a failed push is logged, not fatal.
                    logger.LogWarning(ex, "Could not push the list of meeting {MeetingId}", meetingId);
                }
            }
        }
    }
}
