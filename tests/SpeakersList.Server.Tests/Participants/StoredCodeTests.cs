using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Floor;
using SpeakersList.Participants;
using SpeakersList.Programme;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Tests.Participants;

/// <summary>
/// A participant code is a value in the domain but the plain string it always was in the event store, in the registry's
/// documents and on the wire: the JSON below is what the code wrote while codes were strings, so what is stored loads.
/// </summary>
public class Stored_participant_codes(SpeakersListApp app) : ApiTest(app)
{
    private static readonly Guid Meeting = Guid.Parse("6a1f0c2e-0000-4000-8000-000000000001");
    private static readonly Guid Command = Guid.Parse("6a1f0c2e-0000-4000-8000-000000000002");
    private static readonly Guid Other = Guid.Parse("6a1f0c2e-0000-4000-8000-000000000003");
    private static readonly DateTimeOffset At = new(2013, 9, 24, 9, 0, 0, TimeSpan.FromHours(-4));
    private static readonly ParticipantCode Ghana = ParticipantCode.Parse("GHA");
    private static readonly ParticipantCode Cuba = ParticipantCode.Parse("CUB");

    private Marten.ISerializer Serializer => App.StoreSerializer();

    [Fact]
    public void A_stored_second_inscription_reads_as_the_same_event_and_is_written_as_before() =>
        ReadsAndWritesAsBefore(
            """{"meetingId":"6a1f0c2e-0000-4000-8000-000000000001","participant":"GHA","commandId":"6a1f0c2e-0000-4000-8000-000000000002","at":"2013-09-24T09:00:00-04:00"}""",
            new SecondInscriptionAllowed(Meeting, Ghana, Command, At));

    [Fact]
    public void A_stored_point_of_order_reads_as_the_same_event_and_is_written_as_before() =>
        ReadsAndWritesAsBefore(
            """{"meetingId":"6a1f0c2e-0000-4000-8000-000000000001","commandId":"6a1f0c2e-0000-4000-8000-000000000002","at":"2013-09-24T09:00:00-04:00","participant":"CUB","participantName":"Cuba"}""",
            new PointOfOrderRaised(Meeting, Command, At, Cuba, "Cuba"));

    [Fact]
    public void A_stored_swap_proposal_reads_as_the_same_event_and_is_written_as_before() =>
        ReadsAndWritesAsBefore(
            """{"meetingId":"6a1f0c2e-0000-4000-8000-000000000001","swapId":"6a1f0c2e-0000-4000-8000-000000000002","inscriptionId":"6a1f0c2e-0000-4000-8000-000000000002","withInscriptionId":"6a1f0c2e-0000-4000-8000-000000000003","proposedBy":"GHA","proposedTo":"CUB","commandId":"6a1f0c2e-0000-4000-8000-000000000002","at":"2013-09-24T09:00:00-04:00"}""",
            new SwapProposed(Meeting, Command, Command, Other, Ghana, Cuba, Command, At));

    [Fact]
    public void A_stored_round_table_seat_reads_as_the_same_event_and_is_written_as_before() =>
        ReadsAndWritesAsBefore(
            """{"conferenceId":"6a1f0c2e-0000-4000-8000-000000000001","commandId":"6a1f0c2e-0000-4000-8000-000000000002","roundTableId":"6a1f0c2e-0000-4000-8000-000000000003","participant":"GHA","participantName":"Ghana","category":"memberState","regionalGroup":"african","at":"2013-09-24T09:00:00-04:00"}""",
            new RoundTableSeatAllocated(Meeting, Command, Other, Ghana, "Ghana", ParticipantCategory.MemberState, RegionalGroup.African, At));

    [Fact]
    public void A_stored_registry_document_reads_as_the_same_participant_and_is_written_as_before() =>
        ReadsAndWritesAsBefore(
            """{"code":"GHA","name":"Ghana","category":"memberState","regionalGroup":"african","speakingBlockOverride":null,"speakingBlock":"memberStatesAndGroups"}""",
            new Participant(Ghana, "Ghana", ParticipantCategory.MemberState, RegionalGroup.African));

