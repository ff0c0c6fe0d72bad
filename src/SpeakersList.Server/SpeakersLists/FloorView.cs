using SpeakersList.Interpretation;
using SpeakersList.Server.SpeakersLists;

namespace SpeakersList.Server.SpeakersLists;

public sealed record FloorSpeakerView(
    Guid InscriptionId, ParticipantCode Participant, string ParticipantName, string SpeakerName, string SpeakerTitle, string? OnBehalfOf, EntryKind Kind,
    Delivery Delivery)
{
    public static FloorSpeakerView Of(Entry holder) => new(holder.InscriptionId, holder.Speaker.Participant, holder.Speaker.ParticipantName,
        holder.Speaker.SpeakerName, holder.Speaker.SpeakerTitle, holder.Speaker.OnBehalfOf, holder.Kind, holder.Delivery);
}

public sealed record PointOfOrderView(ParticipantCode Participant, string ParticipantName, DateTimeOffset Since);

public sealed record NextSpeakerView(
    Guid InscriptionId, ParticipantCode Participant, string ParticipantName, string SpeakerName, string SpeakerTitle, string? OnBehalfOf,
    DateTimeOffset? EstimatedStart, Delivery Delivery);

/// <summary>
/// The floor of a meeting as screens show it. The clock is server-authoritative but never pushed
/// per second: a screen counts down itself from <see cref="SpeechStartedAt"/> (null while paused),
/// <see cref="SpokenSeconds"/> (spoken before that run) and <see cref="AllottedSeconds"/>, correcting
/// its own clock by its offset from <see cref="ServerTime"/>:
/// remaining = allottedSeconds - spokenSeconds - (serverNow - speechStartedAt); below zero it shows the overrun (+0:42).
/// Started: the speaker called has begun to speak. AbsentPolicy: what becomes of a speaker absent when called. ServerTime: the server's time when the view was sent, the only
/// field not projected from the events.
/// </summary>
public sealed record FloorView(
    Guid MeetingId,
    long Version,
    string MeetingTitle,
    string Room,
    MeetingStatus Status,
    FloorSpeakerView? CurrentSpeaker,
    PointOfOrderView? PointOfOrder,
    DateTimeOffset? CalledAt,
    bool Started,
    DateTimeOffset? SpeechStartedAt,
    double SpokenSeconds,
    bool Paused,
    int? AllottedSeconds,
    IReadOnlyList<NextSpeakerView> Next,
    AbsentPolicy AbsentPolicy,
    DateTimeOffset ServerTime)
{
    public const int NextCount = 5;

    /// <summary>The answer of a floor command: the floor after it, stamped with the server's time.</summary>
    public static Func<ListOfSpeakers, object> AsOf(TimeProvider clock) => list => From(list, clock.GetUtcNow());

    /// <summary>A pure function of the meeting's list, but for the server time it is stamped with.</summary>
    public static FloorView From(ListOfSpeakers list, DateTimeOffset serverTime) =>
        From(list, serverTime, Forecast.Of(list, Forecast.NextFree(list)));

    /// <summary>The view from a forecast already computed (a push builds the list's and the floor's views from one).</summary>
    public static FloorView From(ListOfSpeakers list, DateTimeOffset serverTime, ListForecast forecast)
    {
        var floor = list.Floor;
        var venue = list.Meeting.Details.Venue();
        var current = floor.Current;
        var holder = list.FloorHolder();
        return new FloorView(
            list.Id, list.Version, list.Meeting.Details.Title, list.Meeting.Details.Room, floor.Status,
            holder is null ? null : FloorSpeakerView.Of(holder),
            floor.PointOfOrder is { } raised ? new PointOfOrderView(raised.Participant, raised.ParticipantName, venue.LocalTime(raised.Since)) : null,
            current is null ? null : venue.LocalTime(current.CalledAt),
            current?.Started ?? false,
            current?.Clock.RunStartedAt is { } run ? venue.LocalTime(run) : null,
            current?.Clock.SpokenBefore.TotalSeconds ?? 0,
            current?.Paused ?? false,
            current?.Clock.AllottedSeconds,
            forecast.Entries.Where(x => x.Ordered.Entry.IsWaiting).Take(NextCount).Select(x =>
            {
                var e = x.Ordered.Entry;
                var speaker = e.Speaker;
                return new NextSpeakerView(e.InscriptionId, speaker.Participant, speaker.ParticipantName, speaker.SpeakerName, speaker.SpeakerTitle,
                    speaker.OnBehalfOf, x.EstimatedStart is { } at ? venue.LocalTime(at) : null, e.Delivery);
            }).ToList(),
            list.AbsentPolicy,
            serverTime);
    }

}

public static class FloorQueries
{
    /// <summary>
    /// The floor of a meeting: the current speaker, the clock, the point of order, the next speakers, the meeting's status
    /// and the server's time. With <c>at</c> (ISO 8601), the floor as it stood then, rebuilt from the events.
    /// </summary>
    [WolverineGet("/api/meetings/{meetingId}/floor", OperationId = "GetFloor")]
    [ProducesResponseType<FloorView>(200)]
    public static async Task<IResult> Get(Guid meetingId, string? at, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (!Replay.TryReadMoment(at, out var moment)) return Replay.NotAMoment(at);
        return await Replay.ListAsync(session, meetingId, moment, cancellation) is { } list
            ? Results.Ok(FloorView.From(list, clock.GetUtcNow()))
            : Refusal.NoMeeting(meetingId, moment).ToResult();
    }
}
