using System.Collections.Immutable;
using SpeakersList.Floor;

namespace SpeakersList.Programme;

/// <summary>Where a meeting stands: the programme grid shows it next to the meeting.</summary>
public enum ProgrammeStatus
{
    Scheduled,
    InProgress,
    Suspended,
    Adjourned,
    Cancelled,
}

/// <summary>
/// A meeting as the programme knows it: what, where, when, and its live status. Built from the
/// meeting's stream (programme events, and the floor's lifecycle events); the list of speakers on
/// the same stream is another aggregate.
/// </summary>
public sealed record Meeting(
    Guid Id,
    Guid? ConferenceId,
    string? Code,
    MeetingDetails Details,
    ImmutableList<MeetingSegment> Segments,
    ProgrammeStatus Status,
    string? CancellationReason,
    ImmutableHashSet<Guid> HandledCommands) : IStreamSnapshot<Meeting, IMeetingEvent>
{
    public static Meeting For(MeetingScheduled e) => new(
        e.MeetingId, e.ConferenceId, e.Code, e.Details,
        e.Segments?.ToImmutableList() ?? [], ProgrammeStatus.Scheduled, null, [e.CommandId]);

    public static Meeting? Start(IMeetingEvent first) => first is MeetingScheduled e ? For(e) : null;

    private Meeting On(MeetingRescheduled e)
    {
        // Segments keep their place within the meeting: they move with it, and the last one ends with it.
        var shift = e.Start - Details.Start;
        var segments = Segments.Select(s => s with { Start = s.Start + shift, End = s.End + shift }).ToImmutableList();
        if (!segments.IsEmpty) segments = segments.SetItem(segments.Count - 1, segments[^1] with { End = e.End });
        segments = segments.Where(s => s.Start < e.End).Select(s => s.End > e.End ? s with { End = e.End } : s).ToImmutableList();
        return Handled(e.CommandId) with { Details = Details with { Start = e.Start, End = e.End }, Segments = segments };
    }

    private Meeting On(MeetingMoved e) => Handled(e.CommandId) with { Details = Details with { Room = e.Room } };

    private Meeting On(MeetingCancelled e) => Handled(e.CommandId) with { Status = ProgrammeStatus.Cancelled, CancellationReason = e.Reason };

    private Meeting On(MeetingOpened e) => Handled(e.CommandId) with { Status = ProgrammeStatus.InProgress };

    private Meeting On(MeetingSuspended e) => Handled(e.CommandId) with { Status = ProgrammeStatus.Suspended };

    private Meeting On(MeetingResumed e) => Handled(e.CommandId) with { Status = ProgrammeStatus.InProgress };

    private Meeting On(MeetingAdjourned e) => Handled(e.CommandId) with { Status = ProgrammeStatus.Adjourned };

    /// <summary>The programme's fold: the events of the meeting's list and floor do not change the programme.</summary>
    public Meeting Evolve(IMeetingEvent @event) => @event switch
    {
        MeetingRescheduled e => On(e),
        MeetingMoved e => On(e),
        MeetingCancelled e => On(e),
        MeetingOpened e => On(e),
        MeetingSuspended e => On(e),
        MeetingResumed e => On(e),
        MeetingAdjourned e => On(e),
        _ => this,
    };

    /// <summary>A cancelled meeting no longer takes up its room.</summary>
    public bool HoldsRoom() => Status != ProgrammeStatus.Cancelled;

    private Meeting Handled(Guid commandId) =>
        commandId == Guid.Empty ? this : this with { HandledCommands = HandledCommands.Add(commandId) };
}
