using SpeakersList.Domain.Tests.SpeakersLists;
using SpeakersList.Floor;
using SpeakersList.SpeakersLists;
using static SpeakersList.SpeakersLists.LevelOfRepresentation;

namespace SpeakersList.Domain.Tests.Floor;

public class Floor_control
{
    private static ListOfSpeakers ThreeSpeakers() => Given.Plenary("10:00", "13:00")
        .Inscribed("GHA", Minister, "09:00")
        .Inscribed("FRA", Minister, "09:01")
        .Inscribed("BRA", Minister, "09:02");

    private static DateTimeOffset At(string time) => Given.At(time);

    [Fact]
    public void A_list_stored_before_the_floor_existed_reads_as_a_meeting_not_yet_opened()
    {
        var stored = ThreeSpeakers() with { Floor = null! };
        var read = new ListOfSpeakers(stored.Id, stored.Meeting, stored.Policy, stored.Closed, stored.Cap, stored.Limits, stored.Entries,
            stored.Placements, stored.SecondInscriptionsAllowed, stored.HandledCommands, stored.Version);

        Assert.Equal(MeetingStatus.Scheduled, read.Floor.Status);
        Assert.Equal(MeetingStatus.InProgress, read.Opened().Floor.Status);
    }

    [Fact]
    public void The_meeting_opens_once()
    {
        var list = ThreeSpeakers().Opened("10:01");

        Assert.Equal(MeetingStatus.InProgress, list.Floor.Status);
        Assert.Equal(At("10:01"), list.Floor.OpenedAt);
        Assert.Contains("already open", FloorControl.Open(list, FloorGiven.Command(), At("10:02")).Refused());
    }

    [Fact]
    public void A_retried_command_takes_effect_once_and_a_stale_one_is_refused()
    {
        var list = ThreeSpeakers();
        var open = new FloorCommand(Guid.NewGuid(), ExpectedVersion: list.Version);
        list = list.Decided(FloorControl.Open(list, open, At("10:00")));

        Assert.Same(Decision.AlreadyDone, FloorControl.Open(list, open, At("10:00:05")));
        var stale = FloorControl.Call(list, new CallSpeaker(Guid.NewGuid(), ExpectedVersion: list.Version - 1), At("10:01"));
        Assert.Equal(list.Version, stale.Refusal!.CurrentVersion);
        stale.Refused(RefusalKind.StaleVersion);
    }

    [Fact]
    public void Nobody_is_called_before_the_meeting_opens()
    {
        var detail = FloorControl.Call(ThreeSpeakers(), new CallSpeaker(Guid.NewGuid()), At("10:00")).Refused();
        Assert.Contains("has not been opened", detail);
    }

    [Fact]
    public void Calling_the_next_speaker_gives_the_floor_to_the_first_waiting_in_order()
    {
        var list = ThreeSpeakers().Opened().Called("10:00:10");

        Assert.Equal(EntryState.Speaking, list.StateOf("GHA"));
        Assert.Equal(1, list.Entries.Single(x => x.Speaker.Participant == Code("GHA")).CalledOrder);
        Assert.Equal(Code("GHA"), list.FloorHolder()!.Speaker.Participant);
        Assert.False(list.Floor.Current!.Started);
        Assert.Equal(300, list.Floor.Current.Clock.AllottedSeconds);
    }

    [Fact]
    public void Nobody_else_is_called_while_a_speaker_holds_the_floor()
    {
        var list = ThreeSpeakers().Opened().Called("10:00:10");

        Assert.Contains("Ghana has the floor", FloorControl.Call(list, new CallSpeaker(Guid.NewGuid()), At("10:00:20")).Refused());
    }

    [Fact]
    public void A_speaker_chosen_out_of_turn_is_called_and_keeps_that_call_order()
    {
        var list = ThreeSpeakers().Opened().Called("10:00:10", code: "BRA").Started("10:00:20").Ended("10:04:00");

        Assert.Equal(EntryState.Heard, list.StateOf("BRA"));
        Assert.Equal(["BRA", "GHA", "FRA"], list.Order());
    }

