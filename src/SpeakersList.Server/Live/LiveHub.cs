using Marten;
using Microsoft.AspNetCore.SignalR;
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
}
