using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SpeakersList.Participants;
using SpeakersList.SpeakersLists;
using static SpeakersList.Domain.Tests.SpeakersLists.Given;

namespace SpeakersList.Domain.Tests.SpeakersLists;

public class A_fair_opening
{
    private static readonly byte[] Seed = Convert.FromHexString("8f3a0c5e7b1d2f4a6c8e0b2d4f6a8c0e1b3d5f7a9c0e2b4d6f8a0c2e4b6d8f0a");

    private static readonly string[] States = ["GHA", "FRA", "BRA", "IND", "JPN", "MEX", "NGA", "SWE", "TUR", "CHN", "USA", "KEN"];

    private static ListOfSpeakers Scheduled(string opensAt = "09:00", int window = 60) =>
        Plenary().Decided(Opening.Decide(Plenary(), new ScheduleOpening(Guid.NewGuid(), At(opensAt), window), Seed, At("08:30")));

    private static ListOfSpeakers WithRush(ListOfSpeakers list) =>
        States.Select((code, i) => (code, i)).Aggregate(list, (l, x) =>
            l.Inscribed(x.code, x.i % 2 == 0 ? LevelOfRepresentation.Minister : LevelOfRepresentation.HeadOfState, $"09:00:{10 + x.i}"));

    private static ListOfSpeakers Drawn(ListOfSpeakers list, string at = "09:01:01") => list.Decided(Opening.Draw(list, Seed, At(at)));

