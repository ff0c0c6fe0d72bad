using SpeakersList.Server.Forecasting;
using SpeakersList.Server.SpeakersLists;

namespace SpeakersList.Server.Programme;

public enum AgendaRole
{
    /// <summary>On the meeting's list of speakers (a statement, a pre-arranged statement or a right of reply).</summary>
    Speaker,
    /// <summary>Has a seat at the round table.</summary>
    RoundTableSeat,
    /// <summary>Its minister chairs the round table.</summary>
    RoundTableChair,
    /// <summary>Prefers the round table and has no seat yet.</summary>
    RoundTablePreference,
}

/// <summary>One thing a delegation does at one meeting, with when it is expected.</summary>
public sealed record AgendaItemView(
    Guid MeetingId,
    string MeetingTitle,
    MeetingKind Kind,
    string Room,
    DateTimeOffset MeetingStart,
    DateTimeOffset MeetingEnd,
    ProgrammeStatus Status,
    AgendaRole Role,
    EntryKind? EntryKind,
    EntryState? EntryState,
    int? Position,
    DateTimeOffset? EstimatedStart,
    bool? ReachedBeforeEnd,
    string Detail,
    DateTimeOffset? LatestLikelyStart = null,
    double? ReachProbability = null);

/// <summary>A delegation's agenda across the conference's meetings, in time order.</summary>
/// <remarks><c>Conflicts</c>: its forecast slots that leave no time to be at its round table or another slot (issue 16), with the swaps that would resolve them.</remarks>
public sealed record DelegationAgendaView(ParticipantCode Participant, string Name, Guid? ConferenceId, IReadOnlyList<AgendaItemView> Items,
    IReadOnlyList<RoomConflict>? Conflicts = null)
{
    /// <summary>A pure function of the conference, its meetings and their lists of speakers (and the walk between rooms, default 10 minutes).</summary>
    public static DelegationAgendaView From(Participant participant, Conference? conference, IReadOnlyList<Meeting> meetings,
        IReadOnlyDictionary<Guid, SpeakersListView> lists, TimeSpan? walking = null)
    {
        var items = new List<AgendaItemView>();
        foreach (var meeting in meetings)
        {
            AgendaItemView Item(AgendaRole role, string detail, SpeakersListEntryView? entry = null)
            {
                var shown = meeting.Details.AtVenue();
                return new AgendaItemView(meeting.Id, shown.Title, shown.Kind, shown.Room, shown.Start, shown.End, meeting.Status, role,
                    entry?.Kind, entry?.State, entry?.Position, entry?.EstimatedStart, entry?.ReachedBeforeEnd, detail,
                    entry?.LatestLikelyStart, entry?.ReachProbability);
            }

            if (lists.TryGetValue(meeting.Id, out var list))
                items.AddRange(list.Entries
                    .Where(e => e.Speaker.Represents(participant.Code) && e.State != EntryState.Withdrawn)
                    .Select(e => Item(AgendaRole.Speaker, $"{e.Speaker.SpeakerName}, {e.Speaker.SpeakerTitle}: speaker {e.Position} on the list", e)));
            if (meeting.Details.Kind != MeetingKind.RoundTable || conference is null) continue;
            if (conference.ChairOf(meeting.Id) is { } chair && chair.Participant == participant.Code)
                items.Add(Item(AgendaRole.RoundTableChair, $"{chair.ChairName} chairs the round table."));
            if (conference.SeatsAt(meeting.Id).Any(s => s.Participant == participant.Code))
                items.Add(Item(AgendaRole.RoundTableSeat, "Has a seat at the round table."));
            else if (conference.PreferenceOf(participant.Code) is { } preference && preference.RoundTableId == meeting.Id)
                items.Add(Item(AgendaRole.RoundTablePreference, $"Prefers this round table (stated by {preference.StatedBy}); no seat allocated yet."));
        }
        return new DelegationAgendaView(participant.Code, participant.Name, conference?.Id,
            items.OrderBy(i => i.EstimatedStart ?? i.MeetingStart).ThenBy(i => i.MeetingStart).ToList(),
            DelegationConflicts.Of(participant.Code, conference, meetings, lists, walking ?? RoomConflicts.DefaultWalking));
    }

}

