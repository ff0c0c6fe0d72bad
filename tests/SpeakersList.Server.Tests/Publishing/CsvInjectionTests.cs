using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CsvHelper;
using SpeakersList.Server.Tests.Floor;
using SpeakersList.Server.Programme;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Publishing;

/// <summary>
/// A delegation's words reach the secretariat's spreadsheets: no CSV the service writes may carry a formula (OWASP's CSV
/// injection). A cell that would begin with =, +, @ or a - that is not a number is written as text.
/// </summary>
public class Csv_injection(SpeakersListApp app) : FloorTest(app)
{
    private static readonly string[] Formulas =
        ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0"];

    [Fact]
    public async Task No_cell_of_any_csv_begins_with_a_formula_even_when_the_names_inscribed_do()
    {
        var meetings = await Api.ImportSeedProgramme();
        var plenary = meetings["PL2"];
        var meeting = await Api.Get<ProgrammeMeetingView>($"/api/meetings/{plenary}");
        var delegations = new[] { "GHA", "FRA", "BRA", "CUB" };
        for (var i = 0; i < delegations.Length; i++)
            await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{plenary}/inscriptions", new
            {
                commandId = Guid.NewGuid(), participant = delegations[i], level = "minister",
                speakerName = Formulas[i], speakerTitle = Formulas[(i + 1) % Formulas.Length], onBehalfOf = Formulas[(i + 2) % Formulas.Length],
            }, Api.Json), HttpStatusCode.Created);
        App.Clock.SetUtcNow(meeting.Details.Start);
        await Api.Floor(plenary, "open");
        foreach (var _ in delegations)
        {
            await Api.Floor(plenary, "next");
            await Api.Floor(plenary, "start");
            App.Clock.Advance(TimeSpan.FromSeconds(60));
            await Api.Floor(plenary, "end");
        }
        var titled = await Api.ScheduleMeeting(title: Formulas[0], room: $"Conference Room {Guid.NewGuid():N}");

        var record = await CsvAsync($"/api/meetings/{plenary}/record.csv");
        Assert.Equal(delegations.Length, record.Count);
        // The names are all there, written as text.
        Assert.Equal(Formulas.Select(x => "'" + x), record.Select(row => row["speakerName"]));
        var csvs = new[]
        {
            record, await CsvAsync($"/api/meetings/{plenary}/statistics.csv"), await CsvAsync($"/api/meetings/{titled}/statistics.csv"),
            await CsvAsync("/api/programme/statistics.csv"),
        };
        Assert.Equal("'" + Formulas[0], csvs[2][0]["meetingTitle"]);
        foreach (var cell in csvs.SelectMany(rows => rows.SelectMany(row => row.Values.Concat(row.Keys))))
            Assert.False(cell is { Length: > 0 } && (cell[0] is '=' or '+' or '@'
                || cell[0] == '-' && !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _)), $"a cell begins with a formula: {cell}");
    }

    private async Task<List<Dictionary<string, string?>>> CsvAsync(string path)
    {
        var response = await Api.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = new List<Dictionary<string, string?>>();
        foreach (var row in CsvReader.FromText(await response.Content.ReadAsStringAsync(), null)) rows.Add(row.ToDictionary());
        return rows;
    }
}
