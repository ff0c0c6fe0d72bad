using SpeakersList.Domain.Tests.Floor;
using SpeakersList.SpeakersLists;
using static SpeakersList.SpeakersLists.LevelOfRepresentation;

namespace SpeakersList.Domain.Tests.SpeakersLists;

public class Inscription_rules
{
    private static Inscribe Ghana(Guid? command = null, long? expectedVersion = null) =>
        new(command ?? Guid.NewGuid(), Code("GHA"), Minister, "Speaker", "Minister", ExpectedVersion: expectedVersion);

    [Fact]
    public void An_inscription_records_the_time_the_server_received_it()
    {
        var list = Given.Plenary();
        var decision = Inscription.Decide(list, Ghana(), Given.Participant("GHA"), Given.At("09:15:02"));

        var inscribed = Assert.IsType<SpeakerInscribed>(Assert.Single(decision.Events));
        Assert.Equal(Given.At("09:15:02"), inscribed.ReceivedAt);
        Assert.Equal("Ghana", inscribed.Speaker.ParticipantName);
    }

    [Fact]
    public void A_closed_list_refuses_inscriptions()
    {
        var list = Given.Plenary().With(new SpeakersListClosed(Guid.Empty, Guid.NewGuid(), Given.At("09:00")));

        var decision = Inscription.Decide(list, Ghana(), Given.Participant("GHA"), Given.At("09:01"));

        Assert.Equal(RefusalKind.Conflict, decision.Refusal?.Kind);
        Assert.Contains("rule 73", decision.Refusal!.Detail);
    }

    [Fact]
    public void A_reopened_list_accepts_inscriptions_again()
    {
        var list = Given.Plenary().With(
            new SpeakersListClosed(Guid.Empty, Guid.NewGuid(), Given.At("09:00")),
            new SpeakersListReopened(Guid.Empty, Guid.NewGuid(), Given.At("09:05")));

        Assert.Null(Inscription.Decide(list, Ghana(), Given.Participant("GHA"), Given.At("09:06")).Refusal);
    }

    [Fact]
    public void A_delegation_is_inscribed_once_unless_an_officer_allows_a_second()
    {
        var list = Given.Plenary().Inscribed("GHA", Minister, "09:00");

        Assert.Contains("Ghana is already inscribed on this list. A second inscription needs an officer's permission.",
            Inscription.Decide(list, Ghana(), Given.Participant("GHA"), Given.At("09:01")).Refused());

        list = list.Decided(ListManagement.Decide(list, new AllowSecondInscription(Guid.NewGuid(), Code("gha")), Given.At("09:02")));
        list = list.Decided(Inscription.Decide(list, Ghana(), Given.Participant("GHA"), Given.At("09:03")));
        Assert.Equal(2, list.StatementsBy(Code("GHA")));
        Assert.Contains("Ghana is already inscribed", Inscription.Decide(list, Ghana(), Given.Participant("GHA"), Given.At("09:04")).Refused());
    }

    [Fact]
    public void The_number_of_speakers_can_be_capped()
    {
        var list = Given.Plenary().Inscribed("GHA", Minister, "09:00");
        list = list.Decided(ListManagement.Decide(list, new SetSpeakerCap(Guid.NewGuid(), 2), Given.At("09:00")));
        list = list.Inscribed("FRA", Minister, "09:01");

        var refused = Inscription.Decide(list, new Inscribe(Guid.NewGuid(), Code("BRA"), Minister, "S", "T"), Given.Participant("BRA"), Given.At("09:02"));

        Assert.Equal(RefusalKind.Conflict, refused.Refusal?.Kind);
        Assert.Contains("limited to 2", refused.Refusal!.Detail);
    }

    [Fact]
    public void A_cap_below_the_speakers_already_inscribed_is_refused()
    {
        var list = Given.Plenary().Inscribed("GHA", Minister, "09:00").Inscribed("FRA", Minister, "09:01");

        Assert.Equal("2 speakers are already inscribed; withdraw some before lowering the limit to 1.",
            ListManagement.Decide(list, new SetSpeakerCap(Guid.NewGuid(), 1), Given.At("09:02")).Refused());
        Assert.Null(ListManagement.Decide(list, new SetSpeakerCap(Guid.NewGuid(), 2), Given.At("09:02")).Refusal);
    }

