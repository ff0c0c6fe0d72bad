using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using SpeakersList.Interpretation;
using SpeakersList.Server.Booths;
using SpeakersList.Server.Booths.Messaging;
using SpeakersList.Server.Meetings;
using SpeakersList.Server.Publishing.Records;
using SpeakersList.Server.SpeakersLists.Inscribing;
using SpeakersList.Server.Tests.Floor;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Booths;

/// <summary>The interpreters' booths: the statement's language (rule 53) and mode, the booth's own view, its messages to the chair.</summary>
public class Interpreters_booths(SpeakersListApp app) : FloorTest(app)
{
    private const string Hall = "General Assembly Hall";
    private static readonly string HallPath = Uri.EscapeDataString(Hall);

    private Task<HttpResponseMessage> Inscribe(Guid meeting, string participant, object extra, HttpClient? client = null)
    {
        var body = JsonSerializer.SerializeToNode(extra, Api.Json)!.AsObject();
        body["commandId"] = Guid.NewGuid();
        body["participant"] = participant;
        body["level"] = "minister";
        body["speakerName"] = $"Speaker of {participant}";
        body["speakerTitle"] = "Minister for Foreign Affairs";
        return (client ?? Api.Http).PostAsJsonAsync($"/api/meetings/{meeting}/inscriptions", body, Api.Json);
    }

    private async Task<Guid> Inscribed(Guid meeting, string participant, object extra) =>
        (await Api.Read<InscriptionAccepted>(await Inscribe(meeting, participant, extra), HttpStatusCode.Created)).InscriptionId;

    /// <summary>A meeting in progress in the Hall: Ghana speaking, then Germany (German, interpreted into French, remote), Brazil by video, Mexico, France.</summary>
    private async Task<(Guid Meeting, Guid Ghana, Guid Germany, Guid Brazil)> MeetingInProgress()
    {
        var meeting = await Api.ScheduleMeeting(room: Hall);
        var ghana = await Api.Inscribe(meeting, "GHA");
        var germany = await Inscribed(meeting, "DEU", new { language = "de", interpretationInto = "fr", mode = "remote" });
        var brazil = await Inscribed(meeting, "BRA", new { language = "pt-br", interpretationInto = "es", mode = "video", durationSeconds = 240, introducedBy = "Permanent Representative of Brazil" });
        await Api.Inscribe(meeting, "MEX");
        await Api.Inscribe(meeting, "FRA");
        App.Clock.SetUtcNow(Api.Day1.AddHours(10));
        await Api.FloorCommand(meeting, "open");
        await Api.FloorCommand(meeting, "next");
        return (meeting, ghana, germany, brazil);
    }

