using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SpeakersList.Server.Tests.Floor;
using SpeakersList.Server.Publishing.Statements;
using SpeakersList.Server.Tests.Infrastructure;

namespace SpeakersList.Server.Tests.Publishing;

/// <summary>Statements circulated in writing: officers and the delegation at once, the public once the speech has begun.</summary>
public class Statements(SpeakersListApp app) : FloorTest(app)
{
    private static string Path(Guid meeting, Guid inscription) => $"/api/meetings/{meeting}/inscriptions/{inscription}/statement";

    private static ByteArrayContent Raw(byte[] bytes, string type = "application/octet-stream")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(type);
        return content;
    }

    private static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task A_delegation_attaches_its_statement_officers_see_it_at_once_and_the_public_once_the_speech_has_started()
    {
        var meeting = await Api.ScheduleMeeting();
        var ghana = await Api.Inscribe(meeting, "GHA");
        using var delegation = await App.CreateDelegationClientAsync("GHA");
        using var anonymous = App.CreateAnonymousClient();

        var form = new MultipartFormDataContent { { Raw(Text("Mr. President, Ghana aligns itself with the statement of the Group of 77.")), "file", "ghana.txt" } };
        var created = await Api.Read<StatementView>(await delegation.PostAsync(Path(meeting, ghana), form), HttpStatusCode.Created);
        Assert.Equal(1, created.Versions[0].Version);
        Assert.Equal("ghana.txt", created.Versions[0].FileName);
        Assert.False(created.Public);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Path(meeting, ghana))).StatusCode);
        Assert.Contains("Group of 77", await Api.Http.GetStringAsync(Path(meeting, ghana))); // the officer
        Assert.Contains("Group of 77", await delegation.GetStringAsync(Path(meeting, ghana)));

        // Replaced before the speech: a second version; the first is kept.
        var replaced = await Api.Read<StatementView>(await delegation.PostAsync(Path(meeting, ghana), Raw(Text("Mr. President, revised text."), "text/plain")), HttpStatusCode.Created);
        Assert.Equal(2, replaced.Versions.Count);
        Assert.Contains("Group of 77", await Api.Http.GetStringAsync($"{Path(meeting, ghana)}?version=1"));

        // Ghana is called: still embargoed until the speech starts.
        App.Clock.SetUtcNow(Api.Day1.AddHours(10));
        await Api.Floor(meeting, "open");
        await Api.Floor(meeting, "next");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Path(meeting, ghana))).StatusCode);
        await Api.Floor(meeting, "start");
        var published = await anonymous.GetAsync(Path(meeting, ghana));
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("text/plain", published.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Mr. President, revised text.", await published.Content.ReadAsStringAsync());
        var versions = await Api.Read<StatementView>(await anonymous.GetAsync($"{Path(meeting, ghana)}/versions"));
        Assert.True(versions.Public);
    }

    [Fact]
    public async Task Pdf_and_docx_are_recognised_from_their_content_and_every_bad_upload_is_refused_with_its_reason()
    {
        var meeting = await Api.ScheduleMeeting();
        var ghana = await Api.Inscribe(meeting, "GHA");
        var brazil = await Api.Inscribe(meeting, "BRA");
        using var delegation = await App.CreateDelegationClientAsync("GHA");

        // A PDF named .txt is a PDF; a DOCX is a ZIP with a Word document part.
        var pdf = await Api.Read<StatementView>(await delegation.PostAsync(Path(meeting, ghana), Raw(Text("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"), "text/plain")), HttpStatusCode.Created);
        Assert.Equal("application/pdf", pdf.Versions[0].MediaType);
        var docx = await Api.Read<StatementView>(await delegation.PostAsync(Path(meeting, ghana), Raw(Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")))), HttpStatusCode.Created);
        Assert.StartsWith("application/vnd.openxmlformats-officedocument.wordprocessingml", docx.Versions[1].MediaType);

        // Wrong type: an image named statement.pdf, a ZIP that is not a Word document, binary bytes.
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };
        var form = new MultipartFormDataContent { { Raw(png, "application/pdf"), "file", "statement.pdf" } };
        var refused = await Api.Expect(await delegation.PostAsync(Path(meeting, ghana), form), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("PDF, a Word document (DOCX) or plain UTF-8 text", refused["detail"]!.GetValue<string>());
        await Api.Expect(await delegation.PostAsync(Path(meeting, ghana), Raw(Zip(("notes.txt", "hello")))), HttpStatusCode.UnsupportedMediaType);

        // Empty, oversized, someone else's inscription, an unknown inscription.
        refused = await Api.Expect(await delegation.PostAsync(Path(meeting, ghana), Raw([])), HttpStatusCode.BadRequest);
        Assert.Contains("empty", refused["detail"]!.GetValue<string>());
        var big = Text(new string('a', 10 * 1024 * 1024 + 1));
        refused = await Api.Expect(await delegation.PostAsync(Path(meeting, ghana), Raw(big, "text/plain")), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("10 MB", refused["detail"]!.GetValue<string>());
        refused = await Api.Expect(await delegation.PostAsync(Path(meeting, ghana), Raw(Text(new string('a', 11 * 1024 * 1024)), "text/plain")),
            HttpStatusCode.RequestEntityTooLarge); // refused from its length, before it is read
        Assert.Contains("10 MB", refused["detail"]!.GetValue<string>());
        form = new MultipartFormDataContent { { Raw(big, "text/plain"), "file", "long.txt" } };
        await Api.Expect(await delegation.PostAsync(Path(meeting, ghana), form), HttpStatusCode.RequestEntityTooLarge);
        // A multipart body that ends before its boundary (the form reader throws a bare IOException): the client's mistake.
        refused = await Api.Expect(await delegation.PostAsync(Path(meeting, ghana), Raw(Text("{}"), "multipart/form-data; boundary=x")), HttpStatusCode.BadRequest);
        Assert.Contains("form could not be read", refused["detail"]!.GetValue<string>());
        refused = await Api.Expect(await delegation.PostAsync(Path(meeting, brazil), Raw(Text("Not ours."))), HttpStatusCode.Forbidden);
        Assert.Contains("only for itself", refused["detail"]!.GetValue<string>());
        await Api.Expect(await delegation.PostAsync(Path(meeting, Guid.NewGuid()), Raw(Text("Lost."))), HttpStatusCode.NotFound);
        await Api.Expect(await App.CreateAnonymousClient().PostAsync(Path(meeting, ghana), Raw(Text("Anonymous."))), HttpStatusCode.Unauthorized);

        // Exactly 10 MB is accepted; a retry with the same commandId adds no version.
        var commandId = Guid.NewGuid();
        await Api.Expect(await delegation.PostAsync($"{Path(meeting, ghana)}?commandId={commandId}", Raw(Text(new string('b', 10 * 1024 * 1024)))), HttpStatusCode.Created);
        var again = await Api.Read<StatementView>(await delegation.PostAsync($"{Path(meeting, ghana)}?commandId={commandId}", Raw(Text("b"))));
        Assert.Equal(3, again.Versions.Count);

        // Nothing of Brazil's was stored by the refused uploads.
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Http.GetAsync(Path(meeting, brazil))).StatusCode);
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        return buffer.ToArray();
    }
}
