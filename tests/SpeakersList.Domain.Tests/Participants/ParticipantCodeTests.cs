using System.Text.Json;
using SpeakersList.Participants;
using SpeakersList.SpeakersLists;

namespace SpeakersList.Domain.Tests.Participants;

public class A_participant_code
{
    [Theory]
    [InlineData("GHA", "gha", true)]
    [InlineData(" holysee ", "HOLYSEE", true)]
    [InlineData("GHA", "GHANA", false)]
    [InlineData("EU", "E U", false)]
    public void Names_the_same_participant_whatever_its_case_and_surrounding_spaces(string typed, string registered, bool same)
    {
        Assert.Equal(same, Code(typed) == Code(registered));
        Assert.Equal(same, Code(typed).GetHashCode() == Code(registered).GetHashCode());
    }

    [Theory]
    [InlineData(" gha ", "GHA")]
    [InlineData("srsg-mig", "SRSG-MIG")]
    [InlineData("\tEu\n", "EU")]
    public void Is_made_trimmed_and_upper_cased_and_reads_as_that_string(string typed, string code)
    {
        Assert.True(ParticipantCode.TryParse(typed, out var parsed));
        Assert.Equal(code, parsed.Value);
        Assert.Equal(code, parsed.ToString());
        Assert.Equal(code, $"{parsed}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU")]
    [InlineData("G\u0000HA")]
    [InlineData("G\u0007HA")]
    public void Refuses_a_blank_an_over_long_or_a_control_character_text(string? typed)
    {
        Assert.False(ParticipantCode.TryParse(typed, out var parsed));
        Assert.True(parsed.IsNone);
        Assert.Throws<FormatException>(() => ParticipantCode.Parse(typed!));
    }

    [Fact]
    public void Given_none_is_none_and_no_code_is_equal_to_it()
    {
        Assert.True(default(ParticipantCode).IsNone);
        Assert.Equal("", default(ParticipantCode).ToString());
        Assert.False(Code("GHA").IsNone);
        Assert.NotEqual(default, Code("GHA"));
    }

    [Fact]
    public void Orders_as_the_strings_do()
    {
        Assert.Equal([Code("ARG"), Code("AUS"), Code("EU"), Code("GHA")], new[] { Code("gha"), Code("EU"), Code("aus"), Code("ARG") }.Order());
    }

    [Theory]
    [InlineData("\"GHA\"", "GHA")]
    [InlineData("\" gha \"", "GHA")]
    public void Reads_from_a_plain_json_string_normalised(string json, string code)
    {
        Assert.Equal(Code(code), JsonSerializer.Deserialize<ParticipantCode>(json));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    [InlineData("\"ABCDEFGHIJKLMNOPQRSTU\"")]
    public void Reads_a_blank_or_malformed_json_string_as_none_for_the_commands_check_to_refuse(string json)
    {
        Assert.True(JsonSerializer.Deserialize<ParticipantCode>(json).IsNone);
    }

    [Fact]
    public void Refuses_null_and_json_that_is_not_a_string_as_a_string_was_refused()
    {
        Assert.Contains("null", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ParticipantCode>("null")).Message);
        Assert.Contains("could not be converted", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ParticipantCode>("42")).Message);
        Assert.Contains("could not be converted", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ParticipantCode>("{\"value\":\"GHA\"}")).Message);
        Assert.Null(JsonSerializer.Deserialize<ParticipantCode?>("null"));
    }

    [Fact]
    public void Is_written_as_its_plain_string_also_as_a_dictionary_key_and_in_a_record()
    {
        Assert.Equal("\"GHA\"", JsonSerializer.Serialize(Code("gha")));
        Assert.Equal("{\"GHA\":1}", JsonSerializer.Serialize(new Dictionary<ParticipantCode, int> { [Code("gha")] = 1 }));
        Assert.Equal(new Dictionary<ParticipantCode, int> { [Code("GHA")] = 1 }, JsonSerializer.Deserialize<Dictionary<ParticipantCode, int>>("{\"gha\":1}"));
        var allowed = new SecondInscriptionAllowed(Guid.Empty, Code("GHA"), Guid.Empty, DateTimeOffset.UnixEpoch);
        Assert.Equal(
            """{"MeetingId":"00000000-0000-0000-0000-000000000000","Participant":"GHA","CommandId":"00000000-0000-0000-0000-000000000000","At":"1970-01-01T00:00:00+00:00"}""",
            JsonSerializer.Serialize(allowed));
    }

    [Fact]
    public void Tells_whom_a_speaker_represents()
    {
        var ghana = Speaker.Of(ParticipantRegistry.ByCode[Code("GHA")], LevelOfRepresentation.Minister, " Kwame Mensah ", "Minister for Foreign Affairs", "  ");

        Assert.True(ghana.Represents(Code("gha")));
        Assert.False(ghana.Represents(Code("FRA")));
        Assert.Equal("Kwame Mensah", ghana.SpeakerName);
        Assert.Null(ghana.OnBehalfOf);
    }
}
