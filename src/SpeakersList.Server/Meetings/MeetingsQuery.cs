using Marten;
using SpeakersList.Floor;
using SpeakersList.Programme;
using SpeakersList.SpeakersLists;
using Wolverine.Http;

namespace SpeakersList.Server.Meetings;

/// <summary>One meeting as the pages' pickers and grid show it.</summary>
public sealed record MeetingSummary(
    Guid Id, MeetingKind Kind, string Title, string Room, DateTimeOffset Start, DateTimeOffset End, string TimeZone, MeetingStatus Status);

/// <summary>
/// Every scheduled meeting, by start: what the console's picker, the portal and the programme page list
/// until the programme (GET /api/programme) is there. Read-only, from the meetings' lists.
/// </summary>
public static class MeetingsQuery
{
    [WolverineGet("/api/meetings", OperationId = "GetMeetings")]
    public static async Task<IReadOnlyList<MeetingSummary>> Get(IQuerySession session, CancellationToken cancellation)
    {
        var lists = await session.Query<ListOfSpeakers>().ToListAsync(cancellation);
        return lists
            .OrderBy(x => x.Meeting.Start)
            .Select(x => new MeetingSummary(x.Id, x.Meeting.Kind, x.Meeting.Title, x.Meeting.Room,
                TimeZoneInfo.ConvertTime(x.Meeting.Start, x.Meeting.Venue), TimeZoneInfo.ConvertTime(x.Meeting.End, x.Meeting.Venue),
                x.Meeting.TimeZone, x.Floor.Status))
            .ToList();
    }
}
