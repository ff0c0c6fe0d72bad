using System.Security.Cryptography;
using System.Text;
using SpeakersList.Participants;

namespace SpeakersList.SpeakersLists;

/// <summary>An officer sets when the list opens and how long its opening window lasts.</summary>
/// <param name="WindowSeconds">Inscriptions received in the first <c>WindowSeconds</c> after the opening are ordered by lot; default 60.</param>
public sealed record ScheduleOpening(Guid CommandId, DateTimeOffset OpensAt, int? WindowSeconds = null, long? ExpectedVersion = null) : IMeetingCommand;

/// <summary>
/// The list opens at <c>OpensAt</c>; what is received before <c>OpensAt + WindowSeconds</c> is held for a draw by lot.
/// <c>Commitment</c> is the SHA-256 of the secret seed (hex): published now, so anyone can check the seed revealed later.
/// The seed itself is in no event until <see cref="LotDrawn"/>.
/// </summary>
public sealed record SpeakersListOpeningScheduled(
    Guid MeetingId, DateTimeOffset OpensAt, int WindowSeconds, string Commitment, Guid CommandId, DateTimeOffset At) : IMeetingEvent;

/// <summary>The window closed: the seed is revealed and the held inscriptions are ordered by it.</summary>
public sealed record LotDrawn(Guid MeetingId, string Commitment, string Seed, IReadOnlyList<DrawnInscription> Order, DateTimeOffset At) : IMeetingEvent;

/// <summary>One held inscription in the draw: its rank among the <c>Of</c> drawn at its level, and its lot (hex).</summary>
public sealed record DrawnInscription(Guid InscriptionId, ParticipantCode Participant, SpeakingBlock Block, LevelOfRepresentation Level, int Rank, int Of, string Lot);

/// <summary>The list's scheduled opening, as the list keeps it. <c>Seed</c> stays null until the draw.</summary>
public sealed record OpeningState(DateTimeOffset OpensAt, int WindowSeconds, string Commitment, string? Seed = null, DateTimeOffset? DrawnAt = null)
{
    public DateTimeOffset WindowEnd => OpensAt.AddSeconds(WindowSeconds);

    public bool Drawn => DrawnAt is not null;

    /// <summary>Whether an inscription received at this moment falls in the opening window.</summary>
    public bool Holds(DateTimeOffset receivedAt) => receivedAt >= OpensAt && receivedAt < WindowEnd;
}

/// <summary>
/// A fair opening (issue 16): the list opens at a published time, and the first rush is ordered by a
/// lot that anyone can verify. The lot of an inscription is SHA-256(seed ‖ participant code), where the
/// seed is the 32 bytes the server drew, and the code is the participant's code in upper case, as ASCII
/// (UTF-8) bytes, with nothing between them. Within each protocol block and level (the whole list under
/// first come, first served), the held inscriptions are sorted by their lot, compared as unsigned bytes
/// (the same as comparing the lower-case hex strings); equal lots (the same participant twice) keep the
/// order of arrival. The commitment published before the opening is SHA-256(seed), hex.
/// </summary>
public static class Opening
{
    public const int DefaultWindowSeconds = 60;
    public const int MaximumWindowSeconds = 3600;

    public static Decision Decide(ListOfSpeakers list, ScheduleOpening command, byte[] seed, DateTimeOffset now)
    {
        if (list.Guard(command) is { } guarded) return guarded;
        var window = command.WindowSeconds ?? DefaultWindowSeconds;
        if (window is < 1 or > MaximumWindowSeconds)
            return Refusal.Invalid($"windowSeconds must be between 1 and {MaximumWindowSeconds}.");
        if (command.OpensAt <= now)
            return Refusal.Invalid($"The opening must be in the future; it is now {now:yyyy-MM-dd HH:mm:ss} UTC.");
        if (list.Opening is { } current && now >= current.OpensAt)
            return Refusal.Conflict(current.Drawn
                ? "The list has opened and its lot has been drawn; the opening cannot be set again."
                : $"The list opened at {current.OpensAt:HH:mm:ss} UTC and its window is running; the opening cannot be changed now.");
        if (list.Entries.Any(x => x.Kind == EntryKind.Statement && x.IsActive))
            return Refusal.Conflict("Statements are already inscribed on this list; a scheduled opening is set on a list that has not yet received any.");
        return Decision.Accept(new SpeakersListOpeningScheduled(list.Id, command.OpensAt, window, Commitment(seed), command.CommandId, now));
    }

    /// <summary>The draw at the end of the window, from the seed kept secret until now.</summary>
    public static Decision Draw(ListOfSpeakers list, byte[] seed, DateTimeOffset now)
    {
        if (list.Opening is not { } opening) return Refusal.NotFound("No opening is scheduled on this list.");
        if (opening.Drawn) return Decision.AlreadyDone;
        if (Commitment(seed) != opening.Commitment)
            return Refusal.Conflict("The seed does not match the commitment published for this opening.");
        if (now < opening.WindowEnd)
            return Refusal.Conflict($"The opening window closes at {opening.WindowEnd:HH:mm:ss} UTC; the lot is drawn then.");
        var held = list.Entries.Where(x => list.IsHeld(x) && x.IsActive).ToList();
        return Decision.Accept(new LotDrawn(list.Id, opening.Commitment, Convert.ToHexStringLower(seed), Order(seed, held, list.Policy), now));
    }

    /// <summary>The commitment to a seed: SHA-256 of its bytes, lower-case hex.</summary>
    public static string Commitment(byte[] seed) => Convert.ToHexStringLower(SHA256.HashData(seed));

    /// <summary>The lot of a participant: SHA-256(seed ‖ ASCII of the upper-case code), lower-case hex.</summary>
    public static string Lot(byte[] seed, ParticipantCode participant) =>
        Convert.ToHexStringLower(SHA256.HashData([.. seed, .. Encoding.UTF8.GetBytes(participant.Value)]));

    /// <summary>The draw, a pure function of the seed and the held inscriptions: the same seed gives the same order.</summary>
    public static IReadOnlyList<DrawnInscription> Order(byte[] seed, IEnumerable<Entry> held, OrderingPolicy policy) =>
        held.GroupBy(x => LevelOf(x, policy))
            .OrderBy(g => g.Key)
            .SelectMany(level =>
            {
                var drawn = level.Select(x => (Entry: x, Lot: Lot(seed, x.Speaker.Participant)))
                    .OrderBy(x => x.Lot, StringComparer.Ordinal).ThenBy(x => x.Entry.ReceivedAt).ThenBy(x => x.Entry.Sequence).ToList();
                return drawn.Select((x, i) => new DrawnInscription(
                    x.Entry.InscriptionId, x.Entry.Speaker.Participant, x.Entry.Speaker.Block, x.Entry.Speaker.Level, i + 1, drawn.Count, x.Lot));
            })
            .ToList();

    /// <summary>The level a held inscription is drawn in: its protocol block and (Member States) level; one level under first come, first served.</summary>
    public static (int Block, int Level) LevelOf(Entry entry, OrderingPolicy policy) =>
        policy == OrderingPolicy.Protocol
            ? entry.Speaker.ProtocolRank()
            : (0, 0);
}
