using SpeakersList.Participants;

namespace SpeakersList.Programme;

// Events of a conference's stream: the frame of the programme (its days and rooms) and the
// round-table participation, which spans the round tables and so is decided on the conference.

/// <summary>A day of the conference, at the venue; its title says what happens that day.</summary>
public sealed record ConferenceDay(DateOnly Date, string Title);

public sealed record ConferenceRegistered(
    Guid ConferenceId,
    Guid CommandId,
    string Name,
    string Venue,
    string TimeZone,
    IReadOnlyList<ConferenceDay> Days,
    IReadOnlyList<string> Rooms,
    DateTimeOffset At) : IConferenceEvent;

/// <summary>A delegation's preference for one round table, conveyed by the chair of its regional group (para 72).</summary>
/// <param name="RegionalGroup">The group whose chair conveyed it; null for a delegation outside the regional groups.</param>
public sealed record RoundTablePreferenceStated(
    Guid ConferenceId,
    Guid CommandId,
    Guid RoundTableId,
    ParticipantCode Participant,
    RegionalGroup? RegionalGroup,
    string StatedBy,
    DateTimeOffset At) : IConferenceEvent;

public sealed record RoundTableSeatAllocated(
    Guid ConferenceId,
    Guid CommandId,
    Guid RoundTableId,
    ParticipantCode Participant,
    string ParticipantName,
    ParticipantCategory Category,
    RegionalGroup? RegionalGroup,
    DateTimeOffset At) : IConferenceEvent;

public sealed record RoundTableSeatReleased(Guid ConferenceId, Guid CommandId, Guid RoundTableId, ParticipantCode Participant, DateTimeOffset At) : IConferenceEvent;

public enum Gender
{
    Female,
    Male,
}

/// <summary>The President of the Assembly designated a minister to chair a round table (para 67).</summary>
public sealed record RoundTableChairDesignated(
    Guid ConferenceId,
    Guid CommandId,
    Guid RoundTableId,
    ParticipantCode Participant,
    string ParticipantName,
    RegionalGroup RegionalGroup,
    string ChairName,
    Gender Gender,
    DateTimeOffset At) : IConferenceEvent;
