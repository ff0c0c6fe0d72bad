namespace SpeakersList.Server.SpeakersLists.Chairing;

/// <summary>The rule of <see cref="OneMeetingPerRoom"/> for the commands that put a meeting in progress (open, resume).</summary>
public static class RoomInUse
{
    public static async Task<ProblemDetails> CheckAsync(Guid meetingId, IQuerySession session, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ListOfSpeakers>(meetingId, cancellation) is not { } list) return WolverineContinue.NoProblems;
        var room = list.Meeting.Details.Room.Trim();
        var inRoom = await session.Query<ListOfSpeakers>()
            .Where(x => x.Meeting.Details.Room.Equals(room, StringComparison.OrdinalIgnoreCase))
            .ToListAsync(cancellation);
        return OneMeetingPerRoom.Refuse(list, inRoom) is { } refusal ? Refusals.ToProblem(refusal) : WolverineContinue.NoProblems;
    }
}
