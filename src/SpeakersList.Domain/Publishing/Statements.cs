using SpeakersList.Participants;
using System.Security.Cryptography;
using System.Text;
using SpeakersList.Floor;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Publishing;

/// <summary>The kinds of file a statement may be circulated in.</summary>
public enum StatementFormat
{
    Pdf,
    Docx,
    PlainText,
}

/// <summary>
/// A delegation attached (or replaced) the text of its statement. The file itself is stored beside
/// the event (<paramref name="FileId"/>); every version stays on the statement's stream.
/// </summary>
public sealed record StatementSubmitted(
    Guid StatementId,
    Guid MeetingId,
    Guid InscriptionId,
    ParticipantCode Participant,
    int Version,
    Guid FileId,
    StatementFormat Format,
    string? FileName,
    long Length,
    string Sha256,
    Guid CommandId,
    DateTimeOffset At);

/// <summary>The versions of one inscription's statement, oldest first.</summary>
public sealed record StatementHistory(Guid StatementId, IReadOnlyList<StatementSubmitted> Versions)
{
    public static StatementHistory Of(Guid statementId, IEnumerable<object> events) =>
        new(statementId, events.OfType<StatementSubmitted>().OrderBy(e => e.Version).ToList());

    public StatementSubmitted? Current => Versions.Count == 0 ? null : Versions[^1];
}

/// <summary>What the server found in an uploaded file, before the decision.</summary>
public sealed record StatementFile(Guid FileId, StatementFormat Format, string? FileName, long Length, string Sha256);

/// <summary>
/// Statements circulated in writing (the e-Statements practice): officers and the delegation see a
/// statement at once; the public only once the speech has begun.
/// </summary>
public static class Statements
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The stream of an inscription's statement: a name-based id, so that it never collides with a meeting's stream.</summary>
    public static Guid StreamId(Guid meetingId, Guid inscriptionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"statement:{meetingId:N}:{inscriptionId:N}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5-like: name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }

    public static Decision<StatementSubmitted> Decide(ListOfSpeakers list, Entry entry, StatementHistory history, StatementFile file, Guid commandId, DateTimeOffset now)
    {
        if (history.Versions.Any(v => v.CommandId == commandId)) return Decision<StatementSubmitted>.AlreadyDone;
        if (entry.State is EntryState.Withdrawn)
            return Refusal.Conflict($"The inscription of {entry.Speaker.ParticipantName} has been withdrawn: there is no statement to circulate for it.");
        return Decision<StatementSubmitted>.Accept(new StatementSubmitted(history.StatementId, list.Id, entry.InscriptionId, entry.Speaker.Participant,
            history.Versions.Count + 1, file.FileId, file.Format, file.FileName, file.Length, file.Sha256, commandId, now));
    }

    /// <summary>The public sees a statement once the speaker has begun to speak (or has been heard).</summary>
    public static bool IsPublic(ListOfSpeakers list, Entry entry) =>
        entry.State == EntryState.Heard
        || (list.Floor.Current is { Started: true } current && current.InscriptionId == entry.InscriptionId);
}
