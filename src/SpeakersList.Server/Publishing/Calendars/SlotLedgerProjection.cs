using Marten.Events.Projections;
using SpeakersList.Publishing;

namespace SpeakersList.Server.Publishing.Calendars;

/// <summary>
/// Each meeting's <see cref="SlotLedger"/> (the calendar's slot revisions), folded inline as the meeting's events land:
/// a calendar reads the ledgers of its delegation's meetings instead of replaying their streams at each fetch.
/// </summary>
public partial class SlotLedgerProjection() : DomainFold<SlotLedger, IMeetingEvent>;

/// <summary>A delegation was inscribed on a meeting's list (once, whatever came of it): which ledgers its calendar reads.</summary>
public sealed record DelegationMeeting(string Id, string Participant, Guid MeetingId)
{
    public static DelegationMeeting Of(ParticipantCode participant, Guid meetingId) => new($"{participant.Value}/{meetingId:N}", participant.Value, meetingId);
}

/// <summary>Keeps <see cref="DelegationMeeting"/> from the events that put a delegation on a list (inline, one small upsert each).</summary>
public partial class DelegationMeetingsProjection : EventProjection
{
    public static DelegationMeeting Create(SpeakerInscribed e) => DelegationMeeting.Of(e.Speaker.Participant, e.MeetingId);

    public static void Project(SpeakersCarriedIn e, IDocumentOperations operations)
    {
        foreach (var carried in e.Speakers) operations.Store(DelegationMeeting.Of(carried.Speaker.Participant, e.MeetingId));
    }

    /// <summary>The meetings on whose lists the participants have ever been inscribed.</summary>
    public static async Task<IReadOnlyList<Guid>> MeetingsOfAsync(IQuerySession session, IEnumerable<ParticipantCode> participants, CancellationToken cancellation)
    {
        var codes = participants.Select(p => p.Value).Distinct().ToArray();
        if (codes.Length == 0) return [];
        var rows = await session.Query<DelegationMeeting>().Where(x => x.Participant.IsOneOf(codes)).ToListAsync(cancellation);
        return rows.Select(x => x.MeetingId).Distinct().ToList();
    }
}
