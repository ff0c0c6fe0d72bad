using System.Net;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Operations;

public class Api_page(SpeakersListApp app) : ApiTest(app)
{
    [Fact]
    public async Task The_interactive_page_at_openapi_reads_the_document_and_loads_nothing_from_another_site()
    {
        using var anonymous = App.CreateAnonymousClient();

        var page = await anonymous.GetAsync("/openapi/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html);
        Assert.DoesNotContain("https://", html);
        var script = await anonymous.GetAsync("/openapi/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
    }
}
