using System.Security.Claims;
using SpeakersList.Interpretation;
using SpeakersList.Publishing;
using SpeakersList.Server.Live;
using SpeakersList.Server.SpeakersLists;

namespace SpeakersList.Server.Booths;

/// <summary>A speaker as the booths need them: who, in which language (and relay), how delivered, for how long, and whether the text is there.</summary>
public sealed record BoothSpeakerView(
    Guid InscriptionId,
    ParticipantCode Participant,
    string ParticipantName,
    string SpeakerName,
    string SpeakerTitle,
    EntryKind Kind,
    string Language,
    string? InterpretationInto,
    StatementMode Mode,
    int? DurationSeconds,
    string? IntroducedBy,
    int AllottedSeconds,
    DateTimeOffset? EstimatedStart,
    bool StatementAvailable);

/// <summary>
/// The booths' view of a room: the meeting in progress there (or the next one), the speaker with the floor and the next three.
/// The clock is the floor's (<see cref="Floor"/>), counted down by the page as on the hall display.
/// </summary>
public sealed record BoothView(
    string Room,
    Guid? MeetingId,
    string? MeetingTitle,
    long Version,
    BoothSpeakerView? Current,
    IReadOnlyList<BoothSpeakerView> Next,
    FloorView? Floor,
    DateTimeOffset ServerTime)
{
    public const int NextCount = 3;

    public static BoothView Of(string room, ListOfSpeakers? list, IReadOnlySet<Guid> withStatement, DateTimeOffset now)
    {
        if (list is null) return new BoothView(room, null, null, 0, null, [], null, now);
        var forecast = Forecast.Of(list, Forecast.NextFree(list));
        var venue = list.Meeting.Details.Venue();
        BoothSpeakerView Speaker(ForecastEntry f)
        {
            var (e, d) = (f.Ordered.Entry, f.Ordered.Entry.Delivery);
            return new BoothSpeakerView(e.InscriptionId, e.Speaker.Participant, e.Speaker.ParticipantName, e.Speaker.SpeakerName, e.Speaker.SpeakerTitle, e.Kind,
                d.Language, d.InterpretationInto, d.Mode, d.DurationSeconds, d.IntroducedBy,
                list.Floor.Current?.InscriptionId == e.InscriptionId ? list.Floor.Current.Clock.AllottedSeconds : f.AllottedSeconds,
                f.EstimatedStart is { } at ? venue.LocalTime(at) : null, withStatement.Contains(e.InscriptionId));
        }
        var current = forecast.Entries.FirstOrDefault(f => f.Ordered.Entry.InscriptionId == list.Floor.Current?.InscriptionId);
        var next = forecast.Entries.Where(f => f.Ordered.Entry.IsWaiting).Take(NextCount).Select(Speaker).ToList();
        return new BoothView(list.Meeting.Details.Room, list.Id, list.Meeting.Details.Title, list.Version,
            current is null ? null : Speaker(current), next, FloorView.From(list, now, forecast), now);
    }
}

public static class BoothViewEndpoint
{
    /// <summary>
    /// The room's booths' view: the meeting in progress in the room (else the next), the current speaker and the next three, each with
    /// language, interpretation, mode, allotted time and whether a statement text is available. The room's booth or an officer.
    /// </summary>
    [BoothMayAct]
    [WolverineGet("/api/booths/{room}", OperationId = "GetBoothView")]
    [ProducesResponseType<BoothView>(200)]
    [ProducesResponseType<ProblemDetails>(403)]
    public static async Task<IResult> Get(string room, IQuerySession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
    {
        if (BoothAccess.RefuseUnlessFor(user, room) is { } refused) return refused;
        var name = room.Trim();
        var inRoom = await session.Query<ListOfSpeakers>()
            .Where(x => x.Meeting.Details.Room.Equals(name, StringComparison.OrdinalIgnoreCase)).ToListAsync(cancellation);
        var list = LiveViews.CurrentMeeting(inRoom);
        var withStatement = list is null ? [] : (await session.Events.QueryRawEventDataOnly<StatementSubmitted>()
            .Where(x => x.MeetingId == list.Id).ToListAsync(cancellation)).Select(x => x.InscriptionId).ToHashSet();
        return Results.Ok(BoothView.Of(list?.Meeting.Details.Room ?? name, list, withStatement, clock.GetUtcNow()));
    }
}
