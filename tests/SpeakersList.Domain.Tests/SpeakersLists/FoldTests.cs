using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using SpeakersList.Programme;
using SpeakersList.SpeakersLists;
using static SpeakersList.SpeakersLists.LevelOfRepresentation;

namespace SpeakersList.Domain.Tests.SpeakersLists;

public class The_fold
{
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void Every_event_of_a_meeting_after_its_scheduling_has_an_arm()
    {
        var list = Given.Plenary().Inscribed("GHA", Minister, "09:00");
        var events = typeof(IMeetingEvent).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(IMeetingEvent).IsAssignableFrom(t) && t != typeof(MeetingScheduled));

        Assert.All(events, type =>
        {
            // An event with empty fields: the arm may fail on them, but it must exist.
            var empty = (IMeetingEvent)RuntimeHelpers.GetUninitializedObject(type);
            var thrown = Record.Exception(() => list.Evolve(empty));
            Assert.False(thrown is UnknownEvent, $"{type.Name}: {thrown?.Message}");
        });
    }

    [Fact]
    public void An_event_the_fold_does_not_know_is_refused_not_skipped()
    {
        var list = Given.Plenary();

        Assert.Throws<UnknownEvent>(() => list.Evolve(new ForeignEvent(list.Id, Given.At("09:00"))));
    }

    [Fact]
    public void A_list_stored_before_swaps_existed_reads_with_no_swaps()
    {
        var json = JsonSerializer.SerializeToNode(Given.Plenary().Inscribed("GHA", Minister, "09:00").Inscribed("FRA", Minister, "09:01"), Stored)!.AsObject();
        json.Remove("swaps");

        var read = json.Deserialize<ListOfSpeakers>(Stored)!;

        Assert.Empty(read.Swaps);
        Assert.Null(read.FindSwap(Guid.NewGuid()));
        var proposed = Swaps.Decide(read, new ProposeSwap(Guid.NewGuid(), read.IdOf("GHA"), read.IdOf("FRA")), Given.At("09:05"));
        Assert.Single(read.Decided(proposed).Swaps);
    }

    private sealed record ForeignEvent(Guid MeetingId, DateTimeOffset At) : IMeetingEvent;
}
