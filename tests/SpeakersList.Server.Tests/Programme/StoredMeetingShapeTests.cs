using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Programme;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Tests.Programme;

/// <summary>
/// A meeting's details are one value in the domain but stay flat in the event store and on the wire: the JSON below is
/// what the code wrote before the value existed, so events and snapshots already stored load, queries on the store still
/// find the fields, and pages read the same ones.
/// </summary>
public class Stored_meeting_shapes(SpeakersListApp app) : ApiTest(app)
{
    private static readonly Guid Id = Guid.Parse("6a1f0c2e-0000-4000-8000-000000000011");
    private static readonly Guid Conference = Guid.Parse("6a1f0c2e-0000-4000-8000-000000000012");
    private static readonly Guid Cancelling = Guid.Parse("6a1f0c2e-0000-4000-8000-000000000013");
    private static readonly DateTimeOffset At = new(2013, 9, 20, 12, 0, 0, TimeSpan.FromHours(-4));
    private static readonly DateTimeOffset Start = new(2013, 9, 24, 14, 0, 0, TimeSpan.Zero);

    private static readonly MeetingScheduled Scheduled = new(Id, Id,
        new MeetingDetails(MeetingKind.RoundTable, "Round table I", "Conference Room 4", Start, Start.AddHours(3), "America/New_York", "High-level Dialogue"),
        At, Conference, "RT-I", [new MeetingSegment("Opening", Start, Start.AddMinutes(30))]);

    private const string StoredScheduled =
        """{"meetingId":"6a1f0c2e-0000-4000-8000-000000000011","commandId":"6a1f0c2e-0000-4000-8000-000000000011","kind":"roundTable","title":"Round table I","room":"Conference Room 4","start":"2013-09-24T14:00:00+00:00","end":"2013-09-24T17:00:00+00:00","timeZone":"America/New_York","agendaItem":"High-level Dialogue","at":"2013-09-20T12:00:00-04:00","conferenceId":"6a1f0c2e-0000-4000-8000-000000000012","code":"RT-I","segments":[{"title":"Opening","start":"2013-09-24T14:00:00+00:00","end":"2013-09-24T14:30:00+00:00"}]}""";

    private const string StoredMeeting =
        """{"id":"6a1f0c2e-0000-4000-8000-000000000011","conferenceId":"6a1f0c2e-0000-4000-8000-000000000012","code":"RT-I","kind":"roundTable","title":"Round table I","room":"Conference Room 2","start":"2013-09-24T14:00:00+00:00","end":"2013-09-24T17:00:00+00:00","timeZone":"America/New_York","agendaItem":"High-level Dialogue","segments":[{"title":"Opening","start":"2013-09-24T14:00:00+00:00","end":"2013-09-24T14:30:00+00:00"}],"status":"scheduled","cancellationReason":null,"handledCommands":["6a1f0c2e-0000-4000-8000-000000000011"]}""";

    private const string StoredListsMeeting =
        """{"kind":"roundTable","title":"Round table I","room":"Conference Room 4","start":"2013-09-24T14:00:00+00:00","end":"2013-09-24T17:00:00+00:00","timeZone":"America/New_York","agendaItem":"High-level Dialogue","cancelled":true}""";

    private const string StoredList =
        """{"floor":{"status":"scheduled","openedAt":null,"adjournedAt":null,"current":null,"pointOfOrder":null,"freeSince":null,"pointsOfOrder":[],"absentWhenCalled":[]},"id":"6a1f0c2e-0000-4000-8000-000000000011","meeting":""" + StoredListsMeeting
        + ""","policy":"firstComeFirstServed","closed":false,"cap":null,"limits":{"delegationSeconds":300,"groupSeconds":420,"observerSeconds":300,"nonStateSeconds":180,"preArrangedSeconds":360,"firstReplySeconds":600,"secondReplySeconds":300,"changeOverSeconds":30},"entries":[],"placements":[],"secondInscriptionsAllowed":[],"handledCommands":["6a1f0c2e-0000-4000-8000-000000000013","6a1f0c2e-0000-4000-8000-000000000011"],"version":2,"absentPolicy":"endOfList","carryOverPolicy":"nextMeetingOnItem","opening":null,"swaps":[]}""";

    private static readonly string[] Details = ["kind", "title", "room", "start", "end", "timeZone", "agendaItem"];

    private Marten.ISerializer Serializer => App.StoreSerializer();

    [Fact]
    public void A_stored_scheduling_reads_as_the_same_event_and_is_written_flat_as_before()
    {
        var read = Read<MeetingScheduled>(StoredScheduled);

        Assert.Equal(Scheduled with { Segments = null }, read with { Segments = null });
        Assert.Equal(Scheduled.Segments, read.Segments);
        Assert.Equal(StoredScheduled, Serializer.ToJson(read));
        Assert.Equal(StoredScheduled, Serializer.ToJson(Scheduled));
    }

