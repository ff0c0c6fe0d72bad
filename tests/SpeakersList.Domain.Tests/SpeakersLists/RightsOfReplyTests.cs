using SpeakersList.Floor;
using SpeakersList.Programme;
using SpeakersList.SpeakersLists;
using static SpeakersList.SpeakersLists.LevelOfRepresentation;

namespace SpeakersList.Domain.Tests.SpeakersLists;

public class Rights_of_reply
{
    private static Decision Request(ListOfSpeakers list, string code) =>
        RightsOfReply.Decide(list, new RequestRightOfReply(Guid.NewGuid(), Code(code), "Speaker", "Ambassador"), Given.Participant(code), Given.At("17:00"));

    [Fact]
    public void Replies_come_after_the_statements_and_are_limited_to_ten_then_five_minutes()
    {
        var list = Given.Plenary("15:00", "18:00").Inscribed("GHA", Minister, "09:00");
        list = list.Decided(Request(list, "ARM"));
        list = list.Inscribed("FRA", Minister, "17:01");
        list = list.Decided(Request(list, "ARM"));

        Assert.Equal(["GHA", "FRA", "ARM", "ARM"], list.Order());
        var replies = Forecast.Of(list, list.ScheduledStart).Entries.Where(x => x.Ordered.Entry.Kind == EntryKind.RightOfReply).ToList();
        Assert.Equal([600, 300], replies.Select(x => x.AllottedSeconds));
        Assert.Contains("rights of reply come after the statements", list.SpeakingOrder()[2].Explanation);
    }

    [Fact]
    public void A_third_reply_by_the_same_delegation_is_refused()
    {
        var list = Given.Plenary();
        list = list.Decided(Request(list, "ARM"));
        list = list.Decided(Request(list, "ARM"));

        var refused = Request(list, "ARM");

        Assert.Equal(RefusalKind.Conflict, refused.Refusal?.Kind);
        Assert.Null(Request(list, "AZE").Refusal);
    }

    [Fact]
    public void A_closed_list_still_accepts_rights_of_reply()
    {
        var list = Given.Plenary().With(new SpeakersListClosed(Guid.Empty, Guid.NewGuid(), Given.At("12:00")));

        Assert.Null(Request(list, "ARM").Refusal);
    }

    [Fact]
    public void Only_States_may_reply()
    {
        Assert.Equal(RefusalKind.Invalid, Request(Given.Plenary(), "UNHCR").Refusal?.Kind);
        Assert.Null(Request(Given.Plenary(), "VAT").Refusal);
    }

    [Fact]
    public void Replies_are_heard_at_the_day_s_last_meeting_on_the_item()
    {
        var morning = Given.Plenary("10:00", "13:00");
        var afternoon = Given.Plenary("15:00", "18:00");
        var nextDay = Given.Meeting(MeetingKind.Plenary, "1.10:00", "1.13:00");
        var roundTable = Given.RoundTable("15:00", "18:00") with { Meeting = new MeetingInfo(Given.RoundTable().Meeting.Details with { AgendaItem = "Round table I" }) };

        Assert.Equal(afternoon.Id, RightsOfReply.DayEndMeeting(morning, [morning, afternoon, nextDay, roundTable])?.Id);
    }

    [Fact]
    public void No_reply_once_the_day_s_last_meeting_is_adjourned()
    {
        var list = Given.Plenary().With(new MeetingAdjourned(Guid.Empty, Guid.NewGuid(), Given.At("18:00")));

        Assert.Equal(RefusalKind.Conflict, Request(list, "ARM").Refusal?.Kind);
    }
}