    [Fact]
    public void Only_a_waiting_speaker_can_be_chosen()
    {
        var list = ThreeSpeakers().Opened().Heard("10:00", "10:04");
        var ghana = list.IdOf("GHA");

        Assert.Contains("Ghana is not waiting to speak (already heard)",
            FloorControl.Call(list, new CallSpeaker(Guid.NewGuid(), ghana), At("10:05")).Refused());
        FloorControl.Call(list, new CallSpeaker(Guid.NewGuid(), Guid.NewGuid()), At("10:05")).Refused(RefusalKind.NotFound);
    }

    [Fact]
    public void Calling_with_nobody_waiting_is_refused()
    {
        var list = Given.Plenary().Inscribed("GHA", Minister, "09:00").Opened().Heard("10:00", "10:03");

        Assert.Contains("No speaker is waiting", FloorControl.Call(list, new CallSpeaker(Guid.NewGuid()), At("10:04")).Refused());
    }

    [Fact]
    public void The_clock_starts_only_for_a_speaker_called_and_only_once()
    {
        var list = ThreeSpeakers().Opened();
        Assert.Contains("Nobody has been called", FloorControl.Start(list, FloorGiven.Command(), At("10:00")).Refused());

        list = list.Called("10:00:05").Started("10:00:15");
        Assert.Equal(At("10:00:15"), list.Floor.Current!.Clock.RunStartedAt);
        Assert.Contains("already speaking", FloorControl.Start(list, FloorGiven.Command(), At("10:00:20")).Refused());
    }

    [Fact]
    public void A_speech_is_paused_and_resumed_and_only_the_time_spoken_counts()
    {
        var list = ThreeSpeakers().Opened().Called("10:00").Started("10:00:10");
        Assert.Contains("not paused", FloorControl.Resume(list, FloorGiven.Command(), At("10:00:20")).Refused());

        list = list.Paused("10:01:10");
        Assert.True(list.Floor.Current!.Paused);
        Assert.Contains("already paused", FloorControl.Pause(list, FloorGiven.Command(), At("10:01:20")).Refused());

        list = list.Resumed("10:03:00").Ended("10:04:00");
        var ghana = list.Entries.Single(x => x.Speaker.Participant == Code("GHA"));
        Assert.Equal(TimeSpan.FromSeconds(120), ghana.Spoken);
        Assert.Equal(300, ghana.FloorAllottedSeconds);
    }

    [Fact]
    public void Pausing_a_speaker_who_has_not_started_is_refused()
    {
        var list = ThreeSpeakers().Opened().Called("10:00");

        Assert.Contains("has not started speaking", FloorControl.Pause(list, FloorGiven.Command(), At("10:00:05")).Refused());
        Assert.Contains("has not started speaking", FloorControl.End(list, FloorGiven.Command(), At("10:00:05")).Refused());
    }

    [Fact]
    public void Ending_a_speech_records_the_overrun_and_frees_the_floor()
    {
        var list = ThreeSpeakers().Opened().Called("10:00").Started("10:00:00").Ended("10:05:42");

        Assert.Null(list.Floor.Current);
        Assert.Equal(At("10:05:42"), list.Floor.FreeSince);
        Assert.Equal(TimeSpan.FromSeconds(342), list.Entries.Single(x => x.Speaker.Participant == Code("GHA")).Spoken);
        Assert.Contains("Nobody has the floor", FloorControl.End(list, FloorGiven.Command(), At("10:06")).Refused());
    }

    [Fact]
    public void A_point_of_order_interrupts_the_speaker_and_pauses_the_clock()
    {
        var list = ThreeSpeakers().Opened().Called("10:00").Started("10:00:00").PointOfOrder("CUB", "10:02:00");

        Assert.Equal(Code("CUB"), list.Floor.PointOfOrder!.Participant);
        Assert.False(list.Floor.Current!.Clock.Running);
        Assert.Equal(TimeSpan.FromSeconds(120), list.Floor.Current.Clock.SpokenBefore);
        // Not on the list.
        Assert.DoesNotContain(list.Entries, x => x.Speaker.Participant == Code("CUB"));
    }