    [Fact]
    public void A_stored_meeting_snapshot_reads_as_the_same_meeting_and_is_written_flat_as_before()
    {
        var meeting = Meeting.For(Scheduled).Evolve(new MeetingMoved(Id, Id, "Conference Room 2", At));

        var read = Read<Meeting>(StoredMeeting);

        Assert.Equal(meeting.Details, read.Details);
        Assert.Equal((meeting.Id, meeting.ConferenceId, meeting.Code, meeting.Status, meeting.CancellationReason),
            (read.Id, read.ConferenceId, read.Code, read.Status, read.CancellationReason));
        Assert.Equal(meeting.Segments, read.Segments);
        Assert.Equal(meeting.HandledCommands, read.HandledCommands);
        Assert.Equal(StoredMeeting, Serializer.ToJson(read));
        Assert.Equal(StoredMeeting, Serializer.ToJson(meeting));
    }

    [Fact]
    public void A_stored_list_of_speakers_reads_its_meeting_back_and_is_written_flat_as_before()
    {
        var list = ListOfSpeakers.For(Scheduled).Evolve(new MeetingCancelled(Id, Cancelling, "No quorum", At));

        var read = Read<ListOfSpeakers>(StoredList);

        Assert.Equal(new MeetingInfo(Scheduled.Details, Cancelled: true), read.Meeting);
        Assert.Equal(list.Meeting, Read<MeetingInfo>(StoredListsMeeting));
        Assert.Equal(StoredListsMeeting, Serializer.ToJson(list.Meeting));
        // Written as before, with the booths' messages (none) added at the end.
        Assert.Equal(StoredList[..^1] + ""","boothMessages":[]}""", Serializer.ToJson(read));
    }

    [Fact]
    public async Task The_event_stores_queries_find_the_details_where_they_are_stored()
    {
        var plenary = await Api.ScheduleMeeting(agendaItem: "Item 7");
        var roundTable = await Api.ScheduleMeeting("Round table I", "roundTable", "Conference Room 4", "15:00", "18:00", agendaItem: "Item 8");

        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var afternoon = Api.Day1 + TimeSpan.FromHours(14);
        Assert.Equal([roundTable], await session.Query<Meeting>()
            .Where(m => m.Details.Kind == MeetingKind.RoundTable && m.Details.Start > afternoon).Select(m => m.Id).ToListAsync());
        Assert.Equal([plenary, roundTable], await session.Query<Meeting>().OrderBy(m => m.Details.Start).Select(m => m.Id).ToListAsync());
        Assert.Equal([roundTable], await session.Query<ListOfSpeakers>()
            .Where(x => x.Meeting.Details.Room.Equals("conference room 4", StringComparison.OrdinalIgnoreCase)).Select(x => x.Id).ToListAsync());
        Assert.Equal([plenary], await session.Query<ListOfSpeakers>().Where(x => x.Meeting.Details.AgendaItem == "Item 7").Select(x => x.Id).ToListAsync());
    }

    [Fact]
    public async Task The_programme_answered_over_HTTP_keeps_a_meetings_details_flat()
    {
        var ids = await Api.ImportSeedProgramme();

        // The keys the grid's meetings had before the value (the order of the JSON object is not part of the contract).
        string[] keys = ["id", "code", "kind", "title", "room", "start", "end", "timeZone", "status", "agendaItem", "segments", "cancellationReason"];
        Assert.All(await Api.ProgrammeMeetings(), meeting => Assert.Equal(keys.Order(), meeting.Select(x => x.Key).Order()));
        var one = await Api.Expect(await Api.Http.GetAsync($"/api/meetings/{ids["RT-II"]}"), System.Net.HttpStatusCode.OK);
        Assert.Equal(keys.Order(), one.Select(x => x.Key).Order());
        Assert.Equal("roundTable", one["kind"]!.GetValue<string>());
        Assert.Equal("America/New_York", one["timeZone"]!.GetValue<string>());
        Assert.EndsWith("-04:00", one["start"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_API_document_describes_a_programme_meeting_with_its_details_flat_and_required()
    {
        var document = JsonNode.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var meeting = document["components"]!["schemas"]!["ProgrammeMeetingView"]!;

        Assert.Null(meeting["properties"]!["details"]);
        Assert.All(Details, field => Assert.NotNull(meeting["properties"]![field]));
        Assert.Equal("string", meeting["properties"]!["title"]!["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/MeetingKind", meeting["properties"]!["kind"]!["$ref"]!.GetValue<string>());
        Assert.Subset(meeting["required"]!.AsArray().Select(x => x!.GetValue<string>()).ToHashSet(), Details.ToHashSet());
    }

    private T Read<T>(string json) => App.ReadStored<T>(json);
}
