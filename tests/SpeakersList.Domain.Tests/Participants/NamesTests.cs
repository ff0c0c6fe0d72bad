using SpeakersList.Participants;

namespace SpeakersList.Domain.Tests.Participants;

public class Names_in_the_six_official_languages
{
    [Fact]
    public void Every_Member_State_is_named_in_each_of_the_six_languages()
    {
        foreach (var state in ParticipantRegistry.All.Where(p => p.Category == ParticipantCategory.MemberState))
            foreach (var lang in ParticipantNames.Languages)
                Assert.False(string.IsNullOrWhiteSpace(ParticipantNames.In(lang, state.Code, "")), $"{state.Code} has no name in {lang}");
    }

    [Theory]
    [InlineData("en", "BOL", "Bolivia (Plurinational State of)")]
    [InlineData("en", "TUR", "Türkiye")]
    [InlineData("en", "NLD", "Netherlands (Kingdom of the)")]
    [InlineData("fr", "GBR", "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord")]
    [InlineData("es", "VEN", "Venezuela (República Bolivariana de)")]
    [InlineData("ru", "RUS", "Российская Федерация")]
    [InlineData("ar", "GHA", "غانا")]
    [InlineData("zh", "FRA", "法国")]
    public void The_UNs_short_names_win_over_CLDRs_and_CLDR_names_the_rest(string lang, string code, string name) =>
        Assert.Equal(name, ParticipantNames.In(lang, Code(code), "?"));

    [Fact]
    public void The_English_names_of_Member_States_are_the_registrys_UN_short_names()
    {
        foreach (var state in ParticipantRegistry.All.Where(p => p.Category == ParticipantCategory.MemberState))
            Assert.Equal(state.Name, ParticipantNames.In("en", state.Code, "?"));
    }

    [Fact]
    public void A_participant_without_a_territory_or_a_reviewed_name_keeps_its_own_and_a_tag_picks_a_language()
    {
        Assert.Equal("Human Rights Watch", ParticipantNames.In("ar", Code("HRW"), "Human Rights Watch"));
        Assert.Equal("Human Rights Watch", ParticipantNames.In(null, Code("HRW"), "Human Rights Watch"));
        Assert.Equal("zh", ParticipantNames.Language("zh-Hans-CN"));
        Assert.Equal("fr", ParticipantNames.Language("fr_CH"));
        Assert.Null(ParticipantNames.Language("de"));
        Assert.Equal("rtl", ParticipantNames.Direction("ar"));
    }
}
