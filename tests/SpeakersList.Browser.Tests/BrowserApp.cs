using Microsoft.Playwright;
using SpeakersList.Server.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SpeakersList.Browser.Tests;

/// <summary>The service on a real port, and Debian's Chromium driven headless by Playwright.</summary>
public sealed class BrowserApp : SpeakersListApp
{
    private IPlaywright? _playwright;

    protected override bool UseKestrel => true;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where the tests leave their screenshots (test artifacts).</summary>
    public static string Artifacts { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("SPEAKERSLIST_ARTIFACTS") ?? Path.Combine(AppContext.BaseDirectory, "artifacts"), "screenshots");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Every assertion waits on a state; a loaded CI machine (two cores for the server, PostgreSQL, Chromium
        // and the runner) can take seconds to connect a page or deliver a push, so the default wait is generous too.
        SetDefaultExpectTimeout(BrowserTest.PushTimeoutMs);
        Directory.CreateDirectory(Artifacts);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SPEAKERSLIST_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}

[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserApp app) : IAsyncLifetime
{
    protected BrowserApp App { get; } = app;

    protected Api Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.ResetAsync();
        Api = new Api(App.CreateClient());
    }

    /// <summary>
    /// Closes every page the test opened: left open, each kept its hub connection, its clocks and its screen reports
    /// running through the tests after it, and by the last tests a hundred pages loaded the two cores.
    /// </summary>
    public async Task DisposeAsync()
    {
        foreach (var context in App.Browser.Contexts.ToList()) await context.CloseAsync();
    }

    protected async Task<IPage> OpenAsync(string path, int width = 1920, int height = 1080, Func<IPage, Task>? beforeNavigation = null,
        TestRole? signedInAs = null, string timezoneId = "America/New_York", string locale = "en-GB")
    {
        var context = await App.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            BaseURL = App.BaseAddress.ToString(),
            TimezoneId = timezoneId,
            Locale = locale,
        });
        if (signedInAs is not null)
        {
            // The session cookie a browser gets from the real sign-in endpoint (?useCookies=true).
            var (name, value) = await App.SessionCookieAsync(signedInAs);
            await context.AddCookiesAsync([new Cookie { Name = name, Value = value, Url = App.BaseAddress.ToString() }]);
        }
        var page = await context.NewPageAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        if (beforeNavigation is not null) await beforeNavigation(page);
        await page.GotoAsync(path);
        return page;
    }

    /// <summary>The officer console on a meeting, once its list is live.</summary>
    protected async Task<IPage> OpenConsoleAsync(Guid meeting, int width = 1600, int height = 1000)
    {
        var page = await OpenAsync($"/officer?meeting={meeting}", width, height, signedInAs: TestRole.Officer);
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        // The list's first view drawn (the attribute is absent until then, so "not empty" would pass at once).
        await Assertions.Expect(page.Locator("#list")).ToHaveAttributeAsync("data-version", new System.Text.RegularExpressions.Regex(@"^\d+$"));
        return page;
    }

    /// <summary>The hall display of a meeting, once it is live.</summary>
    protected async Task<IPage> OpenDisplayAsync(Guid meeting, int width = 1920, int height = 1080, Func<IPage, Task>? beforeNavigation = null)
    {
        var page = await OpenAsync($"/display/meeting/{meeting}", width, height, beforeNavigation);
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live");
        return page;
    }

    /// <summary>Saves a screenshot among the test artifacts.</summary>
    protected static Task ScreenshotAsync(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(BrowserApp.Artifacts, $"{name}.png"), FullPage = fullPage });

    /// <summary>
    /// How long a page may take to show a push. Live updates take well under a second, but a CI machine shares two cores
    /// between the server, PostgreSQL, Chromium and the runner, so the assertions wait on the state, generously.
    /// </summary>
    protected const float PushTimeout = PushTimeoutMs;

    internal const float PushTimeoutMs = 20_000;

    protected static readonly LocatorAssertionsToHaveCountOptions WithinAPush = new() { Timeout = PushTimeout };
}
