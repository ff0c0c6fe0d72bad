using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpeakersList.Participants;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Server.Tests.SpeakersLists;

/// <summary>
/// A speaker is one value in the domain but stays flat in the event store and on the wire: the JSON below is what the
/// code wrote before the value type existed, so events and snapshots already stored load, and pages read the same fields.
/// </summary>
public class Stored_shapes(SpeakersListApp app) : ApiTest(app)
{
    private static readonly Guid Meeting = Guid.Parse("6a1f0c2e-0000-4000-8000-000000000001");
    private static readonly Guid Inscription = Guid.Parse("6a1f0c2e-0000-4000-8000-000000000002");
    private static readonly Guid Earlier = Guid.Parse("6a1f0c2e-0000-4000-8000-000000000003");
    private static readonly DateTimeOffset Received = new(2013, 9, 24, 9, 0, 0, TimeSpan.FromHours(-4));
    private static readonly Speaker Ghana = new(ParticipantCode.Parse("GHA"), "Ghana", SpeakingBlock.MemberStatesAndGroups, LevelOfRepresentation.Minister,
        "Kwame Mensah", "Minister for Foreign Affairs", "African Group");

    private const string StoredInscription =
        """{"meetingId":"6a1f0c2e-0000-4000-8000-000000000001","inscriptionId":"6a1f0c2e-0000-4000-8000-000000000002","commandId":"6a1f0c2e-0000-4000-8000-000000000002","participant":"GHA","participantName":"Ghana","block":"memberStatesAndGroups","level":"minister","speakerName":"Kwame Mensah","speakerTitle":"Minister for Foreign Affairs","onBehalfOf":"African Group","kind":"statement","receivedAt":"2013-09-24T09:00:00-04:00","replyNumber":null,"arrangedOrder":null,"allottedSecondsOverride":null}""";

    private const string StoredCarriedIn =
        """{"meetingId":"6a1f0c2e-0000-4000-8000-000000000001","fromMeetingId":"6a1f0c2e-0000-4000-8000-000000000003","speakers":[{"inscriptionId":"6a1f0c2e-0000-4000-8000-000000000002","participant":"GHA","participantName":"Ghana","block":"memberStatesAndGroups","level":"minister","speakerName":"Kwame Mensah","speakerTitle":"Minister for Foreign Affairs","onBehalfOf":null,"receivedAt":"2013-09-24T09:00:00-04:00"}],"at":"2013-09-24T13:00:00-04:00"}""";

    private const string StoredEntry =
        """{"inscriptionId":"6a1f0c2e-0000-4000-8000-000000000002","commandId":"6a1f0c2e-0000-4000-8000-000000000002","participant":"GHA","participantName":"Ghana","block":"memberStatesAndGroups","level":"minister","speakerName":"Kwame Mensah","speakerTitle":"Minister for Foreign Affairs","onBehalfOf":"African Group","kind":"statement","receivedAt":"2013-09-24T09:00:00-04:00","sequence":1,"state":"waiting","replyNumber":null,"arrangedOrder":null,"allottedOverride":null,"carriedOrder":null,"calledOrder":null,"spoken":null,"floorAllottedSeconds":null,"drawnRank":null,"drawnOf":null}""";

    private static readonly SpeakerInscribed Inscribed =
        new(Meeting, Inscription, Inscription, Ghana, EntryKind.Statement, Received);

    private Marten.ISerializer Serializer => App.StoreSerializer();

    [Fact]
    public void A_stored_inscription_reads_as_the_same_event_and_is_written_flat_as_before()
    {
        Assert.Equal(Inscribed, Read<SpeakerInscribed>(StoredInscription));
        Assert.Equal(StoredInscription, Serializer.ToJson(Inscribed));
    }

    [Fact]
    public void Stored_carried_speakers_read_as_the_same_event_and_are_written_flat_as_before()
    {
        var read = Read<SpeakersCarriedIn>(StoredCarriedIn);

        Assert.Equal(Meeting, read.MeetingId);
        Assert.Equal(Earlier, read.FromMeetingId);
        var carried = Assert.Single(read.Speakers);
        Assert.Equal(new CarriedSpeaker(Inscription, Ghana with { OnBehalfOf = null }, Received), carried);
        Assert.Equal(StoredCarriedIn, Serializer.ToJson(read));
    }

    [Fact]
    public void An_entry_of_a_stored_snapshot_reads_as_the_same_entry_and_is_written_flat_as_before()
    {
        var entry = Entry.From(Inscribed, 1);

        Assert.Equal(entry, Read<Entry>(StoredEntry));
        // Written as before, with the statement's language and mode added (English, in person, for an entry stored before them).
        Assert.Equal(StoredEntry[..^1] + ""","delivery":{"language":"en","interpretationInto":null,"mode":"inPerson","durationSeconds":null,"introducedBy":null}}""",
            Serializer.ToJson(entry));
    }

    [Fact]
    public async Task The_list_answered_over_HTTP_keeps_a_speaker_flat_in_each_entry()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA", "minister");

        var entry = Assert.Single((await Api.SpeakersList(meeting))["entries"]!.AsArray())!.AsObject();

        Assert.Equal(
            ["position", "inscriptionId", "participant", "participantName", "block", "level", "speakerName", "speakerTitle", "onBehalfOf",
             "kind", "state", "inscribedAt", "allottedSeconds", "estimatedStart", "reachedBeforeEnd", "explanation", "delivery", "latestLikelyStart", "reachProbability"],
            entry.Select(x => x.Key));
        Assert.Equal("GHA", entry["participant"]!.GetValue<string>());
        Assert.Equal("memberStatesAndGroups", entry["block"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_API_document_describes_each_entry_with_the_speakers_fields_flat_and_required()
    {
        var document = JsonNode.Parse(await App.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        var entry = document["components"]!["schemas"]!["SpeakersListEntryView"]!;

        string[] fields = ["participant", "participantName", "block", "level", "speakerName", "speakerTitle", "onBehalfOf"];
        Assert.Null(entry["properties"]!["speaker"]);
        Assert.All(fields, field => Assert.NotNull(entry["properties"]![field]));
        Assert.Equal("string", entry["properties"]!["participant"]!["type"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/SpeakingBlock", entry["properties"]!["block"]!["$ref"]!.GetValue<string>());
        Assert.Subset(entry["required"]!.AsArray().Select(x => x!.GetValue<string>()).ToHashSet(), fields.ToHashSet());
    }

    private T Read<T>(string json) => App.ReadStored<T>(json);
}
