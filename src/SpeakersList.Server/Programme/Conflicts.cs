using SpeakersList.Server.Forecasting;
using SpeakersList.Server.SpeakersLists;

namespace SpeakersList.Server.Programme;

/// <summary>The time allowed to walk between two rooms (<c>SpeakersList:WalkingMinutes</c>, default 10).</summary>
public sealed record WalkingTime(TimeSpan Value)
{
    public static WalkingTime From(IConfiguration configuration) =>
        new(configuration.GetValue<double?>("SpeakersList:WalkingMinutes") is { } minutes and >= 0
            ? TimeSpan.FromMinutes(minutes)
            : RoomConflicts.DefaultWalking);
}

/// <summary>A delegation's conflicts across rooms, and the same for every delegation on one meeting's list.</summary>
public sealed record ConflictsView(ParticipantCode? Participant, Guid? MeetingId, int WalkingMinutes, IReadOnlyList<RoomConflict> Conflicts);

public static class DelegationConflicts
{
    /// <summary>
    /// Where a participant is expected across the programme: its waiting slots on each list (from the forecast) and its
    /// round-table seats or chairs; then the pure <see cref="RoomConflicts.Of"/>.
    /// </summary>
    public static IReadOnlyList<RoomConflict> Of(ParticipantCode participant, Conference? conference, IReadOnlyList<Meeting> meetings,
        IReadOnlyDictionary<Guid, SpeakersListView> lists, TimeSpan walking)
    {
        var engagements = new List<Engagement>();
        var forecasts = new Dictionary<Guid, IReadOnlyList<ForecastSlot>>();
        foreach (var meeting in meetings.Where(m => m.HoldsRoom()))
        {
            if (lists.TryGetValue(meeting.Id, out var list))
            {
                var waiting = list.Entries.Where(e => e.State == EntryState.Waiting && e.EstimatedStart is not null).ToList();
                forecasts[meeting.Id] = waiting.Select(e => new ForecastSlot(e.InscriptionId, e.Speaker.Participant, e.Speaker.ParticipantName, e.EstimatedStart!.Value)).ToList();
                engagements.AddRange(waiting.Where(e => e.Speaker.Represents(participant)).Select(e => new Engagement(
                    meeting.Id, meeting.Details.Title, meeting.Details.Room, EngagementKind.SpeakingSlot, e.EstimatedStart!.Value,
                    e.EstimatedStart!.Value.AddSeconds(e.AllottedSeconds), e.InscriptionId)));
            }
            if (meeting.Details.Kind == MeetingKind.RoundTable && conference is not null
                && (conference.SeatsAt(meeting.Id).Any(s => s.Participant == participant) || conference.ChairOf(meeting.Id) is { } chair && chair.Participant == participant))
                engagements.Add(new Engagement(meeting.Id, meeting.Details.Title, meeting.Details.Room, EngagementKind.RoundTableSeat, meeting.Details.Start, meeting.Details.End));
        }
        var venue = meetings.FirstOrDefault()?.Details.Venue() ?? TimeZoneInfo.Utc;
        return RoomConflicts.Of(participant, engagements, forecasts, walking, venue);
    }

}

public static class ConflictQueries
{
    /// <summary>
    /// A delegation's conflicts across rooms (the latest conference, or the meetings outside any): each forecast speaking
    /// slot that overlaps its round-table seat or its slot in another meeting, allowing the walk between rooms, with the
    /// swaps on the same list that would resolve it.
    /// </summary>
    [WolverineGet("/api/delegations/{code}/conflicts", OperationId = "GetDelegationConflicts")]
    [ProducesResponseType<ConflictsView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> ForDelegation(string code, IQuerySession session, WalkingTime walking, SpeakingHistory history, CancellationToken cancellation)
    {
        if (await session.LoadParticipantAsync(code, cancellation) is not { } participant)
            return Refusal.UnknownParticipant(code, namedByAddress: true).ToResult();
        var conference = await ProgrammeQueries.ConferenceAsync(session, null, cancellation);
        var (meetings, lists) = await ProgrammeOfAsync(session, conference?.Id, await history.ModelAsync(session, null, cancellation), cancellation);
        return Results.Ok(new ConflictsView(participant.Code, null, (int)walking.Value.TotalMinutes,
            DelegationConflicts.Of(participant.Code, conference, meetings, lists, walking.Value)));
    }

    /// <summary>The conflicts across rooms of every delegation on a meeting's list that involve this meeting (for the officers' console).</summary>
    [WolverineGet("/api/meetings/{meetingId}/conflicts", OperationId = "GetMeetingConflicts")]
    [ProducesResponseType<ConflictsView>(200)]
    [ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> ForMeeting(Guid meetingId, IQuerySession session, WalkingTime walking, SpeakingHistory history, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Meeting>(meetingId, cancellation) is not { } meeting)
            return Refusal.NoMeeting(meetingId).ToResult();
        // A meeting outside any programme is weighed against the latest programme too, as the delegation's own conflicts are.
        var conference = meeting.ConferenceId is { } id
            ? await session.LoadAsync<Conference>(id, cancellation)
            : await ProgrammeQueries.ConferenceAsync(session, null, cancellation);
        var (meetings, lists) = await ProgrammeOfAsync(session, conference?.Id, await history.ModelAsync(session, null, cancellation), cancellation);
        var participants = lists.TryGetValue(meetingId, out var list)
            ? list.Entries.Select(e => e.Speaker.Participant).Distinct()
            : [];
        var conflicts = participants
            .SelectMany(p => DelegationConflicts.Of(p, conference, meetings, lists, walking.Value))
            .Where(c => c.Slot.MeetingId == meetingId || c.Other.MeetingId == meetingId)
            .ToList();
        return Results.Ok(new ConflictsView(null, meetingId, (int)walking.Value.TotalMinutes, conflicts));
    }

    /// <summary>The meetings a delegation may be expected at (<see cref="ProgrammeQueries.ExpectedAtAsync"/>) and their lists, forecast as the pages show them.</summary>
    private static async Task<(IReadOnlyList<Meeting> Meetings, IReadOnlyDictionary<Guid, SpeakersListView> Lists)> ProgrammeOfAsync(
        IQuerySession session, Guid? conferenceId, SpeakingTimeModel model, CancellationToken cancellation)
    {
        var meetings = await ProgrammeQueries.ExpectedAtAsync(session, conferenceId, cancellation);
        var lists = (await session.LoadManyAsync<ListOfSpeakers>(cancellation, meetings.Select(m => m.Id).ToArray()))
            .ToDictionary(l => l.Id, l => SpeakersListView.From(l, model));
        return (meetings, lists);
    }
}
