namespace SpeakersList.Server.Meetings;

/// <summary>
/// One meeting as the pages' pickers and grid show it: <c>status</c> is the meeting on the programme (scheduled, inProgress,
/// suspended, adjourned or cancelled); <c>floor</c> is the floor's live state (a cancelled meeting's floor never opened).
/// </summary>
public sealed record MeetingSummary(
    Guid Id, MeetingKind Kind, string Title, string Room, DateTimeOffset Start, DateTimeOffset End, string TimeZone,
    ProgrammeStatus Status, MeetingStatus Floor);

/// <summary>
/// Every scheduled meeting, by start: what the console's picker, the portal and the programme page list.
/// The programme owns a meeting's schedule and status; the list owns the floor.
/// </summary>
public static class MeetingsQuery
{
    [WolverineGet("/api/meetings", OperationId = "GetMeetings")]
    public static async Task<IReadOnlyList<MeetingSummary>> Get(IQuerySession session, CancellationToken cancellation)
    {
        var meetings = await session.Query<Meeting>().OrderBy(x => x.Details.Start).ToListAsync(cancellation);
        var floors = (await session.Query<ListOfSpeakers>().Select(x => new { x.Id, x.Floor.Status }).ToListAsync(cancellation))
            .ToDictionary(x => x.Id, x => x.Status);
        return meetings
            .Select(x => (Meeting: x, Shown: x.Details.AtVenue()))
            .Select(x => new MeetingSummary(x.Meeting.Id, x.Shown.Kind, x.Shown.Title, x.Shown.Room, x.Shown.Start, x.Shown.End, x.Shown.TimeZone,
                x.Meeting.Status, floors.GetValueOrDefault(x.Meeting.Id, MeetingStatus.Scheduled)))
            .ToList();
    }
}
