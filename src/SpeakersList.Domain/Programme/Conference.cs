using System.Collections.Immutable;
using SpeakersList.Participants;

namespace SpeakersList.Programme;

public sealed record Preference(ParticipantCode Participant, Guid RoundTableId, RegionalGroup? RegionalGroup, string StatedBy, DateTimeOffset At);

public sealed record Seat(Guid RoundTableId, ParticipantCode Participant, string ParticipantName, ParticipantCategory Category, RegionalGroup? RegionalGroup, DateTimeOffset At);

public sealed record Chair(Guid RoundTableId, ParticipantCode Participant, string ParticipantName, RegionalGroup RegionalGroup, string ChairName, Gender Gender);

/// <summary>
/// A conference: its days and rooms, and who takes part in which round table. Immutable; evolved
/// only by the events of its stream. Its meetings are streams of their own, tied to it by id.
/// </summary>
public sealed record Conference(
    Guid Id,
    string Name,
    string Venue,
    string TimeZone,
    ImmutableList<ConferenceDay> Days,
    ImmutableList<string> Rooms,
    ImmutableList<Preference> Preferences,
    ImmutableList<Seat> Seats,
    ImmutableList<Chair> Chairs,
    ImmutableHashSet<Guid> HandledCommands,
    DateTimeOffset RegisteredAt) : IStreamSnapshot<Conference, IConferenceEvent>
{
    public static Conference For(ConferenceRegistered e) => new(
        e.ConferenceId, e.Name, e.Venue, e.TimeZone, [.. e.Days], [.. e.Rooms], [], [], [], [e.CommandId], e.At);

    public static Conference? Start(IConferenceEvent first) => first is ConferenceRegistered e ? For(e) : null;

    private Conference On(RoundTablePreferenceStated e) => Handled(e.CommandId) with
    {
        Preferences = Preferences.RemoveAll(p => p.Participant == e.Participant)
            .Add(new Preference(e.Participant, e.RoundTableId, e.RegionalGroup, e.StatedBy, e.At)),
    };

    private Conference On(RoundTableSeatAllocated e) => Handled(e.CommandId) with
    {
        Seats = Seats.Add(new Seat(e.RoundTableId, e.Participant, e.ParticipantName, e.Category, e.RegionalGroup, e.At)),
    };

    private Conference On(RoundTableSeatReleased e) => Handled(e.CommandId) with
    {
        Seats = Seats.RemoveAll(s => s.RoundTableId == e.RoundTableId && s.Participant == e.Participant),
    };

    private Conference On(RoundTableChairDesignated e) => Handled(e.CommandId) with
    {
        Chairs = Chairs.RemoveAll(c => c.RoundTableId == e.RoundTableId)
            .Add(new Chair(e.RoundTableId, e.Participant, e.ParticipantName, e.RegionalGroup, e.ChairName, e.Gender)),
    };

    public Conference Evolve(IConferenceEvent @event) => @event switch
    {
        RoundTablePreferenceStated e => On(e),
        RoundTableSeatAllocated e => On(e),
        RoundTableSeatReleased e => On(e),
        RoundTableChairDesignated e => On(e),
        _ => throw new UnknownEvent(@event, nameof(Conference)),
    };

    public TimeZoneInfo VenueZone() => VenueClock.Zone(TimeZone);

    public IEnumerable<Seat> SeatsAt(Guid roundTableId) => Seats.Where(s => s.RoundTableId == roundTableId);

    public Seat? SeatOf(ParticipantCode participant) => Seats.FirstOrDefault(s => s.Participant == participant);

    public Preference? PreferenceOf(ParticipantCode participant) => Preferences.FirstOrDefault(p => p.Participant == participant);

    public Chair? ChairOf(Guid roundTableId) => Chairs.FirstOrDefault(c => c.RoundTableId == roundTableId);

    private Conference Handled(Guid commandId) =>
        commandId == Guid.Empty ? this : this with { HandledCommands = HandledCommands.Add(commandId) };

}
