using Microsoft.AspNetCore.SignalR;
using SpeakersList.Server.Forecasting;
using SpeakersList.Server.Programme;
using SpeakersList.Server.Publishing.Calendars;
using SpeakersList.Server.RoundTables;
using SpeakersList.Server.SpeakersLists;

namespace SpeakersList.Server.Live;

/// <summary>
/// Pushes, after each burst of commits, the fresh programme grid ("programmeChanged"), the rosters of the
/// round tables touched ("roundTableChanged") and the agendas of the delegations touched that someone watches ("agendaChanged").
/// Whole snapshots, so a missed push is repaired by the next one or by subscribing again.
/// </summary>
public sealed class ProgrammePublisher(ProgrammeChanges changes, IDocumentStore store, IHubContext<LiveHub> hub, ILogger<ProgrammePublisher> logger,
    WalkingTime walking, SpeakingHistory history, LiveSubscriptions subscriptions)
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

        // Meetings outside any programme are on the agendas beside the latest programme's (as on the pages and in the conflicts).
        var outside = batch.Where(t => touchedMeetings.TryGetValue(t.StreamId, out var m) && m.ConferenceId is null).ToList();
        var conferences = await session.LoadManyAsync<Conference>(cancellation, conferenceIds);
        foreach (var conference in conferences)
        {
            var inConference = batch.Where(t => t.StreamId == conference.Id
                || (touchedMeetings.TryGetValue(t.StreamId, out var m) && m.ConferenceId == conference.Id)).ToList();
            var programmeChanged = inConference.Any(t => t.Touch == ProgrammeTouch.Programme);
            // One read for the grid and the agendas (the conference's meetings and those outside any programme), and only when
            // one of them is pushed: a list's change with no agenda watched reads none of the session's meetings.
            var expectedAt = new Lazy<Task<IReadOnlyList<Meeting>>>(() => ProgrammeQueries.ExpectedAtAsync(session, conference.Id, cancellation));
            if (programmeChanged || inConference.Any(t => t.Touch == ProgrammeTouch.RoundTables))
            {
                var meetings = (await expectedAt.Value).Where(m => m.ConferenceId == conference.Id).ToList();
                if (programmeChanged && conference.Id == latest?.Id)
                    await hub.Clients.Group(LiveHub.ProgrammeGroup).SendAsync(LiveHub.ProgrammeChanged, ProgrammeView.From(conference, meetings), cancellation);

                var roundTables = meetings.Where(m => m.Details.Kind == MeetingKind.RoundTable).ToList();
                if (inConference.Any(t => t.Touch == ProgrammeTouch.RoundTables) || (programmeChanged && inConference.Any(t => roundTables.Any(r => r.Id == t.StreamId))))
                    foreach (var roundTable in roundTables)
                        await hub.Clients.Group(LiveHub.RoundTableGroup(roundTable.Id))
                            .SendAsync(LiveHub.RoundTableChanged, RoundTableRosterView.From(conference, roundTable), cancellation);
            }

            await PushAgendasAsync(session, conference, () => expectedAt.Value, touchedMeetings,
                conference.Id == latest?.Id ? [.. inConference, .. outside] : inConference, cancellation);
        }
        if (outside.Count > 0 && !conferences.Any(c => c.Id == latest?.Id))
            await PushAgendasAsync(session, latest, () => ProgrammeQueries.ExpectedAtAsync(session, latest?.Id, cancellation), touchedMeetings, outside, cancellation);
    }

    /// <summary>
    /// The agendas of the delegations the changes touched (a list's speakers, a programme's, a round table's seats) that someone
    /// watches: on this node, or with the backplane on any node. Only those are built, each from the lists of its own meetings,
    /// so a command costs the same however many delegations are on its list and however long the session's history.
    /// </summary>
    private async Task PushAgendasAsync(IQuerySession session, Conference? conference, Func<Task<IReadOnlyList<Meeting>>> meetings,
        IReadOnlyDictionary<Guid, Meeting> touchedMeetings, IReadOnlyList<ProgrammeTouched> touchedHere, CancellationToken cancellation)
    {
        var touched = await TouchedDelegationsAsync(session, conference, meetings, touchedMeetings, touchedHere, cancellation);
        var watched = await subscriptions.AudienceAsync("agenda:", touched.Select(c => c.Value));
        if (watched.Count == 0) return;
        var participants = (await session.LoadParticipantsAsync(watched.Select(ParticipantCode.Parse), cancellation)).Values.ToList();
        var model = await history.ModelAsync(session, null, cancellation); // the agendas' ranges, as the lists' own
        foreach (var agenda in await DelegationAgendaQueries.AgendasAsync(session, conference, participants, model, cancellation, walking.Value))
            await hub.Clients.Group(LiveHub.AgendaGroup(agenda.Participant)).SendAsync(LiveHub.AgendaChanged, agenda, cancellation);
    }

    /// <summary>
    /// Whose agendas the changes move: a change of time or room, and any change of a list, moves the expected times of everyone
    /// ever on that list (<see cref="DelegationMeeting"/>, not the lists themselves); a new programme, everyone on any list of it.
    /// </summary>
    private static async Task<IReadOnlySet<ParticipantCode>> TouchedDelegationsAsync(IQuerySession session, Conference? conference,
        Func<Task<IReadOnlyList<Meeting>>> meetings, IReadOnlyDictionary<Guid, Meeting> touchedMeetings, IReadOnlyList<ProgrammeTouched> touchedHere,
        CancellationToken cancellation)
    {
        var codes = new HashSet<ParticipantCode>();
        var whole = touchedHere.Any(t => t.Touch == ProgrammeTouch.Programme && t.StreamId == conference?.Id);
        var lists = whole
            ? (await meetings()).Select(m => m.Id).ToArray()
            : touchedHere.Where(t => t.Touch != ProgrammeTouch.RoundTables && touchedMeetings.ContainsKey(t.StreamId)).Select(t => t.StreamId).Distinct().ToArray();
        if (lists.Length > 0)
            codes.UnionWith((await session.Query<DelegationMeeting>().Where(x => x.MeetingId.IsOneOf(lists)).ToListAsync(cancellation))
                .Select(x => ParticipantCode.Parse(x.Participant)));
        foreach (var touched in touchedHere)
        {
            if (touched.Participant is { } code) codes.Add(code);
            if (conference is not null && touched.Touch == ProgrammeTouch.Programme
                && touchedMeetings.TryGetValue(touched.StreamId, out var meeting) && meeting.Details.Kind == MeetingKind.RoundTable)
                codes.UnionWith(conference.SeatsAt(touched.StreamId).Select(s => s.Participant)
                    .Concat(conference.Preferences.Where(p => p.RoundTableId == touched.StreamId).Select(p => p.Participant)));
        }
        return codes;
    }
}
