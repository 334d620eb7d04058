namespace Bot.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class PlansPageTests(BrowserSession browser)
{
    [Fact]
    public async Task AnOfficerUploadsABrokenPlanAndSeesTheLineOfTheProblem()
    {
        await using var bot = await BrowserBot.StartAsync();
        await using var context = await browser.ContextAsync(bot.Address, new() { Width = 390, Height = 844 });
        var page = await context.NewPageAsync();
        await page.GotoAsync(await bot.SignInLinkAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Text("web.signin-button") }).ClickAsync();
        await page.GotoAsync("/quantri/kehoach");
        var broken = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "dialogs", "plans", "tld-2021.yaml")).Replace("    end: 2021-06-30", "    end: 2020-06-30");

        await page.GetByLabel(BrowserBot.Text("web.plans-upload-file")).SetInputFilesAsync(new FilePayload
        {
            Name = "tld-2021.yaml", MimeType = "application/yaml", Buffer = System.Text.Encoding.UTF8.GetBytes(broken),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Text("web.plans-upload-check"), Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#plan-problems")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"tld-2021\.yaml:16\d: phases\[0\]"));
        await BrowserSession.ShotAsync(page, "plans-phone");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task TheDashboardSwitchesToEnglish()
    {
        await using var bot = await BrowserBot.StartAsync();
        await using var context = await browser.ContextAsync(bot.Address);
        var page = await context.NewPageAsync();
        await page.GotoAsync(await bot.SignInLinkAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Text("web.signin-button") }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = BrowserBot.Texts.Get("en", "web.nav-plans") }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = BrowserBot.Texts.Get("en", "web.plans-title"), Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await BrowserSession.ShotAsync(page, "plans-en");
    }
}
