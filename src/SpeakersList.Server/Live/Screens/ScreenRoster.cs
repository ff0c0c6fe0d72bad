using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using SpeakersList.Server.Access;

namespace SpeakersList.Server.Live.Screens;

/// <summary>
/// A page connected to the hub, as it describes itself (<see cref="LiveHub.ReportScreen"/>) and as this node sees it.
/// <see cref="LastSeenAt"/> is its last report: pages report every <see cref="ScreenRoster.ReportEvery"/>.
/// </summary>
public sealed record ScreenEntry(
    string Id, string Kind, string? Room, Guid? MeetingId, string? Participant, string Node,
    DateTimeOffset ConnectedAt, DateTimeOffset LastSeenAt, bool Connected, long? ShowingVersion, DateTimeOffset? DisconnectedAt)
{
    /// <summary>
    /// As it stands at <paramref name="now"/>: a screen silent for longer than <see cref="ScreenRoster.Silence"/> is lost even if
    /// its connection has not closed yet (a cable pulled, a laptop asleep, its node dead), since its last report.
    /// </summary>
    public ScreenEntry At(DateTimeOffset now) =>
        Connected && now - LastSeenAt > ScreenRoster.Silence ? this with { Connected = false, DisconnectedAt = LastSeenAt } : this;

    /// <summary>Lost more than <see cref="ScreenRoster.KeptAfterLoss"/> ago: no longer listed.</summary>
    public bool Forgotten(DateTimeOffset now) => !Connected && now - (DisconnectedAt ?? LastSeenAt) > ScreenRoster.KeptAfterLoss;
}

/// <summary>The screens connected to this node, and those lost from it in the last ten minutes.</summary>
public sealed class ScreenRoster(TimeProvider clock, ScreenNode node)
{
    /// <summary>What a page may say it is.</summary>
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(["display", "console", "portal", "public-list"]);

    /// <summary>How often a page reports, even when nothing changed (js/screen-report.js).</summary>
    public static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(3);

    /// <summary>A screen not heard from for this long is shown as lost: two reports missed, and an officer knows within 10 s.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(7);

    public static readonly TimeSpan KeptAfterLoss = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, ScreenEntry> _screens = new();
    private readonly ConcurrentDictionary<string, byte> _changed = new();

    public string Node => node.Name;

    /// <summary>A page's report; a portal names its delegation, which only that delegation or an officer may do.</summary>
    public void Report(string connectionId, ClaimsPrincipal? user, string kind, string? room, Guid? meetingId, string? portalOf, long? showingVersion)
    {
        if (!Kinds.Contains(kind)) throw new HubException($"Say what this page is: one of {string.Join(", ", Kinds)}.");
        if (room is { Length: > 200 }) throw new HubException("The room's name is too long.");
        var participant = kind == "portal" ? portalOf : null;
        if (participant is not null && !ParticipantCode.TryParse(participant, out _)) throw new HubException("Name the portal's delegation by its code, such as GHA.");
        if (participant is not null && Actor.Of(user).WhyNotFor(participant) is { } why) throw new HubException(why);
        var now = clock.GetUtcNow();
        _screens.AddOrUpdate(connectionId,
            _ => new ScreenEntry(connectionId, kind, room?.Trim(), meetingId, participant?.Trim().ToUpperInvariant(), node.Name, now, now, true, showingVersion, null),
            (_, e) => e with { Kind = kind, Room = room?.Trim(), MeetingId = meetingId, Participant = participant?.Trim().ToUpperInvariant(), LastSeenAt = now, ShowingVersion = showingVersion });
        _changed[connectionId] = 0;
    }

    public void Disconnected(string connectionId)
    {
        var now = clock.GetUtcNow();
        if (_screens.TryGetValue(connectionId, out var e) && _screens.TryUpdate(connectionId, e with { Connected = false, DisconnectedAt = now }, e))
            _changed[connectionId] = 0;
    }

    /// <summary>This node's screens as they stand now; those lost long ago are dropped for good.</summary>
    public IReadOnlyList<ScreenEntry> Here()
    {
        var now = clock.GetUtcNow();
        var screens = new List<ScreenEntry>();
        foreach (var (id, entry) in _screens)
        {
            var current = entry.At(now);
            if (current.Forgotten(now)) { _screens.TryRemove(id, out _); _changed[id] = 0; }
            else screens.Add(current);
        }
        return screens;
    }

    /// <summary>The screens changed since the last call (for the directory across nodes); null where one was forgotten.</summary>
    public IReadOnlyList<(string Id, ScreenEntry? Entry)> TakeChanged()
    {
        Here();
        var changed = new List<(string, ScreenEntry?)>();
        foreach (var id in _changed.Keys)
            if (_changed.TryRemove(id, out _)) changed.Add((id, _screens.TryGetValue(id, out var e) ? e : null));
        return changed;
    }
}

/// <summary>This node's name in the roster: SpeakersList:Node, else machine:pid (as in the telemetry).</summary>
public sealed record ScreenNode(string Name)
{
    public static ScreenNode From(IConfiguration configuration) =>
        new(configuration["SpeakersList:Node"] ?? Environment.MachineName + ":" + Environment.ProcessId);
}

/// <summary>A page that leaves is marked lost at once (its connection closed); silence covers the rest.</summary>
public sealed class ScreenRosterFilter(ScreenRoster roster) : IHubFilter
{
    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        roster.Disconnected(context.Context.ConnectionId);
        return next(context, exception);
    }
}
