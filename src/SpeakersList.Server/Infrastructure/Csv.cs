using System.Globalization;
using CsvHelper;

namespace SpeakersList.Server.Infrastructure;

/// <summary>
/// CSV (RFC 4180) with CsvHelper: a header line of the record type's properties in camelCase, values in the invariant
/// culture. Every CSV the service writes goes through here, so that none carries a formula into the spreadsheet that
/// opens it (OWASP's CSV injection): a cell that begins with =, +, @, a tab, a carriage return, or a - that is not a
/// number, is written after a single quote, which a spreadsheet shows as text.
/// </summary>
public static class Csv
{
    public static string Write<T>(IEnumerable<T> lines)
    {
        var properties = typeof(T).GetProperties();
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            csv.WriteHeader(properties.Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToArray());
            foreach (var line in lines)
                csv.WriteRecord(properties.Select(p => Cell(p.GetValue(line) switch
                {
                    null => null,
                    IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
                    var value => value.ToString(),
                })).ToArray());
            csv.Flush();
        }
        return text.ToString();
    }

    /// <summary>The cell as written: a value a spreadsheet would read as a formula, made text.</summary>
    public static string? Cell(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '@' or '\t' or '\r' or '-'
        && !(value[0] == '-' && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            ? "'" + value
            : value;
}
