using Microsoft.AspNetCore.SignalR;
using SpeakersList.Server.Forecasting;
using SpeakersList.Server.Live.Screens;
using SpeakersList.Server.Programme;
using SpeakersList.Server.RoundTables;
using SpeakersList.Server.SpeakersLists;

namespace SpeakersList.Server.Live;

/// <summary>
/// The real-time hub at /hubs/live. It only subscribes and unsubscribes: every change goes
/// through the HTTP commands, and reaches subscribers from <see cref="LiveUpdates"/> after it commits.
/// Each subscription answers with a versioned snapshot; a client that sees a gap in a meeting's
/// versions, or reconnects, subscribes again for a fresh snapshot.
/// </summary>
public sealed class LiveHub(IQuerySession session, LiveSubscriptions subscriptions, TimeProvider clock, ScreenRoster screens, SpeakingHistory history) : Hub
{
    // What the hub pushes, and to which group: a meeting's list and floor, a room and a delegation's slots from
    // LivePublisher; the programme, the round tables and the delegations' agendas from ProgrammePublisher.
    public const string SpeakersListChanged = "speakersListChanged";
    public const string FloorChanged = "floorChanged";
    public const string RoomChanged = "roomChanged";
    public const string DelegationChanged = "delegationChanged";
    public const string ProgrammeChanged = "programmeChanged";
    public const string RoundTableChanged = "roundTableChanged";
    public const string AgendaChanged = "agendaChanged";

    public const string ProgrammeGroup = "programme";

    public static string MeetingGroup(Guid meetingId) => $"meeting:{meetingId}";

    /// <summary>A meeting's floor subscribers: they get floorChanged only, not the whole list on every change of the floor.</summary>
    public static string FloorGroup(Guid meetingId) => $"floor:{meetingId}";

    public static string RoomGroup(string room) => $"room:{LiveViews.RoomKey(room)}";

    public static string DelegationGroup(ParticipantCode participant) => $"delegation:{LiveViews.DelegationKey(participant)}";

    public static string RoundTableGroup(Guid roundTableId) => $"round-table:{roundTableId}";

    public static string AgendaGroup(ParticipantCode code) => $"agenda:{code}";

    /// <summary>The officers' consoles following a meeting's booth messages (Booths/Messaging/BoothMessagesPush.cs).</summary>
    public static string BoothMessagesGroup(Guid meetingId) => $"booth-messages:{meetingId}";

    /// <summary>Follow the booths' messages to the chair of a meeting (officers); answers those sent so far. Push: boothMessage, boothMessageDismissed.</summary>
    [OfficerOnly]
    public async Task<IReadOnlyList<Booths.Messaging.BoothMessageView>> SubscribeToBoothMessages(Guid meetingId) =>
        (await JoinMeeting(meetingId, BoothMessagesGroup(meetingId))).BoothMessages.Select(x => Booths.Messaging.BoothMessageView.Of(meetingId, x)).ToList();

    [OfficerOnly]
    public Task UnsubscribeFromBoothMessages(Guid meetingId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, BoothMessagesGroup(meetingId), Context.ConnectionAborted);

    /// <summary>
    /// The service's clock, for a page that counts down with no floor view to sync from (the portal's opening of a
    /// list, "in about 27 min"): a phone's clock may be minutes off the venue's.
    /// </summary>
    public DateTimeOffset ServerTime() => clock.GetUtcNow();

    /// <summary>Join a meeting's group and receive its current list, with its version. Push: speakersListChanged.</summary>
    public async Task<SpeakersListView> SubscribeToMeeting(Guid meetingId) =>
        SpeakersListView.From(await JoinMeeting(meetingId, MeetingGroup(meetingId)), await Learned());

    /// <summary>The speaking times learned from the history, as the pushes use them.</summary>
    private Task<SpeakingTimeModel> Learned() => history.ModelAsync(session, null, Context.ConnectionAborted);

    /// <summary>Join a meeting's floor group and receive its floor (speaker, clock, status), with its version. Push: floorChanged.</summary>
    public async Task<FloorView> SubscribeToFloor(Guid meetingId) =>
        FloorView.From(await JoinMeeting(meetingId, FloorGroup(meetingId)), clock.GetUtcNow());

