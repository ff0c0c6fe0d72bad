using System.Threading.Channels;
using Marten.Services;

namespace SpeakersList.Server.Live;

/// <summary>What a committed event touches, for the programme's screens.</summary>
public enum ProgrammeTouch
{
    /// <summary>The grid: a conference registered, a meeting scheduled, moved, rescheduled, cancelled, opened, suspended, resumed or adjourned.</summary>
    Programme,
    /// <summary>Round-table participation on a conference's stream.</summary>
    RoundTables,
    /// <summary>A meeting's list of speakers.</summary>
    List,
}

public sealed record ProgrammeTouched(Guid StreamId, ProgrammeTouch Touch, ParticipantCode? Participant);

/// <summary>
/// Hears every committed Marten session, like <see cref="LiveUpdates"/>, and notes what it changed
/// in the programme, the round tables and the lists, for <see cref="ProgrammePublisher"/>.
/// </summary>
public sealed class ProgrammeChanges : DocumentSessionListenerBase
{
    private readonly Channel<ProgrammeTouched> _touched = Channel.CreateUnbounded<ProgrammeTouched>(new UnboundedChannelOptions { SingleReader = true });

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var e in commit.GetEvents())
            _touched.Writer.TryWrite(e.Data switch
            {
                ConferenceRegistered or MeetingScheduled or MeetingRescheduled or MeetingMoved or MeetingCancelled
                    or MeetingOpened or MeetingSuspended or MeetingResumed or MeetingAdjourned => new(e.StreamId, ProgrammeTouch.Programme, null),
                RoundTablePreferenceStated x => new(e.StreamId, ProgrammeTouch.RoundTables, x.Participant),
                RoundTableSeatAllocated x => new(e.StreamId, ProgrammeTouch.RoundTables, x.Participant),
                RoundTableSeatReleased x => new(e.StreamId, ProgrammeTouch.RoundTables, x.Participant),
                RoundTableChairDesignated x => new(e.StreamId, ProgrammeTouch.RoundTables, x.Participant),
                _ => new(e.StreamId, ProgrammeTouch.List, null),
            });
        return Task.CompletedTask;
    }

    internal ChannelReader<ProgrammeTouched> Touched => _touched.Reader;
}