    [Fact]
    public async Task A_code_added_in_lower_case_with_spaces_is_stored_and_keyed_as_the_plain_upper_case_string()
    {
        var added = await Api.Expect(await Api.Http.PostAsJsonAsync("/api/participants",
            new { code = " xyz-1 ", name = "Example Network", category = "ngo" }, Api.Json), HttpStatusCode.Created);
        // The answers are read as written: a ParticipantCode read back is trimmed and upper-cased whatever the answer said.
        Assert.Equal("XYZ-1", added["code"]!.GetValue<string>());

        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var stored = JsonNode.Parse((await session.Json.FindByIdAsync<Participant>("XYZ-1"))!)!;
        Assert.Equal("String", JsonValueKind(stored["code"]));
        Assert.Equal("XYZ-1", stored["code"]!.GetValue<string>());
        var registered = (await session.Events.FetchStreamAsync(ParticipantStreams.IdFor(ParticipantCode.Parse("xyz-1"))))
            .Select(x => x.Data).OfType<ParticipantRegistered>().Single();
        Assert.Equal(ParticipantCode.Parse("XYZ-1"), registered.Participant.Code);
        Assert.Equal("XYZ-1", (await Api.Expect(await Api.Http.GetAsync("/api/participants/xyz-1"), HttpStatusCode.OK))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_inscription_typed_in_lower_case_is_stored_and_answered_with_the_registry_code()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, " gha ", "minister");

        var entry = Assert.Single((await Api.SpeakersList(meeting))["entries"]!.AsArray())!; // as written, not normalised on reading
        Assert.Equal("GHA", entry["participant"]!.GetValue<string>());
        await using var session = App.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var inscribed = (await session.Events.FetchStreamAsync(meeting)).Select(x => x.Data).OfType<SpeakerInscribed>().Single();
        Assert.Equal(Ghana, inscribed.Speaker.Participant);
        Assert.Contains("\"participant\":\"GHA\"", Serializer.ToJson(inscribed));
    }

    [Theory]
    [InlineData("\"\"", "participant is required")]
    [InlineData("\"   \"", "participant is required")]
    [InlineData("null", "participant must not be null")]
    [InlineData("42", "participant has the wrong type or format")]
    public async Task A_blank_or_mistyped_code_is_refused_as_before(string participant, string detail)
    {
        var meeting = await Api.ScheduleMeeting();
        var body = new StringContent($$"""{"commandId":"{{Guid.NewGuid()}}","participant":{{participant}},"level":"minister","speakerName":"S","speakerTitle":"T"}""",
            System.Text.Encoding.UTF8, "application/json");

        var problem = await Api.Expect(await Api.Http.PostAsync($"/api/meetings/{meeting}/inscriptions", body), HttpStatusCode.BadRequest);

        Assert.Contains(detail, problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_API_document_describes_every_code_as_a_string_and_has_no_schema_of_the_value_type()
    {
        var text = await App.CreateClient().GetStringAsync("/openapi/v1.json");
        var schemas = JsonNode.Parse(text)!["components"]!["schemas"]!.AsObject();

        Assert.DoesNotContain(schemas, x => x.Key.Contains(nameof(ParticipantCode)));
        Assert.Equal("string", schemas["Inscribe"]!["properties"]!["participant"]!["type"]!.GetValue<string>());
        Assert.Equal("string", schemas["StatePreferences"]!["properties"]!["participants"]!["items"]!["type"]!.GetValue<string>());
        Assert.Equal("string", schemas["SwapView"]!["properties"]!["proposedBy"]!["type"]!.GetValue<string>());
    }

    private static string JsonValueKind(JsonNode? node) => node!.GetValueKind().ToString();

    private void ReadsAndWritesAsBefore<T>(string stored, T expected)
    {
        var read = App.ReadStored<T>(stored);

        Assert.Equal(expected, read);
        Assert.Equal(stored, Serializer.ToJson(read));
    }
}
