using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Net.Http.Headers;

namespace SpeakersList.Server.Infrastructure;

/// <summary>A link of a page's top bar; an id lets the page's module point it somewhere (the hall display of the meeting shown).</summary>
public sealed record PageLink(string Text, string Href, string? Id = null, bool NewTab = false);

/// <summary>
/// A page of the site. The shell writes what every page shares (the head, the skip link, the top bar with its
/// navigation and connection light); the page's file under <c>Pages/</c> holds only its own content.
/// </summary>
/// <param name="File">The content, embedded from <c>Pages/</c>.</param>
/// <param name="Title">The page's title, before the site's name.</param>
/// <param name="BodyClass">The class its stylesheet keys on.</param>
/// <param name="Styles">Stylesheets under <c>/css/</c>, without <c>.css</c>.</param>
/// <param name="Scripts">ES modules under <c>/js/</c>, without <c>.js</c>.</param>
/// <param name="SkipTo">The id of the part a keyboard user skips to, and the link's words.</param>
/// <param name="Brand">The top bar's first link; null for a page without a top bar (the hall display).</param>
/// <param name="Nav">The top bar's other pages.</param>
/// <param name="Live">The page follows pushes: it loads the SignalR client and its top bar shows the connection.</param>
/// <param name="SignOut">A delegation or officer page: the top bar has the sign-out button (shown once signed in).</param>
/// <param name="ShowsWho">The top bar names who is signed in (the officer's console).</param>
/// <param name="BodyAttributes">More attributes of the body element, as the page's module first expects them.</param>
public sealed record SitePage(
    string File, string Title, string BodyClass, string[] Styles, string[] Scripts,
    (string Id, string Words)? SkipTo = null, PageLink? Brand = null, PageLink[]? Nav = null,
    bool Live = false, bool SignOut = false, bool ShowsWho = false, string? BodyAttributes = null)
{
    /// <summary>The delegation's name is written into the brand by the portal once it knows who signed in.</summary>
    public string? BrandHtml { get; init; }
}

/// <summary>The pages: HTML composed once from the shell and each page's content, with ES modules and CSS from wwwroot.</summary>
public static class Pages
{
    private static readonly PageLink Programme = new("Programme", "/programme");
    private static readonly PageLink Officer = new("Officer console", "/officer");
    private static readonly PageLink Delegation = new("Delegation portal", "/delegation");

    private static SitePage Display => new("display.html", "Hall display", "display", ["display", "i18n"], ["display"],
        Live: true, BodyAttributes: """data-status="scheduled" """);

