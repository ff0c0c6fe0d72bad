using SpeakersList.Interpretation;
using SpeakersList.Participants;
using SpeakersList.Server.Tests.Infrastructure;
using SpeakersList.SpeakersLists;
using Microsoft.Extensions.DependencyInjection;

namespace SpeakersList.Server.Tests.Booths;

/// <summary>Events, snapshots and registry documents stored before statements had a language and a mode still load, with the defaults.</summary>
public class Stored_before_languages(SpeakersListApp app) : ApiTest(app)
{
    private const string StoredInscription =
        """{"meetingId":"6a1f0c2e-0000-4000-8000-000000000001","inscriptionId":"6a1f0c2e-0000-4000-8000-000000000002","commandId":"6a1f0c2e-0000-4000-8000-000000000002","participant":"GHA","participantName":"Ghana","block":"memberStatesAndGroups","level":"minister","speakerName":"Kwame Mensah","speakerTitle":"Minister for Foreign Affairs","onBehalfOf":null,"kind":"statement","receivedAt":"2013-09-24T09:00:00-04:00","replyNumber":null,"arrangedOrder":null,"allottedSecondsOverride":null}""";

    private const string StoredParticipant =
        """{"code":"GHA","name":"Ghana","category":"memberState","regionalGroup":"african","speakingBlockOverride":null}""";

    [Fact]
    public void An_inscription_stored_before_languages_reads_as_english_in_person_and_a_new_one_keeps_its_delivery()
    {
        var old = App.ReadStored<SpeakerInscribed>(StoredInscription);
        Assert.Null(old.Delivery);
        Assert.Equal(new Delivery("en", null, StatementMode.InPerson), Entry.From(old, 1).Delivery);

        var video = old with { Delivery = new Delivery("pt-BR", "es", StatementMode.Video, 240, "Ambassador") };
        Assert.Equal(video, App.ReadStored<SpeakerInscribed>(App.StoreSerializer().ToJson(video)));
    }

    [Fact]
    public void A_participant_stored_before_statement_languages_speaks_english_by_default()
    {
        var ghana = App.ReadStored<Participant>(StoredParticipant);

        Assert.Null(ghana.StatementLanguage);
        Assert.Equal("en", ghana.StatementLanguageOrDefault);
    }

    [Fact]
    public async Task A_list_stored_before_booths_reads_with_no_booth_messages()
    {
        var meeting = await Api.ScheduleMeeting();
        await Api.Inscribe(meeting, "GHA");
        var stored = System.Text.Json.Nodes.JsonNode.Parse(App.StoreSerializer().ToJson(
            await App.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession().LoadAsync<ListOfSpeakers>(meeting)))!.AsObject();
        stored.Remove("boothMessages");
        foreach (var entry in stored["entries"]!.AsArray()) entry!.AsObject().Remove("delivery");

        var read = App.ReadStored<ListOfSpeakers>(stored.ToJsonString());

        Assert.Empty(read.BoothMessages);
        Assert.Equal(Delivery.Default, read.Entries.Single().Delivery);
    }
}
