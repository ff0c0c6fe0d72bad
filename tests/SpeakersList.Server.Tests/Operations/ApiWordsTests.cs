using System.Net;
using System.Text.Json.Nodes;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Operations;

/// <summary>Issue 21: the API page groups and names every operation in the users' words.</summary>
public class Api_words(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task Every_operation_has_a_tag_and_a_summary_in_words_never_a_class_name_or_a_raw_id()
    {
        using var anonymous = App.CreateAnonymousClient();
        var document = await Api.Expect(await anonymous.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Operation: op.Value!.AsObject())))
            .ToList();
        Assert.NotEmpty(operations);
        var wrong = operations.Where(o =>
        {
            var tags = o.Operation["tags"]?.AsArray().Select(t => t!.GetValue<string>()).ToList() ?? [];
            var summary = o.Operation["summary"]?.GetValue<string>() ?? "";
            return tags.Count != 1 || tags[0].Contains("SpeakersList.") || tags[0].Contains('.')
                   || summary.Length < 4 || summary.Contains('_') || summary == o.Operation["operationId"]?.GetValue<string>();
        }).Select(o => o.Name).ToList();
        Assert.True(wrong.Count == 0, $"Without a tag and a summary in words: {string.Join(", ", wrong)}");
        Assert.Equal("Call the next speaker", document["paths"]!["/api/meetings/{meetingId}/floor/next"]!["post"]!["summary"]!.GetValue<string>());
        Assert.Equal("Access codes and display tokens", document["paths"]!["/api/displays/{room}/tokens"]!["get"]!["tags"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_api_page_hides_ask_ai_and_the_developer_toolbar_and_every_page_has_a_favicon()
    {
        using var anonymous = App.CreateAnonymousClient();
        var html = await (await anonymous.GetAsync("/openapi/")).Content.ReadAsStringAsync();
        Assert.Contains("\"showDeveloperTools\":\"never\"", html.Replace(" ", ""));
        Assert.Contains("\"disabled\":true", html.Replace(" ", ""));
        var icon = await anonymous.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType!.MediaType);
        Assert.Contains("rel=\"icon\" href=\"/favicon.svg\"", await (await anonymous.GetAsync("/programme")).Content.ReadAsStringAsync());
    }
}
