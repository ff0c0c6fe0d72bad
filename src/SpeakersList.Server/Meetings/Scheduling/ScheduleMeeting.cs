using Marten;
using Microsoft.AspNetCore.Mvc;
using SpeakersList.Programme;
using SpeakersList.Server.Infrastructure;
using SpeakersList.SpeakersLists;
using Wolverine.Http;
using Wolverine.Marten;

namespace SpeakersList.Server.Meetings.Scheduling;

/// <summary>An officer puts a meeting on the programme. Its id is the command's id, so a retry creates nothing new.</summary>
public sealed record ScheduleMeeting(
    Guid CommandId,
    MeetingKind Kind,
    string Title,
    string Room,
    DateTimeOffset Start,
    DateTimeOffset End,
    string AgendaItem,
    string? TimeZone = null);

public sealed record MeetingScheduledResponse(Guid MeetingId, long Version);

public static class ScheduleMeetingEndpoint
{
    public const string HeadquartersTimeZone = "America/New_York";

    public static ProblemDetails Validate(ScheduleMeeting command) => Validation.Check(
        (command.CommandId == Guid.Empty, "commandId is required: an id chosen by the client; it becomes the meeting's id."),
        (!Enum.IsDefined(command.Kind), "kind must be one of plenary, roundTable, hearing."),
        (Validation.Missing(command.Title, 300), "title is required (at most 300 characters)."),
        (Validation.Missing(command.Room, 100), "room is required (at most 100 characters)."),
        (Validation.Missing(command.AgendaItem, 200), "agendaItem is required: meetings on the same item share carry-over and rights of reply."),
        (command.End <= command.Start, "end must be after start."),
        (command.End - command.Start > TimeSpan.FromHours(12), "a meeting lasts at most 12 hours."),
        (command.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _), $"timeZone '{command.TimeZone}' is not a known IANA time zone."));

    /// <summary>Schedule a meeting; its list of speakers opens with it.</summary>
    [WolverinePost("/api/meetings", OperationId = "ScheduleMeeting")]
    [ProducesResponseType<MeetingScheduledResponse>(201)]
    [ProducesResponseType<MeetingScheduledResponse>(200)]
    [ProducesResponseType<ProblemDetails>(400)]
    public static async Task<(IResult, IMartenOp)> Post(ScheduleMeeting command, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (await session.LoadAsync<ListOfSpeakers>(command.CommandId, cancellation) is { } existing)
            return (Results.Ok(new MeetingScheduledResponse(existing.Id, existing.Version)), MartenOps.Nothing());

        var scheduled = new MeetingScheduled(command.CommandId, command.CommandId, command.Kind, command.Title.Trim(), command.Room.Trim(),
            command.Start, command.End, command.TimeZone ?? HeadquartersTimeZone, command.AgendaItem.Trim(), clock.GetUtcNow());
        return (Results.Created($"/api/meetings/{command.CommandId}/speakers-list", new MeetingScheduledResponse(command.CommandId, 1)),
            MartenOps.StartStream<ListOfSpeakers>(command.CommandId, scheduled));
    }
}
