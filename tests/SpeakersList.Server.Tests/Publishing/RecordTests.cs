using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using System.Xml.Schema;
using CsvHelper;
using SpeakersList.Publishing;
using SpeakersList.Server.Tests.Floor;
using SpeakersList.Server.Publishing.Records;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Tests.Publishing;

/// <summary>The record of a whole plenary run through the floor, as JSON, CSV and Akoma Ntoso.</summary>
public class The_record_of_a_meeting(SpeakersListApp app) : FloorTest(app)
{
    private static readonly XNamespace Akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    private static DateTimeOffset At(string time) => Api.Day1 + TimeSpan.Parse(time);

    [Fact]
    public async Task The_record_the_csv_and_the_akoma_ntoso_debate_agree_with_each_other_and_with_the_floor()
    {
        var meeting = await Api.ScheduleMeeting(start: "10:00", end: "13:00");
        await Api.Inscribe(meeting, "GHA", onBehalfOf: "Group of 77 and China");
        await Api.Inscribe(meeting, "FRA", "headOfState");
        await Api.Inscribe(meeting, "BRA");
        await Api.Inscribe(meeting, "DEU");

        Now("10:02");
        await Api.Floor(meeting, "open");
        await Api.Floor(meeting, "next"); // France, Head of State
        Now("10:02:10");
        await Api.Floor(meeting, "start");
        Now("10:05:10");
        await Api.Floor(meeting, "end");

        Now("10:05:40"); // Ghana for the Group: 7 minutes; a point of order by Cuba interrupts it
        await Api.Floor(meeting, "next");
        await Api.Floor(meeting, "start");
        Now("10:07:40");
        await Api.Floor(meeting, "point-of-order", new JsonObject { ["participant"] = "CUB" });
        Now("10:09:00");
        await Api.Floor(meeting, "resume");
        Now("10:11:30");
        await Api.Floor(meeting, "end");

        Now("10:12:00"); // Brazil overruns by 42 seconds
        await Api.Floor(meeting, "next");
        await Api.Floor(meeting, "start");
        Now("10:17:42");
        await Api.Floor(meeting, "end");

        Now("10:18:12"); // Germany, with a minute more, through a suspension
        await Api.Floor(meeting, "next");
        await Api.Floor(meeting, "start");
        Now("10:20:00");
        await Api.Floor(meeting, "extend", new JsonObject { ["seconds"] = 60 });
        await Api.Floor(meeting, "suspend");
        Now("10:30:00");
        await Api.Floor(meeting, "resume-meeting");
        await Api.Floor(meeting, "resume");
        Now("10:33:00");
        await Api.Floor(meeting, "end");

        // Cuba's right of reply, heard at the end.
        var reply = await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/rights-of-reply",
            new { commandId = Guid.NewGuid(), participant = "CUB", speakerName = "Pedro Núñez Mosquera", speakerTitle = "Permanent Representative" }, Api.Json);
        Assert.True(reply.IsSuccessStatusCode, await reply.Content.ReadAsStringAsync());
        Now("10:33:30");
        await Api.Floor(meeting, "next");
        await Api.Floor(meeting, "start");
        Now("10:35:00");
        await Api.Floor(meeting, "end");
        Now("10:36:00");
        await Api.Floor(meeting, "adjourn");