    [Fact]
    public void While_a_point_of_order_is_before_the_President_the_debate_waits()
    {
        var list = ThreeSpeakers().Opened().Called("10:00").Started("10:00:00").PointOfOrder("CUB", "10:02:00");

        Assert.Contains("point of order by Cuba", FloorControl.End(list, FloorGiven.Command(), At("10:02:10")).Refused());
        Assert.Contains("point of order by Cuba", FloorControl.Pause(list, FloorGiven.Command(), At("10:02:10")).Refused());
        Assert.Contains("already before the President",
            FloorControl.PointOfOrder(list, new RaisePointOfOrder(Guid.NewGuid(), Code("USA")), Given.Participant("USA"), At("10:02:10")).Refused());
        Assert.Contains("rule on it before adjourning", FloorControl.Adjourn(list, FloorGiven.Command(), At("10:02:10")).Refused());
    }

    [Fact]
    public void Resuming_after_a_point_of_order_concludes_it_and_restarts_the_interrupted_clock()
    {
        var list = ThreeSpeakers().Opened().Called("10:00").Started("10:00:00").PointOfOrder("CUB", "10:02:00").Resumed("10:03:30");

        Assert.Null(list.Floor.PointOfOrder);
        var heard = Assert.Single(list.Floor.PointsOfOrder);
        Assert.Equal((At("10:02:00"), At("10:03:30")), (heard.RaisedAt, heard.ConcludedAt));
        Assert.Equal(At("10:03:30"), list.Floor.Current!.Clock.RunStartedAt);
        Assert.Equal(TimeSpan.FromSeconds(150), list.Floor.Current.Clock.Spoken(At("10:04:00")));
    }

    [Fact]
    public void A_clock_paused_before_the_point_of_order_stays_paused_after_it()
    {
        var list = ThreeSpeakers().Opened().Called("10:00").Started("10:00:00").Paused("10:01:00")
            .PointOfOrder("CUB", "10:02:00").Resumed("10:03:00");

        Assert.Null(list.Floor.PointOfOrder);
        Assert.True(list.Floor.Current!.Paused);
    }

    [Fact]
    public void A_point_of_order_needs_a_meeting_in_progress()
    {
        var detail = FloorControl.PointOfOrder(ThreeSpeakers(), new RaisePointOfOrder(Guid.NewGuid(), Code("CUB")), Given.Participant("CUB"), At("10:00"))
            .Refused();
        Assert.Contains("has not been opened", detail);
    }

    [Fact]
    public void An_absent_speaker_goes_to_the_end_of_the_list_by_default()
    {
        var list = ThreeSpeakers().Opened().Called("10:00").Absent("10:00:30");

        Assert.Equal(EntryState.Waiting, list.StateOf("GHA"));
        Assert.Null(list.Entries.Single(x => x.Speaker.Participant == Code("GHA")).CalledOrder);
        Assert.Equal(["FRA", "BRA", "GHA"], list.Order());
        Assert.Contains("absent when called", list.Line("GHA").Explanation);
        Assert.Null(list.Floor.Current);

        // The next call goes to France, and Ghana still comes after Brazil.
        list = list.Called("10:01").Started("10:01").Ended("10:05");
        Assert.Equal(["FRA", "BRA", "GHA"], list.Order());
    }

    [Fact]
    public void With_the_next_meeting_policy_an_absent_speaker_is_marked_absent()
    {
        var list = ThreeSpeakers();
        list = list.Decided(ListManagement.Decide(list, new SetAbsentPolicy(Guid.NewGuid(), AbsentPolicy.NextMeeting), At("09:30")));
        list = list.Opened().Called("10:00").Absent("10:00:30");

        Assert.Equal(EntryState.Absent, list.StateOf("GHA"));
        Assert.Equal(["GHA", "FRA", "BRA"], list.Order());
        Assert.Equal([list.IdOf("GHA")], list.Floor.AbsentWhenCalled);
    }

