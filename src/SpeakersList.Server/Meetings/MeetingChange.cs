using SpeakersList.Server.Programme;

namespace SpeakersList.Server.Meetings;

/// <summary>The answer to a change of a meeting: the meeting as the programme now shows it.</summary>
public sealed record ProgrammeMeetingViewResponse(ProgrammeMeetingView Meeting);

public static class MeetingChange
{
    public static (IResult, Events) Answer(Meeting meeting, Decision decision) =>
        decision.Refusal is { } refusal
            ? (refusal.ToResult(), [])
            : (Results.Ok(new ProgrammeMeetingViewResponse(ProgrammeMeetingView.From(decision.Events.Aggregate(meeting, (m, e) => m.Evolve(e))))),
                [.. decision.Events]);
}
