using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using SpeakersList.Server.Infrastructure;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Site;

/// <summary>Every page is the shell around its own content: one head, its title, the modules and styles it names, served by address only.</summary>
public sealed partial class SitePagesTests(SpeakersListApp app) : ApiTest(app)
{
    public static readonly TheoryData<string> Addresses = [.. Pages.Site.Keys];

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task A_page_is_one_document_whose_scripts_and_styles_exist(string address)
    {
        using var client = App.CreateAnonymousClient();
        var path = Concrete(address);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        var page = Pages.Site[address];

        Assert.StartsWith("<!doctype html>\n<html lang=\"en\">\n<head>", html);
        Assert.Single(Regex.Matches(html, "<head>"));
        Assert.Single(Regex.Matches(html, "<body[ >]"));
        Assert.EndsWith("</body>\n</html>\n", html);
        Assert.Contains($"<title>{page.Title} · SpeakersList</title>", html);
        Assert.Contains($"<body class=\"{page.BodyClass}\"", html);
        if (page.SkipTo is var (id, _)) Assert.Matches($"id=\"{id}\"", html); // the skip link leads somewhere
        Assert.Equal(page.Live, html.Contains("id=\"connection\""));

        foreach (Match asset in AssetReference().Matches(html))
        {
            var answer = await client.GetAsync(asset.Groups["src"].Value);
            Assert.True(answer.IsSuccessStatusCode, $"{path} refers to {asset.Groups["src"].Value}, which answers {(int)answer.StatusCode}");
        }
    }

    [Fact]
    public async Task A_page_unchanged_since_the_browser_last_read_it_is_a_304()
    {
        using var client = App.CreateAnonymousClient();
        var first = await client.GetAsync("/programme");
        var tag = first.Headers.ETag ?? throw new InvalidOperationException("no ETag");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/programme");
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(tag.Tag));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Theory]
    [InlineData("/officer/index.html")]
    [InlineData("/index.html")]
    [InlineData("/pages/officer.html")]
    public async Task A_page_content_is_not_served_without_its_shell(string path)
    {
        using var client = App.CreateAnonymousClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
    }

    private static string Concrete(string address) =>
        address.Replace("{meetingId:guid}", Guid.NewGuid().ToString()).Replace("{room}", "Conference%20Room%201");

    [GeneratedRegex("""(?:src|href)="(?<src>/(?:css|js|lib)/[^"]+)"(?:></script>|>)""")]
    private static partial Regex AssetReference();
}