    [Fact]
    public async Task Rule_53_an_inscription_in_a_language_that_is_not_official_needs_interpretation_into_one_that_is()
    {
        var meeting = await Api.ScheduleMeeting();

        var refused = await Api.Expect(await Inscribe(meeting, "DEU", new { language = "de" }), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("rule 53", refused["detail"]!.GetValue<string>());

        await Inscribed(meeting, "DEU", new { language = "de", interpretationInto = "en" });
        var delivery = (await Api.ListView(meeting)).Entries[0].Delivery;
        Assert.Equal(("de", "en", StatementMode.InPerson), (delivery.Language, delivery.InterpretationInto, delivery.Mode));
    }

    [Fact]
    public async Task A_delegation_inscribes_in_the_registry_s_language_and_changes_language_and_mode_until_called()
    {
        await Api.Expect(await Api.Http.PutAsJsonAsync("/api/participants/FRA",
            new { name = "France", category = "memberState", regionalGroup = "westernEuropeanAndOthers", statementLanguage = "fr" }, Api.Json), HttpStatusCode.OK);
        var meeting = await Api.ScheduleMeeting();
        var france = await Api.Inscribe(meeting, "FRA");
        Assert.Equal("fr", (await Api.ListView(meeting)).Entries[0].Delivery.Language);

        using var delegation = await App.CreateDelegationClientAsync("FRA");
        var path = $"/api/meetings/{meeting}/inscriptions/{france}/delivery";
        var tooLong = await delegation.PostAsJsonAsync(path, new { commandId = Guid.NewGuid(), mode = "video", durationSeconds = 301, introducedBy = "Ambassador" }, Api.Json);
        Assert.Contains("rule 72", (await Api.Expect(tooLong, HttpStatusCode.UnprocessableEntity))["detail"]!.GetValue<string>());
        await Api.Expect(await delegation.PostAsJsonAsync(path, new { commandId = Guid.NewGuid(), mode = "video", durationSeconds = 180, introducedBy = "Ambassador" }, Api.Json), HttpStatusCode.OK);
        var entry = (await Api.ListView(meeting)).Entries[0];
        Assert.Equal(("fr", StatementMode.Video, 180, 180), (entry.Delivery.Language, entry.Delivery.Mode, entry.Delivery.DurationSeconds, entry.AllottedSeconds));

        // The floor runs the video for its known length.
        App.Clock.SetUtcNow(Api.Day1.AddHours(10));
        await Api.FloorCommand(meeting, "open");
        var floor = await Api.FloorCommand(meeting, "next");
        Assert.Equal(180, floor.AllottedSeconds);
        Assert.Equal(StatementMode.Video, floor.CurrentSpeaker?.Delivery.Mode);
        var late = await delegation.PostAsJsonAsync(path, new { commandId = Guid.NewGuid(), language = "en" }, Api.Json);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task The_booth_sees_the_meeting_in_progress_in_its_room_the_speaker_and_the_next_three_with_language_and_mode()
    {
        var (meeting, ghana, germany, brazil) = await MeetingInProgress();
        using var delegation = await App.CreateDelegationClientAsync("DEU");
        await Api.Expect(await delegation.PostAsync($"/api/meetings/{meeting}/inscriptions/{germany}/statement",
            new StringContent("Herr Präsident, ...", Encoding.UTF8, "text/plain")), HttpStatusCode.Created);
        using var booth = await App.CreateClientAsync(TestRole.Booth(Hall));

        var view = await Api.Read<BoothView>(await booth.GetAsync($"/api/booths/{HallPath}"));

        Assert.Equal(meeting, view.MeetingId);
        Assert.Equal(ghana, view.Current?.InscriptionId);
        Assert.Equal("en", view.Current?.Language);
        var next = view.Next;
        Assert.Equal(["DEU", "BRA", "MEX"], next.Select(x => x.Participant.Value));
        Assert.Equal(("de", "fr", StatementMode.Remote, true), (next[0].Language, next[0].InterpretationInto, next[0].Mode, next[0].StatementAvailable));
        Assert.Equal(("pt-BR", "es", StatementMode.Video, 240, 240, false),
            (next[1].Language, next[1].InterpretationInto, next[1].Mode, next[1].DurationSeconds, next[1].AllottedSeconds, next[1].StatementAvailable));
        Assert.Equal(brazil, next[1].InscriptionId);
        Assert.Equal("Permanent Representative of Brazil", next[1].IntroducedBy);

        Assert.Equal(HttpStatusCode.OK, (await Api.Http.GetAsync($"/api/booths/{HallPath}")).StatusCode); // an officer
    }

    [Fact]
    public async Task A_display_a_delegation_and_another_room_s_booth_get_403_and_the_public_401()
    {
        await MeetingInProgress();
        using var display = await App.CreateClientAsync(TestRole.Display(Hall));
        using var delegation = await App.CreateDelegationClientAsync("GHA");
        using var otherBooth = await App.CreateClientAsync(TestRole.Booth("Conference Room 4"));
        using var anonymous = App.CreateAnonymousClient();

        foreach (var client in new[] { display, delegation, otherBooth })
        {
            var refused = await Api.Expect(await client.GetAsync($"/api/booths/{HallPath}"), HttpStatusCode.Forbidden);
            Assert.False(string.IsNullOrEmpty(refused["detail"]?.GetValue<string>()));
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/booths/{HallPath}/messages",
                new { commandId = Guid.NewGuid(), kind = "slowDown" }, Api.Json)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/booths/{HallPath}")).StatusCode);
    }

    [Fact]
    public async Task The_booth_reads_an_embargoed_statement_while_the_public_gets_404()
    {
        var (meeting, _, germany, _) = await MeetingInProgress();
        using var delegation = await App.CreateDelegationClientAsync("DEU");
        await Api.Expect(await delegation.PostAsync($"/api/meetings/{meeting}/inscriptions/{germany}/statement",
            new StringContent("Herr Präsident, Deutschland unterstützt ...", Encoding.UTF8, "text/plain")), HttpStatusCode.Created);
        using var booth = await App.CreateClientAsync(TestRole.Booth(Hall));
        using var otherBooth = await App.CreateClientAsync(TestRole.Booth("Conference Room 4"));
        using var anonymous = App.CreateAnonymousClient();
        var path = $"/api/meetings/{meeting}/inscriptions/{germany}/statement";

        Assert.Contains("Deutschland", await booth.GetStringAsync(path));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherBooth.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_booth_s_slow_down_reaches_the_officers_following_the_meeting_at_once_and_is_kept_in_the_history()
    {
        var (meeting, _, _, _) = await MeetingInProgress();
        await using var officers = App.CreateHubConnection();
        var pushes = Channel.CreateUnbounded<BoothMessageView>();
        officers.On<BoothMessageView>("boothMessage", message => pushes.Writer.TryWrite(message));
        await officers.StartAsync();
        Assert.Empty(await officers.InvokeAsync<BoothMessageView[]>("SubscribeToBoothMessages", meeting));
        await using var delegationHub = await App.CreateHubConnectionAsync(TestRole.Delegation("GHA"));
        await delegationHub.StartAsync();
        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => delegationHub.InvokeAsync<BoothMessageView[]>("SubscribeToBoothMessages", meeting));
        using var booth = await App.CreateClientAsync(TestRole.Booth(Hall));

        var sent = await Api.Read<BoothMessageView>(await booth.PostAsJsonAsync($"/api/booths/{HallPath}/messages",
            new { commandId = Guid.NewGuid(), kind = "slowDown", text = "Russian booth: too fast" }, Api.Json), HttpStatusCode.Created);

        var pushed = await pushes.Reader.ReadAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.Equal((BoothMessageKind.SlowDown, "Russian booth: too fast", meeting), (pushed.Kind, pushed.Text, pushed.MeetingId));
        var id = sent.MessageId;
        var listed = await Api.Get<IReadOnlyList<BoothMessageView>>($"/api/meetings/{meeting}/booth-messages");
        Assert.Equal(id, listed[0].MessageId);

        await Api.Expect(await Api.Http.PostAsJsonAsync($"/api/meetings/{meeting}/booth-messages/{id}/dismiss", new { commandId = Guid.NewGuid() }, Api.Json), HttpStatusCode.OK);
        var history = await Api.Get<IReadOnlyList<HistoryEntry>>($"/api/meetings/{meeting}/history");
        Assert.Contains("BoothMessageSent", history.Select(x => x.Type));
        Assert.Contains("BoothMessageDismissed", history.Select(x => x.Type));
        Assert.Equal(HttpStatusCode.Forbidden, (await booth.GetAsync($"/api/meetings/{meeting}/booth-messages")).StatusCode);
    }
    [Fact]
    public async Task The_record_says_in_which_language_and_how_each_statement_was_delivered_in_json_csv_and_akoma_ntoso()
    {
        var meeting = await Api.ScheduleMeeting(room: Hall);
        await Inscribed(meeting, "DEU", new { language = "de", interpretationInto = "en", mode = "video", durationSeconds = 120, introducedBy = "Ambassador Schmidt" });
        await Inscribed(meeting, "FRA", new { language = "fr", mode = "remote" });
        App.Clock.SetUtcNow(Api.Day1.AddHours(10));
        await Api.FloorCommand(meeting, "open");
        foreach (var _ in new[] { "DEU", "FRA" })
        {
            await Api.FloorCommand(meeting, "next");
            await Api.FloorCommand(meeting, "start");
            App.Clock.Advance(TimeSpan.FromSeconds(120));
            await Api.FloorCommand(meeting, "end");
        }

        var items = (await Api.Get<MeetingRecordView>($"/api/meetings/{meeting}/record")).Items;
        Assert.Equal(("de", "en", StatementMode.Video), (items[0].Item.Delivery?.Language, items[0].Item.Delivery?.InterpretationInto, items[0].Item.Delivery?.Mode));
        Assert.Equal(120, items[0].Item.AllottedSeconds);
        var csv = await Api.Http.GetStringAsync($"/api/meetings/{meeting}/record.csv");
        Assert.Contains("language,interpretationInto,mode", csv);
        Assert.Contains(",de,en,video", csv);
        Assert.Contains(",fr,,remote", csv);
        var akn = System.Xml.Linq.XDocument.Parse(await Api.Http.GetStringAsync($"/api/meetings/{meeting}/record.akn.xml"));
        var speeches = akn.Descendants().Where(x => x.Name.LocalName == "speech").ToArray();
        Assert.Equal(["de", "fr"], speeches.Select(x => x.Attribute(System.Xml.Linq.XNamespace.Xml + "lang")!.Value));
        Assert.Contains("Video statement, introduced by Ambassador Schmidt (interpreted by the delegation into en, rule 53)", speeches[0].Value);
        Assert.Contains("Remote statement", speeches[1].Value);
    }
}