    /// <summary>Leave a meeting: its list and its floor.</summary>
    public async Task UnsubscribeFromMeeting(Guid meetingId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, MeetingGroup(meetingId), Context.ConnectionAborted);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, FloorGroup(meetingId), Context.ConnectionAborted);
    }

    public Task UnsubscribeFromFloor(Guid meetingId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, FloorGroup(meetingId), Context.ConnectionAborted);

    /// <summary>Follow a room: whatever meeting is current in it (open or suspended, else the next scheduled). Push: roomChanged.</summary>
    public async Task<RoomView> SubscribeToRoom(string room)
    {
        if (string.IsNullOrWhiteSpace(room) || room.Length > 200) throw new HubException("Name the room, such as \"General Assembly Hall\".");
        var name = room.Trim();
        // No group, and no count kept, for a room where no meeting is held.
        if (!await session.Query<ListOfSpeakers>().AnyAsync(x => x.Meeting.Details.Room.Equals(name, StringComparison.OrdinalIgnoreCase), Context.ConnectionAborted))
            throw new HubException($"There is no room '{name}' in the programme.");
        await subscriptions.JoinAsync(this, RoomGroup(room));
        var lists = await session.Query<ListOfSpeakers>()
            .Where(x => x.Meeting.Details.Room.Equals(name, StringComparison.OrdinalIgnoreCase))
            .ToListAsync(Context.ConnectionAborted);
        return LiveViews.Room(lists.FirstOrDefault()?.Meeting.Details.Room ?? name, lists, clock.GetUtcNow());
    }

    public Task UnsubscribeFromRoom(string room) => subscriptions.LeaveAsync(this, RoomGroup(room));

    /// <summary>Follow a delegation's slots on every meeting's list. Push: delegationChanged.</summary>
    public async Task<DelegationView> SubscribeToDelegation(string participant)
    {
        if (!ParticipantCode.TryParse(participant, out var code)) throw new HubException("Name the participant by its code, such as GHA.");
        if (await session.LoadParticipantAsync(code, Context.ConnectionAborted) is null)
            throw new HubException(Refusal.UnknownParticipant(participant.Trim(), namedByAddress: true).Detail);
        await subscriptions.JoinAsync(this, DelegationGroup(code));
        var lists = await LiveViews.ListsOfAsync(session, [code], Context.ConnectionAborted);
        var model = await Learned();
        return LiveViews.Delegation(code, lists.Select(x => (SpeakersListView.From(x, model), x.Floor.Status)).ToList());
    }

    public Task UnsubscribeFromDelegation(string participant)
    {
        if (!ParticipantCode.TryParse(participant, out var code)) return Task.CompletedTask;
        return subscriptions.LeaveAsync(this, DelegationGroup(code));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private async Task<ListOfSpeakers> JoinMeeting(Guid meetingId, string group)
    {
        _ = await session.LoadAsync<ListOfSpeakers>(meetingId, Context.ConnectionAborted)
            ?? throw new HubException(Refusal.NoMeeting(meetingId).Detail);
        // Join before reading the snapshot, so no change committed after it is missed.
        await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        return await session.LoadAsync<ListOfSpeakers>(meetingId, Context.ConnectionAborted)
            ?? throw new HubException(Refusal.NoMeeting(meetingId).Detail);
    }

    /// <summary>Join the programme's group and receive the current grid (the latest conference).</summary>
    public Task<ProgrammeView?> SubscribeToProgramme() => ProgrammeSubscriptions.ProgrammeAsync(this, session);

    public Task UnsubscribeFromProgramme() => Groups.RemoveFromGroupAsync(Context.ConnectionId, ProgrammeGroup, Context.ConnectionAborted);

    /// <summary>Join a round table's group and receive its roster.</summary>
    public Task<RoundTableRosterView> SubscribeToRoundTable(Guid roundTableId) => ProgrammeSubscriptions.RoundTableAsync(this, session, roundTableId);

    public Task UnsubscribeFromRoundTable(Guid roundTableId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, RoundTableGroup(roundTableId), Context.ConnectionAborted);

    /// <summary>Join a delegation's agenda group and receive its agenda across the programme (lists and round tables). Push: agendaChanged.</summary>
    public Task<DelegationAgendaView> SubscribeToAgenda(string code) => ProgrammeSubscriptions.DelegationAsync(this, session, subscriptions, code, Learned);

    public Task UnsubscribeFromAgenda(string code)
    {
        if (!ParticipantCode.TryParse(code, out var parsed)) return Task.CompletedTask;
        return subscriptions.LeaveAsync(this, AgendaGroup(parsed));
    }

    /// <summary>
    /// Says what this page is (display, console, portal, public-list), for which room, meeting or delegation, and the version
    /// of the view it shows: the roster of screens (GET /api/screens). Pages call it when that changes and every 3 seconds.
    /// </summary>
    public void ReportScreen(string kind, string? room, Guid? meetingId, string? portalOf, long? showingVersion) =>
        screens.Report(Context.ConnectionId, Context.User, kind, room, meetingId, portalOf, showingVersion);
}
