using Microsoft.AspNetCore.SignalR;
using SpeakersList.Server.Programme;
using SpeakersList.Server.RoundTables;

namespace SpeakersList.Server.Live;

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

    /// <summary>The agenda's group is counted in <paramref name="subscriptions"/>: the publisher builds only the agendas someone watches.</summary>
    public static async Task<DelegationAgendaView> DelegationAsync(Hub hub, IQuerySession session, LiveSubscriptions subscriptions, string typed,
        Func<Task<SpeakingTimeModel>> learned)
    {
        if (!ParticipantCode.TryParse(typed, out var code)) throw new HubException($"There is no participant {typed}.");
        var group = LiveHub.AgendaGroup(code);
        await subscriptions.JoinAsync(hub, group);
        var walking = hub.Context.GetHttpContext()?.RequestServices.GetService<WalkingTime>()?.Value;
        if (await DelegationAgendaQueries.AgendaAsync(session, code, null, await learned(), hub.Context.ConnectionAborted, walking) is { } agenda)
            return agenda;
        // An unknown participant's agenda is not followed: it does not count towards the connection's limit.
        await subscriptions.LeaveAsync(hub, group);
        throw new HubException($"There is no participant {code}.");
    }
}
