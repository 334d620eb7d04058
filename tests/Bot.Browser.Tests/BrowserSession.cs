namespace Bot.Browser.Tests;

/// <summary>
/// One headless Chromium for the whole run (Debian's /usr/bin/chromium; Playwright downloads nothing), shared by every
/// test; each test opens its own context (cookies) and pages. Screenshots go to bin/…/screenshots.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: install it with `apt-get install -y chromium` (.ci/run does this).");
        Directory.CreateDirectory(Screenshots);
        // The whole solution's tests share two cores: waits are for conditions, with room for a loaded machine.
        Assertions.SetDefaultExpectTimeout(15_000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            // Root in a container has no user namespace sandbox; the pages are our own, on loopback.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IBrowserContext> ContextAsync(string baseUrl, ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl, AcceptDownloads = true, ViewportSize = viewport ?? new() { Width = 1200, Height = 900 }, Locale = "vi-VN" });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "browser";
}
