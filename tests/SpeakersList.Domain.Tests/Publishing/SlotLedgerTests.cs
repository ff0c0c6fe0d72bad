using SpeakersList.Domain.Tests.Floor;
using SpeakersList.Domain.Tests.SpeakersLists;
using SpeakersList.Floor;
using SpeakersList.Participants;
using SpeakersList.Programme;
using SpeakersList.Publishing;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Domain.Tests.Publishing;

/// <summary>
/// The calendars' ledger plans only the entries added in the last places when that is all an event did
/// (<see cref="ListPlan.Grown"/>); its slots must be exactly those of planning the whole list after every event.
/// </summary>
public class SlotLedgerTests
{
    [Fact]
    public void A_minister_inscribed_after_the_others_is_planned_alone_and_as_the_whole_forecast_plans_them()
    {
        var list = Given.Plenary().Inscribed("GHA", LevelOfRepresentation.Minister, "09:00").Inscribed("BRA", LevelOfRepresentation.HeadOfState, "09:01");
        var next = list.Inscribed("IND", LevelOfRepresentation.Minister, "09:02");

        var grown = ListPlan.Of(list).Grown(next);

        Assert.NotNull(grown);
        Assert.Equal(["IND"], grown.Added.Select(x => x.Speaker.Participant.Value));
        Assert.Equal(ListPlan.Of(next).Slots.OrderBy(x => x.Key), grown.Slots.OrderBy(x => x.Key));
    }

    [Fact]
    public void An_entry_that_goes_ahead_of_others_or_any_other_change_plans_the_whole_list()
    {
        var list = Given.Plenary().Inscribed("GHA", LevelOfRepresentation.Minister, "09:00");
        var plan = ListPlan.Of(list);

        Assert.Null(plan.Grown(list.Inscribed("FRA", LevelOfRepresentation.HeadOfState, "09:01"))); // protocol: ahead of Ghana
        Assert.Null(plan.Grown(list.Opened("10:00")));
        Assert.Null(plan.Grown(list.Decided(ListManagement.Decide(list, new SetTimeLimits(Guid.NewGuid(), list.Limits with { DelegationSeconds = 600 }), Given.At("09:01")))
            .Inscribed("IND", LevelOfRepresentation.Minister, "09:02")));
    }

    [Theory]
    [InlineData(MeetingKind.Plenary, 1)]
    [InlineData(MeetingKind.Plenary, 2)]
    [InlineData(MeetingKind.RoundTable, 3)]
    public void The_ledger_kept_event_by_event_equals_the_ledger_that_plans_the_whole_list_after_every_event(MeetingKind kind, int seed)
    {
        var random = new Random(seed);
        var scheduled = new MeetingScheduled(Guid.NewGuid(), Guid.NewGuid(), new MeetingDetails(kind, "Plenary", "General Assembly Hall",
            Given.At("10:00"), Given.At("13:00"), "America/New_York", "Migration and development"), Given.At("08:00"));
        var list = ListOfSpeakers.For(scheduled);
        var events = new List<IMeetingEvent> { scheduled };
        void Take(Decision decision)
        {
            Assert.Null(decision.Refusal);
            events.AddRange(decision.Events);
            list = list.Evolve(decision.Events);
        }

        var codes = ParticipantRegistry.ByCode.Values.Where(x => x.Category == ParticipantCategory.MemberState).Select(x => x.Code).ToList();
        var clock = Given.At("08:30");
        var levels = new[] { LevelOfRepresentation.Minister, LevelOfRepresentation.Minister, LevelOfRepresentation.Minister, LevelOfRepresentation.ViceMinister, LevelOfRepresentation.HeadOfState };
        var heard = 0;
        for (var step = 0; step < 160; step++)
        {
            clock = clock.AddSeconds(random.Next(1, 40));
            var waiting = list.Entries.Where(x => x.IsActive && x.IsWaiting).ToList();
            var roll = random.Next(100);
            if (roll < 6 && waiting.Count > 2)
                Take(Inscription.Decide(list, new Withdraw(Guid.NewGuid(), waiting[random.Next(waiting.Count)].InscriptionId), clock));
            else if (roll < 10 && waiting.Count > 2)
                Take(ListManagement.Decide(list, new MoveEntry(Guid.NewGuid(), waiting[^1].InscriptionId, waiting[0].InscriptionId, "exchange of places"), clock));
            else if (roll < 12)
                Take(ListManagement.Decide(list, new SetTimeLimits(Guid.NewGuid(), list.Limits with { DelegationSeconds = random.Next(180, 600) }), clock));
            else if (step > 100 && heard < 6 && waiting.Count > 0)
            {
                // The meeting runs: speakers are heard, some of them long past their limit.
                clock = Given.At("10:00").AddMinutes(heard * 12);
                if (heard == 0) Take(FloorControl.Open(list, FloorGiven.Command(), clock));
                Take(FloorControl.Call(list, new CallSpeaker(Guid.NewGuid(), null), clock));
                Take(FloorControl.Start(list, FloorGiven.Command(), clock));
                clock = clock.AddMinutes(random.Next(2, 11));
                Take(FloorControl.End(list, FloorGiven.Command(), clock));
                heard++;
            }
            else if (codes.Count > 0)
            {
                var code = codes[random.Next(codes.Count)];
                codes.Remove(code);
                Take(Inscription.Decide(list, new Inscribe(Guid.NewGuid(), code, levels[random.Next(levels.Length)], "Speaker", "Minister"),
                    ParticipantRegistry.ByCode[code], clock));
            }
        }

        var kept = (SlotLedger?)null;
        var whole = (SlotLedger?)null;
        var grown = 0;
        foreach (var @event in events)
        {
            if (kept is not null && ListPlan.Of(kept.List).Grown(kept.List.Evolve(@event)) is not null) grown++;
            kept = StreamFold.Next(kept, @event);
            // A copy of the list is an instance with no plan kept for it: the next event plans the whole list.
            whole = StreamFold.Next(whole is null ? null : whole with { List = whole.List with { } }, @event);
            Assert.Equal(whole!.Slots.OrderBy(x => x.Key), kept!.Slots.OrderBy(x => x.Key));
        }
        Assert.True(grown >= 20, $"only {grown} events added entries in the last places");
        Assert.Contains(kept!.Slots.Values, x => x.Sequence > 0); // the floor's overruns revised slots
    }
}
