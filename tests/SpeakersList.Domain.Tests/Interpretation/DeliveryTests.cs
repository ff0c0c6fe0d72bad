using System.Text.Json;
using System.Text.Json.Serialization;
using SpeakersList.Domain.Tests.Floor;
using SpeakersList.Domain.Tests.SpeakersLists;
using SpeakersList.Floor;
using SpeakersList.Interpretation;
using SpeakersList.SpeakersLists;
using static SpeakersList.SpeakersLists.LevelOfRepresentation;

namespace SpeakersList.Domain.Tests.Interpretation;

public class Statement_language_and_mode
{
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static Inscribe Inscribe(string code, string? language = null, string? into = null, StatementMode? mode = null, int? duration = null, string? introducedBy = null) =>
        new(Guid.NewGuid(), Code(code), Minister, "Speaker", "Minister")
        {
            Language = language, InterpretationInto = into, Mode = mode, DurationSeconds = duration, IntroducedBy = introducedBy,
        };

    private static Decision Decide(ListOfSpeakers list, Inscribe command, string at = "09:00") =>
        Inscription.Decide(list, command, Given.Participant(command.Participant.Value), Given.At(at));

    [Fact]
    public void Rule_53_a_language_that_is_not_official_needs_interpretation_into_one_that_is()
    {
        var refused = Decide(Given.Plenary(), Inscribe("DEU", "de"));

        Assert.Equal(RefusalKind.Invalid, refused.Refusal?.Kind);
        Assert.Contains("rule 53", refused.Refusal!.Detail);
        Assert.Contains("interpretationInto", refused.Refusal.Detail);
    }

    [Fact]
    public void Rule_53_with_interpretation_into_an_official_language_the_statement_is_accepted()
    {
        var inscribed = Assert.IsType<SpeakerInscribed>(Assert.Single(Decide(Given.Plenary(), Inscribe("DEU", "DE", "EN")).Events));

        Assert.Equal(new Delivery("de", "en"), inscribed.Delivery);
        Assert.Equal("en", inscribed.Delivery!.Relay);
    }

    [Fact]
    public void Interpretation_into_a_language_that_is_not_official_is_refused_citing_rule_53()
    {
        var refused = Decide(Given.Plenary(), Inscribe("DEU", "de", "pt"));

        Assert.Contains("rule 53", refused.Refusal?.Detail);
    }

    [Fact]
    public void An_official_language_needs_no_interpretation_and_the_registry_gives_the_default()
    {
        var inscribed = Assert.IsType<SpeakerInscribed>(Assert.Single(Decide(Given.Plenary(), Inscribe("FRA", "zh-hans")).Events));
        Assert.Equal(new Delivery("zh-Hans"), inscribed.Delivery);

        var france = Given.Participant("FRA") with { StatementLanguage = "fr" };
        var byDefault = Inscription.Decide(Given.Plenary(), Inscribe("FRA"), france, Given.At("09:00"));
        Assert.Equal("fr", Assert.IsType<SpeakerInscribed>(Assert.Single(byDefault.Events)).Delivery!.Language);

        var unknown = Assert.IsType<SpeakerInscribed>(Assert.Single(Decide(Given.Plenary(), Inscribe("GHA")).Events));
        Assert.Equal("en", unknown.Delivery!.Language);
    }

    [Fact]
    public void A_video_runs_at_most_the_time_limit_and_is_introduced_in_the_hall()
    {
        var list = Given.Plenary();

        Assert.Contains("rule 72", Decide(list, Inscribe("GHA", mode: StatementMode.Video, duration: 301, introducedBy: "Ambassador")).Refusal?.Detail);
        Assert.Contains("introducedBy", Decide(list, Inscribe("GHA", mode: StatementMode.Video, duration: 240)).Refusal?.Detail);
        Assert.Contains("durationSeconds", Decide(list, Inscribe("GHA", mode: StatementMode.Video, introducedBy: "Ambassador")).Refusal?.Detail);
        Assert.Null(Decide(list, Inscribe("GHA", mode: StatementMode.Video, duration: 300, introducedBy: "Ambassador")).Refusal);
    }

    [Fact]
    public void A_videos_forecast_slot_is_its_duration()
    {
        var list = Given.Plenary()
            .Decided(Decide(Given.Plenary(), Inscribe("GHA", mode: StatementMode.Video, duration: 200, introducedBy: "Permanent Representative")));
        list = list.Decided(Decide(list, Inscribe("BRA"), "09:01"));

        var forecast = Forecast.Of(list, Given.At("10:00"));

        Assert.Equal(200, forecast.Entries[0].AllottedSeconds);
        Assert.Equal(Given.At("10:00").AddSeconds(200 + list.Limits.ChangeOverSeconds), forecast.Entries[1].EstimatedStart);
        Assert.Equal(200, list.Entries[0].Delivery.DurationSeconds); // what a waiting entry carries for the forecast
    }