    [Fact]
    public void The_absent_command_can_override_the_list_policy()
    {
        var list = ThreeSpeakers().Opened().Called("10:00").Absent("10:00:30", AbsentPolicy.NextMeeting);

        Assert.Equal(EntryState.Absent, list.StateOf("GHA"));
        Assert.Equal(AbsentPolicy.EndOfList, list.AbsentPolicy);
    }

    [Fact]
    public void Only_a_speaker_called_and_not_yet_speaking_can_be_marked_absent()
    {
        var list = ThreeSpeakers().Opened();
        Assert.Contains("Nobody has been called", FloorControl.MarkAbsent(list, new MarkAbsent(Guid.NewGuid()), At("10:00")).Refused());

        list = list.Called("10:00").Started("10:00:10");
        Assert.Contains("cannot be marked absent", FloorControl.MarkAbsent(list, new MarkAbsent(Guid.NewGuid()), At("10:00:20")).Refused());
    }

    [Fact]
    public void Extending_adds_time_to_the_speaker_who_holds_the_floor()
    {
        var list = ThreeSpeakers().Opened();
        Assert.Contains("Nobody has the floor", FloorControl.Extend(list, new ExtendSpeech(Guid.NewGuid(), 60), At("10:00")).Refused());

        list = list.Called("10:00").Started("10:00");
        list = list.Decided(FloorControl.Extend(list, new ExtendSpeech(Guid.NewGuid(), 60), At("10:04")));
        Assert.Equal(360, list.Floor.Current!.Clock.AllottedSeconds);
        FloorControl.Extend(list, new ExtendSpeech(Guid.NewGuid(), 0), At("10:04")).Refused(RefusalKind.Invalid);

        list = list.Ended("10:06:10");
        Assert.Equal(360, list.Entries.Single(x => x.Speaker.Participant == Code("GHA")).FloorAllottedSeconds);
    }

    [Fact]
    public void Suspending_pauses_the_clock_and_holds_the_floor_until_the_meeting_resumes()
    {
        var list = ThreeSpeakers().Opened().Called("10:00").Started("10:00:00");
        list = list.Decided(FloorControl.Suspend(list, FloorGiven.Command(), At("10:01:00")));

        Assert.Equal(MeetingStatus.Suspended, list.Floor.Status);
        Assert.True(list.Floor.Current!.Paused);
        Assert.Contains("suspended", FloorControl.Resume(list, FloorGiven.Command(), At("10:10")).Refused());
        Assert.Contains("suspended", FloorControl.Suspend(list, FloorGiven.Command(), At("10:10")).Refused());

        list = list.Decided(FloorControl.ResumeMeeting(list, FloorGiven.Command(), At("10:20")));
        Assert.Equal(MeetingStatus.InProgress, list.Floor.Status);
        Assert.Contains("not suspended", FloorControl.ResumeMeeting(list, FloorGiven.Command(), At("10:21")).Refused());
        list = list.Resumed("10:20:05").Ended("10:21:05");
        Assert.Equal(TimeSpan.FromSeconds(120), list.Entries.Single(x => x.Speaker.Participant == Code("GHA")).Spoken);
    }

    [Fact]
    public void The_meeting_is_adjourned_once_and_only_when_nobody_holds_the_floor()
    {
        var list = ThreeSpeakers();
        Assert.Contains("has not been opened", FloorControl.Adjourn(list, FloorGiven.Command(), At("10:00")).Refused());

        list = list.Opened().Called("10:00");
        Assert.Contains("Ghana has the floor", FloorControl.Adjourn(list, FloorGiven.Command(), At("10:01")).Refused());

        list = list.Started("10:00").Ended("10:05");
        list = list.Decided(FloorControl.Adjourn(list, FloorGiven.Command(), At("10:06")));
        Assert.Equal(MeetingStatus.Adjourned, list.Floor.Status);
        Assert.Contains("already been adjourned", FloorControl.Adjourn(list, FloorGiven.Command(), At("10:07")).Refused());
        Assert.Contains("adjourned", FloorControl.Call(list, new CallSpeaker(Guid.NewGuid()), At("10:07")).Refused());
        Assert.Contains("cannot be opened again", FloorControl.Open(list, FloorGiven.Command(), At("10:07")).Refused());
    }

