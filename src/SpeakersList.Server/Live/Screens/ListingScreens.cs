using Marten;
using Microsoft.AspNetCore.Mvc;
using SpeakersList.Server.Access;
using Wolverine.Http;

namespace SpeakersList.Server.Live.Screens;

/// <summary>
/// A screen in the roster. <see cref="Behind"/>: it shows an older version of its meeting than the latest
/// (<see cref="LatestVersion"/>, read when the roster is asked for).
/// </summary>
public sealed record ScreenView(
    string Id, string Kind, string? Room, Guid? MeetingId, string? Participant, string Node,
    DateTimeOffset ConnectedAt, DateTimeOffset LastSeenAt, bool Connected, long? ShowingVersion, long? LatestVersion,
    bool Behind, DateTimeOffset? DisconnectedAt);

public static class ListingScreensEndpoint
{
    /// <summary>Every page connected to the hub on any node (displays, consoles, portals, public lists), and those lost in the last 10 minutes.</summary>
    [OfficerOnly]
    [WolverineGet("/api/screens", OperationId = "ListScreens")]
    [ProducesResponseType<IReadOnlyList<ScreenView>>(200)]
    public static async Task<IReadOnlyList<ScreenView>> Get(string? room, Guid? meetingId, ScreenDirectory directory, IQuerySession session, CancellationToken cancellation)
    {
        var screens = (await directory.AllAsync())
            .Where(x => room is null || string.Equals(x.Room, room.Trim(), StringComparison.OrdinalIgnoreCase))
            .Where(x => meetingId is null || x.MeetingId == meetingId)
            .ToList();
        var meetings = screens.Where(x => x.MeetingId is not null).Select(x => x.MeetingId!.Value).Distinct().ToArray();
        var latest = meetings.Length == 0 ? new Dictionary<Guid, long>()
            : (await session.LoadManyAsync<ListOfSpeakers>(cancellation, meetings)).ToDictionary(x => x.Id, x => x.Version);
        return screens
            .OrderBy(x => x.Room).ThenBy(x => x.Kind).ThenBy(x => x.ConnectedAt)
            .Select(x =>
            {
                long? newest = x.MeetingId is { } id && latest.TryGetValue(id, out var v) ? v : null;
                return new ScreenView(x.Id, x.Kind, x.Room, x.MeetingId, x.Participant, x.Node, x.ConnectedAt, x.LastSeenAt, x.Connected,
                    x.ShowingVersion, newest, x.ShowingVersion is { } showing && newest is { } n && showing < n, x.DisconnectedAt);
            })
            .ToList();
    }
}
