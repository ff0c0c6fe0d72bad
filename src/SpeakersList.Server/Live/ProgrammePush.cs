using System.Threading.Channels;
using Marten.Services;
using Microsoft.AspNetCore.SignalR;
using SpeakersList.Server.Programme;
using SpeakersList.Server.RoundTables;
using SpeakersList.Server.SpeakersLists;

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

/// <summary>
/// Pushes, after each burst of commits, the fresh programme grid ("programmeChanged"), the rosters of the
/// round tables touched ("roundTableChanged") and the agendas of the delegations touched ("agendaChanged").
/// Whole snapshots, so a missed push is repaired by the next one or by subscribing again.
/// </summary>
public sealed class ProgrammePublisher(ProgrammeChanges changes, IDocumentStore store, IHubContext<LiveHub> hub, ILogger<ProgrammePublisher> logger,
    WalkingTime walking)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var batch in changes.Touched.ReadBurstsAsync(stoppingToken))
        {
            try
            {
                await PublishAsync(batch, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not push the programme's changes");
            }
        }
    }

    private async Task PublishAsync(IReadOnlyList<ProgrammeTouched> batch, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        var streamIds = batch.Select(t => t.StreamId).Distinct().ToArray();
        var touchedMeetings = (await session.LoadManyAsync<Meeting>(cancellation, streamIds)).ToDictionary(m => m.Id);
        var conferenceIds = batch.Where(t => !touchedMeetings.ContainsKey(t.StreamId)).Select(t => t.StreamId)
            .Concat(touchedMeetings.Values.Where(m => m.ConferenceId is not null).Select(m => m.ConferenceId!.Value))
            .Distinct().ToArray();
        var latest = await ProgrammeQueries.ConferenceAsync(session, null, cancellation);

        foreach (var conference in await session.LoadManyAsync<Conference>(cancellation, conferenceIds))
        {
            var inConference = batch.Where(t => t.StreamId == conference.Id
                || (touchedMeetings.TryGetValue(t.StreamId, out var m) && m.ConferenceId == conference.Id)).ToList();
            var programmeChanged = inConference.Any(t => t.Touch == ProgrammeTouch.Programme);
            var meetings = await ProgrammeQueries.MeetingsOfAsync(session, conference.Id, cancellation);

            if (programmeChanged && conference.Id == latest?.Id)
                await hub.Clients.Group(LiveHub.ProgrammeGroup).SendAsync(LiveHub.ProgrammeChanged, ProgrammeView.From(conference, meetings), cancellation);

            var roundTables = meetings.Where(m => m.Details.Kind == MeetingKind.RoundTable).ToList();
            if (inConference.Any(t => t.Touch == ProgrammeTouch.RoundTables) || (programmeChanged && inConference.Any(t => roundTables.Any(r => r.Id == t.StreamId))))
                foreach (var roundTable in roundTables)
                    await hub.Clients.Group(LiveHub.RoundTableGroup(roundTable.Id))
                        .SendAsync(LiveHub.RoundTableChanged, RoundTableRosterView.From(conference, roundTable), cancellation);

            var lists = (await session.LoadManyAsync<ListOfSpeakers>(cancellation, meetings.Select(m => m.Id).ToArray()))
                .ToDictionary(l => l.Id, SpeakersListView.From);
            var codes = new HashSet<ParticipantCode>();
            foreach (var touched in inConference)
            {
                if (touched.Participant is { } code) codes.Add(code);
                // A change of time or room, and any change of a list, moves the expected times of everyone on it.
                if (touched.Touch != ProgrammeTouch.RoundTables && lists.TryGetValue(touched.StreamId, out var list))
                    codes.UnionWith(list.Entries.Select(e => e.Speaker.Participant));
                if (touched.Touch == ProgrammeTouch.Programme && touched.StreamId == conference.Id)
                    codes.UnionWith(lists.Values.SelectMany(l => l.Entries.Select(e => e.Speaker.Participant)));
                if (touched.Touch == ProgrammeTouch.Programme && roundTables.Any(r => r.Id == touched.StreamId))
                    codes.UnionWith(conference.SeatsAt(touched.StreamId).Select(s => s.Participant)
                        .Concat(conference.Preferences.Where(p => p.RoundTableId == touched.StreamId).Select(p => p.Participant)));
            }
            if (codes.Count == 0) continue;
            foreach (var participant in (await session.LoadParticipantsAsync(codes, cancellation)).Values)
                await hub.Clients.Group(LiveHub.AgendaGroup(participant.Code))
                    .SendAsync(LiveHub.AgendaChanged, DelegationAgendaView.From(participant, conference, meetings, lists, walking.Value), cancellation);
        }
    }
}

/// <summary>The hub's subscriptions to the programme, the round tables and the delegations' agendas: join first, then read, so no change is missed.</summary>
public static class ProgrammeSubscriptions
{
    /// <summary>Null while no programme has been imported; the grid is pushed as soon as one is.</summary>
    public static async Task<ProgrammeView?> ProgrammeAsync(Hub hub, IQuerySession session)
    {
        await hub.Groups.AddToGroupAsync(hub.Context.ConnectionId, LiveHub.ProgrammeGroup, hub.Context.ConnectionAborted);
        return await ProgrammeQueries.ViewAsync(session, null, hub.Context.ConnectionAborted);
    }

    public static async Task<RoundTableRosterView> RoundTableAsync(Hub hub, IQuerySession session, Guid roundTableId)
    {
        await hub.Groups.AddToGroupAsync(hub.Context.ConnectionId, LiveHub.RoundTableGroup(roundTableId), hub.Context.ConnectionAborted);
        return await RoundTableQueries.RosterAsync(session, roundTableId, hub.Context.ConnectionAborted)
            ?? throw new HubException($"There is no round table {roundTableId} in a conference.");
    }

    public static async Task<DelegationAgendaView> DelegationAsync(Hub hub, IQuerySession session, string typed)
    {
        if (!ParticipantCode.TryParse(typed, out var code)) throw new HubException($"There is no participant {typed}, or no programme yet.");
        await hub.Groups.AddToGroupAsync(hub.Context.ConnectionId, LiveHub.AgendaGroup(code), hub.Context.ConnectionAborted);
        var walking = hub.Context.GetHttpContext()?.RequestServices.GetService<WalkingTime>()?.Value;
        return await DelegationAgendaQueries.AgendaAsync(session, code, null, hub.Context.ConnectionAborted, walking)
            ?? throw new HubException($"There is no participant {code}, or no programme yet.");
    }
}