    [Fact]
    public void An_opening_publishes_the_commitment_to_its_seed_and_not_the_seed()
    {
        var decision = Opening.Decide(Plenary(), new ScheduleOpening(Guid.NewGuid(), At("09:00"), null), Seed, At("08:30"));

        var scheduled = Assert.IsType<SpeakersListOpeningScheduled>(Assert.Single(decision.Events));
        Assert.Equal(60, scheduled.WindowSeconds);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Seed)), scheduled.Commitment);
        Assert.DoesNotContain(Convert.ToHexStringLower(Seed), JsonSerializer.Serialize(scheduled));
    }

    [Fact]
    public void An_inscription_before_the_opening_is_refused_saying_when_the_list_opens()
    {
        var list = Scheduled();

        var decision = Inscription.Decide(list, new Inscribe(Guid.NewGuid(), Code("GHA"), LevelOfRepresentation.Minister, "Speaker", "Minister"),
            Participant("GHA"), At("08:59:59"));

        Assert.Equal(RefusalKind.Invalid, decision.Refusal?.Kind);
        Assert.Contains("opens at 2013-09-24 09:00:00", decision.Refusal!.Detail);
        Assert.Contains("13:00:00 UTC", decision.Refusal.Detail);
    }

    [Fact]
    public void Inscriptions_in_the_window_are_held_for_the_draw_and_not_ordered_by_arrival()
    {
        var list = WithRush(Scheduled());

        var ministers = list.SpeakingOrder().Where(x => x.Entry.Speaker.Level == LevelOfRepresentation.Minister).ToList();
        Assert.All(ministers, x => Assert.True(list.IsHeld(x.Entry)));
        Assert.Equal(ministers.Select(x => x.Entry.Speaker.Participant).Order(), ministers.Select(x => x.Entry.Speaker.Participant));
        Assert.All(ministers, x => Assert.Contains("Held for the draw by lot when the opening window closes (09:01:00 venue time)", x.Explanation));
    }

    [Fact]
    public void The_lot_is_not_drawn_before_the_window_closes_nor_with_another_seed()
    {
        var list = WithRush(Scheduled());

        Assert.Equal(RefusalKind.Conflict, Opening.Draw(list, Seed, At("09:00:59")).Refusal?.Kind);
        Assert.Equal(RefusalKind.Conflict, Opening.Draw(list, new byte[32], At("09:01:01")).Refusal?.Kind);
    }

    [Fact]
    public void The_draw_is_a_pure_function_of_the_seed_and_the_held_inscriptions()
    {
        var held = WithRush(Scheduled()).Entries;
        var shuffled = held.Reverse().ToList();

        var first = Opening.Order(Seed, held, OrderingPolicy.Protocol);
        Assert.Equal(first, Opening.Order(Seed, held, OrderingPolicy.Protocol));
        Assert.Equal(first.Select(x => x.InscriptionId), Opening.Order(Seed, shuffled, OrderingPolicy.Protocol).Select(x => x.InscriptionId));
        Assert.NotEqual(first.Select(x => x.InscriptionId), Opening.Order(SHA256.HashData(Seed), held, OrderingPolicy.Protocol).Select(x => x.InscriptionId));
    }

    [Fact]
    public void The_order_after_the_draw_is_the_one_a_verifier_recomputes_from_the_published_seed()
    {
        var list = Drawn(WithRush(Scheduled()));
        var published = Convert.FromHexString(list.Opening!.Seed!);

        // As ops/verify-draw does it: SHA-256 over the seed's bytes followed by the code's ASCII bytes, sorted within each level.
        Assert.Equal(list.Opening.Commitment, Convert.ToHexStringLower(SHA256.HashData(published)));
        foreach (var level in new[] { LevelOfRepresentation.HeadOfState, LevelOfRepresentation.Minister })
        {
            var expected = list.Entries.Where(x => x.Speaker.Level == level)
                .OrderBy(x => Convert.ToHexStringLower(SHA256.HashData([.. published, .. Encoding.ASCII.GetBytes(x.Speaker.Participant.Value)])), StringComparer.Ordinal)
                .Select(x => x.Speaker.Participant);
            Assert.Equal(expected, list.SpeakingOrder().Where(x => x.Entry.Speaker.Level == level).Select(x => x.Entry.Speaker.Participant));
        }
        var heads = list.SpeakingOrder().Where(x => x.Entry.Speaker.Level == LevelOfRepresentation.HeadOfState).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(k => $"Order drawn by lot: {k} of 6 at this level."),
            heads.Select(x => x.Explanation.Split(". ")[0] + "."));
    }

    [Fact]
    public void Inscriptions_after_the_window_follow_the_drawn_ones_by_time()
    {
        var list = Drawn(WithRush(Scheduled()))
            .Inscribed("ARG", LevelOfRepresentation.Minister, "09:02")
            .Inscribed("AUS", LevelOfRepresentation.Minister, "09:01:30");

        var ministers = list.SpeakingOrder().Where(x => x.Entry.Speaker.Level == LevelOfRepresentation.Minister).Select(x => x.Entry.Speaker.Participant).ToList();
        Assert.Equal([Code("AUS"), Code("ARG")], ministers[^2..]);
        Assert.DoesNotContain("drawn by lot", list.Line("AUS").Explanation);
        Assert.Contains("received after the opening window", list.Line("AUS").Explanation);
    }

    [Fact]
    public void A_replay_before_the_draw_does_not_reveal_the_seed()
    {
        var scheduled = Plenary();
        var events = new List<IMeetingEvent>();
        var list = scheduled;
        void Take(Decision d) { Assert.Null(d.Refusal); events.AddRange(d.Events); list = list.Evolve(d.Events); }
        Take(Opening.Decide(list, new ScheduleOpening(Guid.NewGuid(), At("09:00"), 60), Seed, At("08:30")));
        foreach (var code in States) Take(Inscription.Decide(list, new Inscribe(Guid.NewGuid(), Code(code), LevelOfRepresentation.Minister, "S", "T"), Participant(code), At("09:00:30")));
        Take(Opening.Draw(list, Seed, At("09:01:01")));
        var seedHex = Convert.ToHexStringLower(Seed);

        var beforeTheDraw = scheduled.Evolve(events.Where(e => e is not LotDrawn));

        Assert.Null(beforeTheDraw.Opening!.Seed);
        Assert.DoesNotContain(seedHex, JsonSerializer.Serialize(beforeTheDraw));
        Assert.DoesNotContain(seedHex, JsonSerializer.Serialize(events.Where(e => e is not LotDrawn).ToList()));
        Assert.Equal(seedHex, list.Opening!.Seed);
    }

    [Fact]
    public void The_opening_cannot_be_moved_once_the_list_has_opened_nor_set_on_a_list_with_statements()
    {
        var list = Scheduled();
        Assert.Equal(RefusalKind.Conflict, Opening.Decide(list, new ScheduleOpening(Guid.NewGuid(), At("10:00"), 60), Seed, At("09:00:10")).Refusal?.Kind);
        Assert.Null(Opening.Decide(list, new ScheduleOpening(Guid.NewGuid(), At("10:00"), 60), Seed, At("08:45")).Refusal);

        var inscribed = Plenary().Inscribed("GHA", LevelOfRepresentation.Minister, "08:00");
        Assert.Equal(RefusalKind.Conflict, Opening.Decide(inscribed, new ScheduleOpening(Guid.NewGuid(), At("10:00"), 60), Seed, At("08:45")).Refusal?.Kind);
    }
}
