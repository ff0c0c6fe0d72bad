using SpeakersList.Server.SpeakersLists;

namespace SpeakersList.Server.Live;

/// <summary>
/// What a room's screens show: the meeting that is current in the room (open or suspended; else the next one
/// scheduled there; else the last one held), with its list and floor.
/// <c>Version</c> is the sum of the versions of every meeting in the room: it only increases (a stream's version
/// only grows and meetings are never removed), so a screen keeps the view with the highest version it has seen.
/// It is not contiguous: a room screen resubscribes on reconnect rather than on a gap.
/// </summary>
public sealed record RoomView(string Room, long Version, Guid? MeetingId, SpeakersListView? SpeakersList, FloorView? Floor);

/// <summary>One place of a delegation on a meeting's list: where it stands, how many speak before it, when it is expected.</summary>
public sealed record DelegationSlot(
    Guid MeetingId,
    string MeetingTitle,
    string Room,
    DateTimeOffset ScheduledStart,
    MeetingStatus MeetingStatus,
    Guid InscriptionId,
    EntryKind Kind,
    EntryState State,
    int Position,
    int PeopleBefore,
    DateTimeOffset? EstimatedStart,
    bool ReachedBeforeEnd,
    DateTimeOffset? LatestLikelyStart = null,
    double? ReachProbability = null);

/// <summary>
/// A delegation's slots on every meeting's list. <c>Version</c> is the sum of the versions of all meetings: it only
/// increases, so a client keeps the view with the highest version it has seen (not contiguous; resubscribe on reconnect).
/// </summary>
public sealed record DelegationView(ParticipantCode Participant, long Version, IReadOnlyList<DelegationSlot> Slots);

/// <summary>A meeting's list and floor as pushed after a commit: built together, from one forecast.</summary>
public sealed record MeetingViews(SpeakersListView List, FloorView Floor);

/// <summary>The room and delegation views, computed from the meetings' lists (and their list views, computed once).</summary>
public static class LiveViews
{
    /// <summary>The list's and the floor's views of a meeting, from one forecast of its list.</summary>
    public static MeetingViews Meeting(ListOfSpeakers list, DateTimeOffset serverTime, SpeakingTimeModel? model = null)
    {
        var forecast = Forecast.Of(list, Forecast.NextFree(list), model);
        return new MeetingViews(SpeakersListView.From(list, forecast), FloorView.From(list, serverTime, forecast));
    }

    public static string RoomKey(string room) => room.Trim().ToUpperInvariant();

    public static string DelegationKey(ParticipantCode participant) => participant.Value;

    /// <summary>The meeting current in a room among the meetings held there.</summary>
    public static ListOfSpeakers? CurrentMeeting(IEnumerable<ListOfSpeakers> inRoom)
    {
        var lists = inRoom.ToList();
        return lists.Where(x => x.Floor.Status is MeetingStatus.InProgress or MeetingStatus.Suspended).MaxBy(x => x.Floor.OpenedAt)
            ?? lists.Where(x => x.Floor.Status == MeetingStatus.Scheduled).MinBy(x => x.ScheduledStart)
            ?? lists.Where(x => x.Floor.Status == MeetingStatus.Adjourned).MaxBy(x => x.Floor.AdjournedAt);
    }

    public static RoomView Room(string room, IReadOnlyCollection<ListOfSpeakers> inRoom, DateTimeOffset serverTime) =>
        Room(room, inRoom, list => Meeting(list, serverTime));

    /// <summary>The room's view, taking the current meeting's views from <paramref name="views"/> (those a push has built already).</summary>
    public static RoomView Room(string room, IReadOnlyCollection<ListOfSpeakers> inRoom, Func<ListOfSpeakers, MeetingViews> views)
    {
        var current = CurrentMeeting(inRoom);
        var built = current is null ? null : views(current);
        return new RoomView(room, inRoom.Sum(x => x.Version), current?.Id, built?.List, built?.Floor);
    }

    /// <summary>The lists the delegations have ever been on (a delegation's view reads no other): not every list of the session.</summary>
    public static async Task<IReadOnlyList<ListOfSpeakers>> ListsOfAsync(IQuerySession session, IEnumerable<ParticipantCode> delegations, CancellationToken cancellation)
    {
        var ids = await Publishing.Calendars.DelegationMeetingsProjection.MeetingsOfAsync(session, delegations, cancellation);
        return ids.Count == 0 ? [] : await session.LoadManyAsync<ListOfSpeakers>(cancellation, ids);
    }

    /// <summary>A delegation's slots, from the list view of every meeting (each computed once) and its meeting's status.</summary>
    public static DelegationView Delegation(ParticipantCode code, IReadOnlyCollection<(SpeakersListView View, MeetingStatus Status)> views)
    {
        var slots = new List<DelegationSlot>();
        foreach (var (view, status) in views.OrderBy(x => x.View.ScheduledStart))
        {
            var before = 0;
            foreach (var entry in view.Entries)
            {
                if (entry.Speaker.Represents(code))
                    slots.Add(new DelegationSlot(view.MeetingId, view.MeetingTitle, view.Room, view.ScheduledStart, status, entry.InscriptionId,
                        entry.Kind, entry.State, entry.Position, entry.State == EntryState.Waiting ? before : 0, entry.EstimatedStart,
                        entry.ReachedBeforeEnd, entry.LatestLikelyStart, entry.ReachProbability));
                if (entry.State is EntryState.Waiting or EntryState.Speaking) before++;
            }
        }
        return new DelegationView(code, views.Sum(x => x.View.Version), slots);
    }
}