    [Fact]
    public void Every_floor_event_carries_the_meeting_the_command_and_the_time()
    {
        var list = ThreeSpeakers().Opened("10:00");
        var call = new CallSpeaker(Guid.NewGuid());
        var called = Assert.IsType<SpeakerCalled>(Assert.Single(FloorControl.Call(list, call, At("10:00:07")).Events));

        Assert.Equal((list.Id, call.CommandId, At("10:00:07"), list.IdOf("GHA"), 300, false),
            (called.MeetingId, called.CommandId, called.At, called.InscriptionId, called.AllottedSeconds, called.Chosen));
    }
}

public class Forecast_from_the_floor
{
    private static DateTimeOffset At(string time) => Given.At(time);

    private static ListOfSpeakers ThreeSpeakers() => Given.Plenary("10:00", "13:00")
        .Inscribed("GHA", Minister, "09:00")
        .Inscribed("FRA", Minister, "09:01")
        .Inscribed("BRA", Minister, "09:02");

    private static DateTimeOffset? EstimateOf(ListOfSpeakers list, string code) =>
        Forecast.Of(list, Forecast.NextFree(list)).Entries.Single(x => x.Ordered.Entry.Speaker.Participant == Code(code)).EstimatedStart;

    [Fact]
    public void Before_the_meeting_opens_the_forecast_starts_at_the_scheduled_start()
    {
        Assert.Equal(At("10:00"), Forecast.NextFree(ThreeSpeakers()));
    }

    [Fact]
    public void When_the_meeting_opens_late_the_first_speaker_is_expected_then()
    {
        var list = ThreeSpeakers().Opened("10:12");

        Assert.Equal(At("10:12"), EstimateOf(list, "GHA"));
    }

    [Fact]
    public void While_a_speech_runs_the_next_speaker_is_expected_at_its_limit_plus_the_change_over()
    {
        var list = ThreeSpeakers().Opened("10:00").Called("10:00:10").Started("10:00:20");

        Assert.Equal(At("10:05:50"), EstimateOf(list, "FRA"));
        Assert.Equal(At("10:11:20"), EstimateOf(list, "BRA"));
        Assert.Null(EstimateOf(list, "GHA"));
    }

    [Fact]
    public void A_paused_speech_pushes_the_forecast_by_the_time_it_stands_still()
    {
        var list = ThreeSpeakers().Opened("10:00").Called("10:00").Started("10:00:00").Paused("10:01:00");

        // 4 minutes left from the pause, plus the change-over.
        Assert.Equal(At("10:05:30"), EstimateOf(list, "FRA"));
        list = list.Resumed("10:03:00");
        Assert.Equal(At("10:07:30"), EstimateOf(list, "FRA"));
    }

    [Fact]
    public void After_a_speech_the_forecast_starts_from_its_end()
    {
        var list = ThreeSpeakers().Opened("10:00").Heard("10:00", "10:03:00");

        Assert.Equal(At("10:03:30"), EstimateOf(list, "FRA"));
    }

    [Fact]
    public void An_extension_pushes_the_next_speaker_back_by_the_time_given()
    {
        var list = ThreeSpeakers().Opened("10:00").Called("10:00").Started("10:00:00");
        list = list.Decided(FloorControl.Extend(list, new ExtendSpeech(Guid.NewGuid(), 120), At("10:04:00")));

        Assert.Equal(At("10:07:30"), EstimateOf(list, "FRA"));
    }

    [Fact]
    public void A_speaker_paused_past_the_limit_is_expected_to_be_done_at_once()
    {
        // No time is left: the next speaker is expected one change-over after the pause, never before it.
        var list = ThreeSpeakers().Opened("10:00").Called("10:00").Started("10:00:00").Paused("10:05:42");

        Assert.Equal(At("10:06:12"), EstimateOf(list, "FRA"));
    }
}