        // JSON: in the order delivered, the point of order in its place, times as the floor kept them, at the venue's offset.
        var response = await Api.Http.GetAsync($"/api/meetings/{meeting}/record");
        var items = (await Api.Read<MeetingRecordView>(response)).Items.Select(x => x.Item).ToArray();
        Assert.Equal(["FRA", "GHA", "CUB", "BRA", "DEU", "CUB"], items.Select(x => x.Participant.Value));
        Assert.Equal([RecordItemKind.Statement, RecordItemKind.Statement, RecordItemKind.PointOfOrder, RecordItemKind.Statement, RecordItemKind.Statement, RecordItemKind.RightOfReply],
            items.Select(x => x.Kind));
        Assert.Equal([At("10:02:10"), At("10:05:40"), At("10:07:40"), At("10:12:00"), At("10:18:12"), At("10:33:30")], items.Select(x => x.From));
        Assert.Equal([At("10:05:10"), At("10:11:30"), At("10:09:00"), At("10:17:42"), At("10:33:00"), At("10:35:00")], items.Select(x => x.To));
        Assert.Equal([180, 270, 80, 342, 288, 90], items.Select(x => x.UsedSeconds));
        Assert.Equal([300, 420, null, 300, 360, 600], items.Select(x => x.AllottedSeconds));
        Assert.Equal([0, 0, 0, 42, 0, 0], items.Select(x => x.OverrunSeconds));
        Assert.Equal([0, 80, 0, 0, 600, 0], items.Select(x => x.PausedSeconds));
        Assert.Equal("Group of 77 and China", items[1].OnBehalfOf);
        Assert.Equal(LevelOfRepresentation.HeadOfState, items[0].Level);
        Assert.Equal("Cuba", items[2].Delegation);
        Assert.Equal(TimeSpan.FromHours(-4), items[0].From.Offset); // the venue's wall clock
        Assert.Equal(TimeSpan.FromHours(-4), items[1].Pauses[0].From.Offset);
        // A line is written flat, with its number: the keys readers of the record have always had, and how it was delivered
        // (language, mode). Read as written on purpose: these keys are the contract the record's readers (the CSV, the page, archives) rely on.
        var written = (await Api.Expect(response, HttpStatusCode.OK))["items"]!.AsArray().Select(x => x!.AsObject()).ToArray();
        Assert.All(written, x => Assert.Equal(
            ["allottedSeconds", "delegation", "delivery", "from", "inscriptionId", "kind", "level", "number", "onBehalfOf", "overrunSeconds", "participant",
                "pausedSeconds", "pauses", "replyNumber", "speakerName", "speakerTitle", "to", "usedSeconds"],
            x.Select(p => p.Key).Order(StringComparer.Ordinal)));
        Assert.Equal(["from", "seconds", "to"], written[1]["pauses"]![0]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));

        // The floor's statistics say the same of the statements.
        var statistics = await Api.StatisticsOf(meeting);
        var statements = items.Where(x => x.Kind != RecordItemKind.PointOfOrder).ToArray();
        Assert.Equal(statistics.SpokenSeconds, statements.Sum(x => x.UsedSeconds));
        Assert.Equal(statistics.AllottedSeconds, statements.Sum(x => x.AllottedSeconds!.Value));
        Assert.Equal(statistics.OverrunSeconds, statements.Sum(x => x.OverrunSeconds));
        Assert.Equal(statistics.PointsOfOrderSeconds, items.Where(x => x.Kind == RecordItemKind.PointOfOrder).Sum(x => x.UsedSeconds));

        // CSV: the same lines, read back with CsvHelper.
        var csvResponse = await Api.Http.GetAsync($"/api/meetings/{meeting}/record.csv");
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var rows = new List<Dictionary<string, string?>>();
        foreach (var row in CsvReader.FromText(await csvResponse.Content.ReadAsStringAsync(), null)) rows.Add(row.ToDictionary());
        Assert.Equal(items.Length, rows.Count);
        for (var i = 0; i < items.Length; i++)
        {
            Assert.Equal(items[i].Participant.Value, rows[i]["participant"]);
            Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(items[i].Kind.ToString()), rows[i]["kind"]); // as the JSON writes it
            Assert.Equal(items[i].From, DateTimeOffset.Parse(rows[i]["from"]!, CultureInfo.InvariantCulture));
            Assert.Equal(items[i].To, DateTimeOffset.Parse(rows[i]["to"]!, CultureInfo.InvariantCulture));
            Assert.Equal(items[i].UsedSeconds, double.Parse(rows[i]["usedSeconds"]!, CultureInfo.InvariantCulture));
            Assert.Equal(items[i].AllottedSeconds?.ToString(CultureInfo.InvariantCulture) ?? "", rows[i]["allottedSeconds"] ?? "");
            Assert.Equal(items[i].PausedSeconds, double.Parse(rows[i]["pausedSeconds"]!, CultureInfo.InvariantCulture));
        }
        Assert.Equal("Group of 77 and China", rows[1]["onBehalfOf"]);

        // Akoma Ntoso: valid against the schema subset kept in the repository; each speech says who (a TLC reference) and when.
        var akn = await Api.Http.GetAsync($"/api/meetings/{meeting}/record.akn.xml");
        Assert.Equal("application/akn+xml", akn.Content.Headers.ContentType!.MediaType);
        var xml = await akn.Content.ReadAsStringAsync();
        var document = XDocument.Parse(xml);
        var schemas = new XmlSchemaSet();
        schemas.Add("http://www.w3.org/XML/1998/namespace", Path.Combine(AppContext.BaseDirectory, "Publishing", "xml-namespace.xsd")); // xml:lang
        schemas.Add(Akn.NamespaceName, Path.Combine(AppContext.BaseDirectory, "Publishing", "akn-debate-subset.xsd"));
        var errors = new List<string>();
        document.Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var debate = document.Root!.Element(Akn + "debate")!;
        var speeches = debate.Element(Akn + "debateBody")!.Element(Akn + "debateSection")!.Descendants(Akn + "speech").ToArray();
        Assert.Equal(items.Length, speeches.Length);
        var persons = debate.Element(Akn + "meta")!.Element(Akn + "references")!.Elements(Akn + "TLCPerson")
            .ToDictionary(x => "#" + x.Attribute("eId")!.Value, x => x.Attribute("showAs")!.Value);
        for (var i = 0; i < items.Length; i++)
        {
            Assert.Equal(items[i].From, DateTimeOffset.Parse(speeches[i].Attribute("startTime")!.Value, CultureInfo.InvariantCulture));
            Assert.Equal(items[i].To, DateTimeOffset.Parse(speeches[i].Attribute("endTime")!.Value, CultureInfo.InvariantCulture));
            Assert.Contains(items[i].Delegation, persons[speeches[i].Attribute("by")!.Value]);
        }
        Assert.Equal("pointOfOrder", speeches[2].Parent!.Name.LocalName);
        Assert.Equal("#headOfState", speeches[0].Attribute("as")!.Value);

        // The subset catches a broken structure: a speech straight under debateBody is not a debate.
        var broken = XDocument.Parse(xml);
        var misplaced = broken.Descendants(Akn + "speech").First();
        misplaced.Remove();
        broken.Descendants(Akn + "debateBody").Single().AddFirst(misplaced);
        var brokenErrors = new List<string>();
        broken.Validate(schemas, (_, e) => brokenErrors.Add(e.Message));
        Assert.NotEmpty(brokenErrors);
    }

    [Fact]
    public async Task A_meeting_not_yet_held_has_an_empty_record_and_an_unknown_one_none()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");
        var record = await Api.Get<MeetingRecordView>($"/api/meetings/{meeting}/record");
        Assert.Empty(record.Items);
        await Api.Expect(await Api.Http.GetAsync($"/api/meetings/{Guid.NewGuid()}/record.akn.xml"), HttpStatusCode.NotFound);
        await Api.Expect(await Api.Http.GetAsync($"/api/meetings/{Guid.NewGuid()}/record.csv"), HttpStatusCode.NotFound);
    }
}
