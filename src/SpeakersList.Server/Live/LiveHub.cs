using Marten;
using Microsoft.AspNetCore.SignalR;
using SpeakersList.Server.Programme;
using SpeakersList.Server.RoundTables;
using SpeakersList.Server.SpeakersLists;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Live;

/// <summary>
/// The real-time hub at /hubs/live. It only subscribes and unsubscribes: every change goes
/// through the HTTP commands, and reaches subscribers from <see cref="LiveUpdates"/> after it commits.
/// </summary>
public sealed class LiveHub(IQuerySession session) : Hub
{
    public const string SpeakersListChanged = "speakersListChanged";

    public static string MeetingGroup(Guid meetingId) => $"meeting:{meetingId}";

    /// <summary>Join a meeting's group and receive its current list, with its version.</summary>
    public async Task<SpeakersListView> SubscribeToMeeting(Guid meetingId)
    {
        var list = await session.LoadAsync<ListOfSpeakers>(meetingId, Context.ConnectionAborted)
            ?? throw new HubException($"There is no meeting {meetingId}.");
        // Join before answering, so no change committed after the snapshot is missed.
        await Groups.AddToGroupAsync(Context.ConnectionId, MeetingGroup(meetingId), Context.ConnectionAborted);
        var fresh = await session.LoadAsync<ListOfSpeakers>(meetingId, Context.ConnectionAborted) ?? list;
        return SpeakersListView.From(fresh);
    }

    public Task UnsubscribeFromMeeting(Guid meetingId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, MeetingGroup(meetingId), Context.ConnectionAborted);

    // The programme, the round tables and the delegations' agendas: pushed by ProgrammePublisher (ProgrammePush.cs).
    public const string ProgrammeChanged = "programmeChanged";
    public const string RoundTableChanged = "roundTableChanged";
    public const string AgendaChanged = "agendaChanged";
    public const string ProgrammeGroup = "programme";

    public static string RoundTableGroup(Guid roundTableId) => $"round-table:{roundTableId}";

    public static string DelegationGroup(string code) => $"delegation:{code.Trim().ToUpperInvariant()}";

    /// <summary>Join the programme's group and receive the current grid (the latest conference).</summary>
    public Task<ProgrammeView> SubscribeToProgramme() => ProgrammeSubscriptions.ProgrammeAsync(this, session);

    public Task UnsubscribeFromProgramme() => Groups.RemoveFromGroupAsync(Context.ConnectionId, ProgrammeGroup, Context.ConnectionAborted);

    /// <summary>Join a round table's group and receive its roster.</summary>
    public Task<RoundTableRosterView> SubscribeToRoundTable(Guid roundTableId) => ProgrammeSubscriptions.RoundTableAsync(this, session, roundTableId);

    public Task UnsubscribeFromRoundTable(Guid roundTableId) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, RoundTableGroup(roundTableId), Context.ConnectionAborted);

    /// <summary>Join a delegation's group and receive its agenda across the programme's meetings.</summary>
    public Task<DelegationAgendaView> SubscribeToDelegation(string code) => ProgrammeSubscriptions.DelegationAsync(this, session, code);

    public Task UnsubscribeFromDelegation(string code) =>
        Groups.RemoveFromGroupAsync(Context.ConnectionId, DelegationGroup(code), Context.ConnectionAborted);
}
