using Microsoft.Playwright;
using SpeakersList.Server.Tests.Infrastructure;

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

    public Task DisposeAsync() => Task.CompletedTask;

    protected async Task<IPage> OpenAsync(string path, int width = 1920, int height = 1080)
    {
        var page = await App.Browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = App.BaseAddress.ToString() });
        await page.GotoAsync(path);
        return page;
    }
}