    [Fact]
    public void A_retried_command_takes_effect_once()
    {
        var command = Guid.NewGuid();
        var list = Given.Plenary();
        list = list.Decided(Inscription.Decide(list, Ghana(command), Given.Participant("GHA"), Given.At("09:00")));

        var retry = Inscription.Decide(list, Ghana(command), Given.Participant("GHA"), Given.At("09:00:02"));

        Assert.Null(retry.Refusal);
        Assert.Empty(retry.Events);
    }

    [Fact]
    public void A_command_based_on_a_stale_version_is_refused_with_the_current_version()
    {
        var list = Given.Plenary().Inscribed("FRA", Minister, "09:00");

        var refused = Inscription.Decide(list, Ghana(expectedVersion: 1), Given.Participant("GHA"), Given.At("09:01"));

        Assert.Equal(RefusalKind.StaleVersion, refused.Refusal?.Kind);
        Assert.Equal(2, refused.Refusal!.CurrentVersion);
        Assert.Null(Inscription.Decide(list, Ghana(expectedVersion: 2), Given.Participant("GHA"), Given.At("09:01")).Refusal);
    }

    [Fact]
    public void A_withdrawn_inscription_leaves_the_order_and_can_be_withdrawn_again_harmlessly()
    {
        var list = Given.Plenary().Inscribed("GHA", Minister, "09:00").Inscribed("FRA", Minister, "09:01");
        var withdraw = new Withdraw(Guid.NewGuid(), list.IdOf("GHA"));
        list = list.Decided(Inscription.Decide(list, withdraw, Given.At("09:02")));

        Assert.Equal(["FRA"], list.Order());
        Assert.Empty(Inscription.Decide(list, withdraw with { CommandId = Guid.NewGuid() }, Given.At("09:03")).Events);
        Assert.Equal(RefusalKind.NotFound, Inscription.Decide(list, new Withdraw(Guid.NewGuid(), Guid.NewGuid()), Given.At("09:03")).Refusal?.Kind);
    }
}

public class Meetings_moved_or_cancelled
{
    [Fact]
    public void A_cancelled_meeting_refuses_inscriptions_and_is_skipped_by_carry_over()
    {
        var morning = Given.Plenary("10:00", "13:00").Inscribed("GHA", LevelOfRepresentation.Minister, "09:00");
        var afternoon = Given.Plenary("15:00", "18:00").With(new SpeakersList.Programme.MeetingCancelled(Guid.Empty, Guid.NewGuid(), "no quorum", Given.At("12:00")));
        var nextDay = Given.Meeting(SpeakersList.Programme.MeetingKind.Plenary, "1.10:00", "1.13:00");

        var refused = Inscription.Decide(afternoon, new Inscribe(Guid.NewGuid(), Code("FRA"), LevelOfRepresentation.Minister, "S", "T"),
            Given.Participant("FRA"), Given.At("12:30"));

        Assert.Equal(RefusalKind.Conflict, refused.Refusal?.Kind);
        Assert.Contains("cancelled", refused.Refusal!.Detail);
        Assert.Equal(nextDay.Id, CarryOver.NextMeeting(morning, [afternoon, nextDay])?.Id);
    }

    [Fact]
    public void A_moved_meeting_keeps_its_list_in_the_new_room()
    {
        var list = Given.Plenary().Inscribed("GHA", LevelOfRepresentation.Minister, "09:00")
            .With(new SpeakersList.Programme.MeetingMoved(Guid.Empty, Guid.NewGuid(), "Conference Room 2", Given.At("09:30")));

        Assert.Equal("Conference Room 2", list.Meeting.Details.Room);
        Assert.Equal(["GHA"], list.Order());
    }
}
