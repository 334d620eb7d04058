namespace Bot.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class SignInTests(BrowserSession browser)
{
    [Fact]
    public async Task AnOfficerSignsInThroughTheLinkFromTheBotAndSeesTheOverview()
    {
        await using var bot = await BrowserBot.StartAsync();
        bot.AddPledge("u1", "Nguyễn Văn An", "Tổ Cơ khí");
        bot.AddPledge("u2", "Trần Thị Bình", "Tổ Điện", title: "cstd-co-so");
        await using var context = await browser.ContextAsync(bot.Address);
        var page = await context.NewPageAsync();

        await page.GotoAsync(await bot.SignInLinkAsync());
        await BrowserSession.ShotAsync(page, "signin-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Text("web.signin-button") }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = BrowserBot.Text("web.overview-title"), Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(BrowserBot.Text("web.overview-none"))).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("svg.chart").First).ToBeVisibleAsync();
        await BrowserSession.ShotAsync(page, "overview");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task AReusedOrExpiredLinkIsRefusedWithTheReason()
    {
        await using var bot = await BrowserBot.StartAsync();
        await using var officer = await browser.ContextAsync(bot.Address);
        await using var other = await browser.ContextAsync(bot.Address);
        var signIn = BrowserBot.Text("web.signin-button");
        var used = await bot.SignInLinkAsync();
        var first = await officer.NewPageAsync();
        await first.GotoAsync(used);
        await first.GetByRole(AriaRole.Button, new() { Name = signIn }).ClickAsync();
        await Assertions.Expect(first).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/quantri\\?"));

        var again = await other.NewPageAsync();
        await again.GotoAsync(used);
        await again.GetByRole(AriaRole.Button, new() { Name = signIn }).ClickAsync();
        await Assertions.Expect(again.GetByRole(AriaRole.Alert)).ToHaveTextAsync(BrowserBot.Text("web.signin-used"));
        await BrowserSession.ShotAsync(again, "signin-used");

        var late = await bot.SignInLinkAsync();
        bot.Time.Advance(TimeSpan.FromMinutes(11));
        await again.GotoAsync(late);
        await again.GetByRole(AriaRole.Button, new() { Name = signIn }).ClickAsync();
        await Assertions.Expect(again.GetByRole(AriaRole.Alert)).ToHaveTextAsync(BrowserBot.Text("web.signin-expired"));
        await again.GotoAsync("/quantri");
        await Assertions.Expect(again.GetByRole(AriaRole.Heading, new() { Name = BrowserBot.Text("web.signin-needed-title") })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AMemberCannotOpenAnyDashboardPage()
    {
        await using var bot = await BrowserBot.StartAsync();
        await using var member = await browser.ContextAsync(bot.Address);
        var page = await member.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator(".msg.bot").First).ToBeVisibleAsync();

        foreach (var path in new[] { "/quantri", "/quantri/dangky", "/quantri/dangky?handler=Export", "/quantri/nhatky" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = BrowserBot.Text("web.signin-needed-title") })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = BrowserBot.Text("web.nav-label") })).ToHaveCountAsync(0);
        }
        await BrowserSession.ShotAsync(page, "signin-needed");
    }
}