    [Fact]
    public void The_floor_runs_a_video_as_a_speech_its_clock_counting_its_known_length()
    {
        var list = Given.Plenary().Decided(Decide(Given.Plenary(), Inscribe("GHA", mode: StatementMode.Video, duration: 200, introducedBy: "Ambassador")))
            .Opened("10:00").Called("10:00:10").Started("10:00:15");

        Assert.Equal(200, list.Floor.Current!.Clock.AllottedSeconds);
        Assert.Equal("0:00", list.Floor.Current.Clock.Display(Given.At("10:03:35")));
        Assert.Equal(EntryState.Heard, list.Ended("10:03:35").Entries[0].State);
    }

    [Fact]
    public void Mode_and_language_survive_a_replay_of_the_stored_events()
    {
        var first = Given.Plenary();
        var events = new List<IMeetingEvent>();
        events.AddRange(Decide(first, Inscribe("DEU", "de", "fr", StatementMode.Remote)).Events);
        var list = first.Evolve(events);
        events.AddRange(Decide(list, Inscribe("GHA", mode: StatementMode.Video, duration: 120, introducedBy: "Ambassador"), "09:01").Events);

        var replayed = first.Evolve(events.Select(e => (IMeetingEvent)JsonSerializer.Deserialize(JsonSerializer.Serialize(e, e.GetType(), Stored), e.GetType(), Stored)!));

        Assert.Equal(new Delivery("de", "fr", StatementMode.Remote), replayed.Entries[0].Delivery);
        Assert.Equal(new Delivery("en", null, StatementMode.Video, 120, "Ambassador"), replayed.Entries[1].Delivery);
    }

    [Fact]
    public void Mode_and_language_survive_a_carry_over()
    {
        var morning = Given.Plenary("10:00", "13:00");
        morning = morning.Decided(Decide(morning, Inscribe("DEU", "de", "en", StatementMode.Video, 240, "Deputy Permanent Representative")));
        var afternoon = Given.Plenary("15:00", "18:00");

        var (_, toEvents) = CarryOver.Decide(morning, afternoon, Given.At("13:00"));
        afternoon = afternoon.Evolve(toEvents.Select(e => (IMeetingEvent)JsonSerializer.Deserialize(JsonSerializer.Serialize(e, e.GetType(), Stored), e.GetType(), Stored)!));

        Assert.Equal(new Delivery("de", "en", StatementMode.Video, 240, "Deputy Permanent Representative"), afternoon.Entries.Single().Delivery);
    }

    [Fact]
    public void An_inscription_stored_before_languages_reads_as_english_in_person()
    {
        const string stored = """{"meetingId":"6f1c2d8e-0000-0000-0000-000000000001","inscriptionId":"6f1c2d8e-0000-0000-0000-000000000002","commandId":"6f1c2d8e-0000-0000-0000-000000000002","speaker":null,"kind":"Statement","receivedAt":"2013-09-24T09:00:00-04:00"}""";
        var old = JsonSerializer.Deserialize<SpeakerInscribed>(stored, Stored)!;

        Assert.Null(old.Delivery);
        Assert.Equal(Delivery.Default, Entry.From(old, 1).Delivery);
    }

    [Fact]
    public void Language_and_mode_change_until_the_speaker_is_called()
    {
        var list = Given.Plenary().Inscribed("GHA", Minister, "09:00").Opened("10:00");
        var ghana = list.IdOf("GHA");

        list = list.Decided(DeliveryChanges.Decide(list, ghana, new ChangeDelivery(Guid.NewGuid()) { Language = "fr", Mode = StatementMode.Remote }, Given.At("10:01")));
        Assert.Equal(new Delivery("fr", null, StatementMode.Remote), list.Find(ghana)!.Delivery);
        Assert.Contains("rule 53", DeliveryChanges.Decide(list, ghana, new ChangeDelivery(Guid.NewGuid()) { Language = "tw" }, Given.At("10:02")).Refusal?.Detail);

        list = list.Called("10:03");
        Assert.Equal(RefusalKind.Conflict, DeliveryChanges.Decide(list, ghana, new ChangeDelivery(Guid.NewGuid()) { Language = "en" }, Given.At("10:04")).Refusal?.Kind);
    }

    [Fact]
    public void A_booth_message_reaches_only_a_meeting_in_progress_and_is_dismissed_once()
    {
        var list = Given.Plenary();
        Assert.Equal(RefusalKind.Conflict, BoothMessages.Send(list, new SendBoothMessage(Guid.NewGuid(), BoothMessageKind.SlowDown), "General Assembly Hall", Given.At("09:00")).Refusal?.Kind);

        list = list.Opened("10:00");
        var send = new SendBoothMessage(Guid.NewGuid(), BoothMessageKind.SlowDown, "  Speaker too fast for the Russian booth ");
        list = list.Decided(BoothMessages.Send(list, send, "General Assembly Hall", Given.At("10:05")));
        var message = Assert.Single(list.BoothMessages);
        Assert.Equal(("Speaker too fast for the Russian booth", BoothMessageKind.SlowDown), (message.Text, message.Kind));

        list = list.Decided(BoothMessages.Dismiss(list, message.MessageId, new DismissBoothMessage(Guid.NewGuid()), Given.At("10:06")));
        Assert.Equal(Given.At("10:06"), list.BoothMessages.Single().DismissedAt);
        Assert.Empty(BoothMessages.Dismiss(list, message.MessageId, new DismissBoothMessage(Guid.NewGuid()), Given.At("10:07")).Events);
    }
}