public static class DelegationAgendaQueries
{
    /// <summary>
    /// The agendas of several participants at once, from one read of the meetings they can name and their lists; each slot's
    /// range is forecast with the speaking times learned from the history, as on the list itself.
    /// </summary>
    public static async Task<IReadOnlyList<DelegationAgendaView>> AgendasAsync(IQuerySession session, Conference? conference,
        IReadOnlyCollection<Participant> participants, SpeakingTimeModel model, CancellationToken cancellation, TimeSpan? walking = null)
    {
        // Only the meetings these delegations were ever inscribed on and the conference's round tables (its seats, chairs and
        // preferences), with the lists of the former: an agenda and its conflicts name no other, and the cost does not grow with the session.
        var theirs = await Publishing.Calendars.DelegationMeetingsProjection.MeetingsOfAsync(session, participants.Select(p => p.Code), cancellation);
        var onLists = theirs.Count == 0 ? [] : await session.LoadManyAsync<Meeting>(cancellation, theirs);
        var roundTables = conference is null ? [] : await session.Query<Meeting>()
            .Where(m => m.ConferenceId == conference.Id && m.Details.Kind == MeetingKind.RoundTable).ToListAsync(cancellation);
        var meetings = onLists.Where(m => m.ConferenceId == conference?.Id || m.ConferenceId is null)
            .Concat(roundTables).DistinctBy(m => m.Id).OrderBy(m => m.Details.Start).ThenBy(m => m.Id).ToList();
        var ids = meetings.Where(m => theirs.Contains(m.Id)).Select(m => m.Id).ToArray();
        var lists = (ids.Length == 0 ? [] : await session.LoadManyAsync<ListOfSpeakers>(cancellation, ids)).ToDictionary(l => l.Id, l => SpeakersListView.From(l, model));
        return participants.Select(p => DelegationAgendaView.From(p, conference, meetings, lists, walking)).ToList();
    }

    public static async Task<DelegationAgendaView?> AgendaAsync(IQuerySession session, ParticipantCode code, Guid? conferenceId, SpeakingTimeModel model,
        CancellationToken cancellation, TimeSpan? walking = null)
    {
        if (await session.LoadParticipantAsync(code, cancellation) is not { } participant) return null;
        // Without a programme (none imported yet), the agenda holds the meetings scheduled outside any.
        var conference = await ProgrammeQueries.ConferenceAsync(session, conferenceId, cancellation);
        if (conferenceId is not null && conference is null) return null;
        return (await AgendasAsync(session, conference, [participant], model, cancellation, walking))[0];
    }

    /// <summary>
    /// A delegation's agenda across the meetings of the conference (without conferenceId, the latest): where it is
    /// on each list of speakers with its estimated time, and its round table (seat, chair or preference).
    /// </summary>
    [WolverineGet("/api/delegations/{code}/agenda", OperationId = "GetDelegationAgenda")]
    [ProducesResponseType<DelegationAgendaView>(200)]
    public static async Task<IResult> Get(string code, [FromQuery] Guid? conferenceId, IQuerySession session, WalkingTime walking,
        SpeakingHistory history, HttpContext context, CancellationToken cancellation) =>
        !RequestedLanguage.TryRead(context, out var language, out var problem)
            ? problem!
            : ParticipantCode.TryParse(code, out var parsed) && await AgendaAsync(session, parsed, conferenceId, await history.ModelAsync(session, null, cancellation), cancellation, walking.Value) is { } agenda
            ? Results.Ok(agenda with { Name = ParticipantNames.In(language, agenda.Participant, agenda.Name) })
            : conferenceId is not null && await ProgrammeQueries.ConferenceAsync(session, conferenceId, cancellation) is null
            ? Refusal.NotFound($"There is no conference {conferenceId}.").ToResult()
            : Refusal.UnknownParticipant(code, namedByAddress: true).ToResult();
}