    /// <summary>Every page by its address; the hall display answers at two.</summary>
    public static readonly FrozenDictionary<string, SitePage> Site = new Dictionary<string, SitePage>
    {
        ["/"] = new("index.html", "Lists of speakers", "home", ["base", "index"], [],
            Brand: new("SpeakersList", "/")),
        ["/programme"] = new("programme.html", "Programme", "programme", ["base", "programme"], ["programme"],
            SkipTo: ("grid", "Skip to the programme"), Brand: new("SpeakersList · Programme", "/programme"), Live: true,
            Nav: [Officer, Delegation, new("Journal and records", "/journal"), new("Calendar", "/api/programme/calendar.ics"),
                new("Schedule JSON", "/api/programme/schedule.json"), new("Statistics CSV", "/api/programme/statistics.csv")]),
        ["/meetings/{meetingId:guid}"] = new("meeting-list.html", "List of speakers", "public-list", ["base", "public-list"], ["public-list"],
            SkipTo: ("entries", "Skip to the list of speakers"), Brand: new("SpeakersList · Programme", "/programme"), Live: true,
            Nav: [Delegation, new("Hall display", "#", Id: "display-link")]),
        ["/officer"] = new("officer.html", "Officer console", "console", ["base", "console"], ["console"],
            SkipTo: ("list", "Skip to the list of speakers"), Brand: new("SpeakersList · Officer console", "/officer"), Live: true,
            Nav: [Programme, new("Hall display", "#", Id: "display-link", NewTab: true)], SignOut: true, ShowsWho: true),
        ["/delegation"] = new("delegation.html", "Delegation portal", "portal", ["base", "i18n", "portal", "publishing"], ["portal"],
            SkipTo: ("slots", "Skip to your speaking slots"), Brand: new("Delegation", "/delegation"), Live: true, SignOut: true)
        {
            BrandHtml = """<span class="visually-hidden" data-i18n="portal.slotsOf">Speaking slots of </span><span id="delegation-name">Delegation</span>""",
        },
        ["/signin"] = new("signin.html", "Sign in", "signin", ["base", "signin"], ["signin"],
            Brand: new("SpeakersList", "/"), Nav: [Programme]),
        ["/display/meeting/{meetingId:guid}"] = Display,
        ["/display/room/{room}"] = Display,
        // The interpreters' booths of a room (issue 23): dark, large type, ?lang= of the six.
        ["/booth/room/{room}"] = new("booth.html", "Interpretation booth", "booth", ["booth", "i18n"], ["booth"], Live: true),
    }.ToFrozenDictionary();

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static void MapPages(this WebApplication app)
    {
        var composed = new Dictionary<string, (byte[] Html, EntityTagHeaderValue Tag)>();
        foreach (var (address, page) in Site)
        {
            if (!composed.ContainsKey(page.File))
            {
                var html = Encoding.UTF8.GetBytes(Compose(page, Content(page.File)));
                composed[page.File] = (html, new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(html), 0, 8)}\""));
            }
            var (bytes, tag) = composed[page.File];
            app.MapGet(address, () => Results.Bytes(bytes, "text/html; charset=utf-8", entityTag: tag)).ExcludeFromDescription();
        }
    }

    /// <summary>A page's content as embedded in the server.</summary>
    public static string Content(string file)
    {
        using var stream = typeof(Pages).Assembly.GetManifestResourceStream($"pages/{file}")
                           ?? throw new InvalidOperationException($"The page content {file} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The whole page: the shell around the page's content.</summary>
    public static string Compose(SitePage page, string content)
    {
        var html = new StringBuilder(Head(page.Title, page.Styles, page.Scripts, page.Live));
        html.Append($"<body class=\"{page.BodyClass}\"{(page.BodyAttributes is null ? "" : " " + page.BodyAttributes.Trim())}>\n");
        if (page.SkipTo is var (id, words)) html.Append($"  <a class=\"skip-link\" href=\"#{id}\" data-i18n=\"skip.{id}\">{E(words)}</a>\n");
        if (page.Brand is { } brand) html.Append(TopBar(page, brand));
        html.Append(content.TrimEnd()).Append("\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The head every page shares; the Journal, written by the server, uses it too.</summary>
    public static string Head(string title, IEnumerable<string> styles, IEnumerable<string> scripts, bool live = false)
    {
        var head = new StringBuilder("<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n")
            .Append("  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append($"  <title>{E(title)} · SpeakersList</title>\n")
            .Append("  <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n");
        foreach (var style in styles) head.Append($"  <link rel=\"stylesheet\" href=\"/css/{style}.css\">\n");
        if (live) head.Append("  <script src=\"/lib/signalr.min.js\"></script>\n");
        foreach (var script in scripts) head.Append($"  <script type=\"module\" src=\"/js/{script}.js\"></script>\n");
        return head.Append("</head>\n").ToString();
    }

    private static string TopBar(SitePage page, PageLink brand)
    {
        var bar = new StringBuilder("  <header class=\"topbar\">\n")
            .Append($"    <a class=\"brand\" href=\"{brand.Href}\">{page.BrandHtml ?? E(brand.Text)}</a>\n");
        if (page.Nav is { Length: > 0 } nav)
            bar.Append("    <nav aria-label=\"Pages\">").AppendJoin("", nav.Select(Link)).Append("</nav>\n");
        if (page.ShowsWho) bar.Append("    <span id=\"who\" class=\"who\"></span>\n");
        if (page.SignOut) bar.Append("    <button type=\"button\" id=\"sign-out\" class=\"topbar-button\" data-i18n=\"signOut\" hidden>Sign out</button>\n");
        if (page.Live) bar.Append("    <span id=\"connection\" class=\"connection\" role=\"status\" data-state=\"connecting\" data-i18n=\"connection.connecting\">connecting</span>\n");
        return bar.Append("  </header>\n").ToString();
    }

    private static string Link(PageLink link) =>
        $"<a{(link.Id is null ? "" : $" id=\"{link.Id}\"")} href=\"{link.Href}\"{(link.NewTab ? " target=\"_blank\" rel=\"noopener\"" : "")} data-i18n=\"nav.{E(link.Text)}\">{E(link.Text)}</a>";

    private static string E(string text) => Encoder.Encode(text);
}
