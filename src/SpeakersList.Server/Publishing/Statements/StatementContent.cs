using System.IO.Compression;
using System.Text;
using SpeakersList.Publishing;

namespace SpeakersList.Server.Publishing.Statements;

/// <summary>The bytes of one version of a statement, kept in PostgreSQL beside its event.</summary>
public sealed record StoredStatementFile(Guid Id, byte[] Content);

/// <summary>What a file is, from its first bytes and its structure: never from its name or the type the client claims.</summary>
public static class StatementContent
{
    public static StatementFormat? Detect(byte[] content)
    {
        if (content.AsSpan().StartsWith("%PDF-"u8)) return StatementFormat.Pdf;
        if (content.AsSpan().StartsWith("PK\u0003\u0004"u8)) return IsWordDocument(content) ? StatementFormat.Docx : null;
        return IsPlainText(content) ? StatementFormat.PlainText : null;
    }

    public static string MediaType(StatementFormat format) => format switch
    {
        StatementFormat.Pdf => "application/pdf",
        StatementFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => "text/plain; charset=utf-8",
    };

    public static string Extension(StatementFormat format) => format switch
    {
        StatementFormat.Pdf => "pdf",
        StatementFormat.Docx => "docx",
        _ => "txt",
    };

    // A DOCX is a ZIP (OPC package) with a content-types part and the main document part.
    private static bool IsWordDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            return zip.GetEntry("[Content_Types].xml") is not null && zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    // Text: valid UTF-8 with no control characters but tab, line feed, carriage return and form feed.
    private static bool IsPlainText(byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        return !text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'));
    }
}
