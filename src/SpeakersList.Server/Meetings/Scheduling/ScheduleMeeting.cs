namespace SpeakersList.Server.Meetings.Scheduling;

/// <summary>An officer puts a meeting on the programme; its list of speakers opens with it.</summary>
public static class ScheduleMeetingEndpoint
{
    public static ProblemDetails Validate(ScheduleMeeting command) => Validation.Check(
        (!Enum.IsDefined(command.Kind), "kind must be one of plenary, roundTable, hearing."),
        (Validation.Missing(command.Title, 300), "title is required (at most 300 characters)."),
        (Validation.Missing(command.Room, 100), "room is required (at most 100 characters)."),
        (Validation.Missing(command.AgendaItem, 200), "agendaItem is required: meetings on the same item share carry-over and rights of reply."),
        (command.End <= command.Start, "end must be after start."),
        (command.End - command.Start > TimeSpan.FromHours(12), "a meeting lasts at most 12 hours."),
        (command.TimeZone is { } zone && !VenueClock.Knows(zone), $"timeZone '{command.TimeZone}' is not a known IANA time zone."),
        (command.Code is { Length: > 20 }, "code is at most 20 characters."),
        (command.Segments?.Any(s => Validation.Missing(s.Title, 300)) == true, "every segment needs a title (at most 300 characters)."));

    public static async Task<SchedulingContext> LoadAsync(ScheduleMeeting command, IQuerySession session, CancellationToken cancellation) =>
        await SchedulingContext.LoadAsync(session, command.ConferenceId, command.Start, command.End, cancellation)
            with { Existing = await session.LoadAsync<Meeting>(command.CommandId, cancellation) };

    /// <summary>
    /// Schedule a meeting, on its own or in a conference's programme (conferenceId). Refused when its room
    /// is taken at that time (409), or when it falls outside the conference's days or rooms (422).
    /// </summary>
    [WolverinePost("/api/meetings", OperationId = "ScheduleMeeting")]
    [ProducesResponseType<CommandAccepted>(201)]
    [ProducesResponseType<CommandAccepted>(200)]
    public static (IResult, IMartenOp) Post(ScheduleMeeting command, SchedulingContext context, TimeProvider clock)
    {
        if (context.Existing is not null)
            return (Results.Ok(new CommandAccepted(command.CommandId, 1)), MartenOps.Nothing());

        var decision = Timetable.Decide(command, context.Conference, context.Others, clock.GetUtcNow());
        if (decision.Refusal is { } refusal) return (refusal.ToResult(), MartenOps.Nothing());
        return (Results.Created($"/api/meetings/{command.CommandId}/speakers-list", new CommandAccepted(command.CommandId, 1)),
            MartenOps.StartStream<Meeting>(command.CommandId, [.. decision.Events]));
    }
}
