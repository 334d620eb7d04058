namespace Bot.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class BroadcastsPageTests(BrowserSession browser)
{
    [Fact]
    public async Task AnOfficerSendsAnAnnouncementWatchesItReachDoneAndTheMemberReadsItInTheWebChat()
    {
        await using var bot = await BrowserBot.StartAsync();
        await using var memberContext = await browser.ContextAsync(bot.Address);
        await using var officerContext = await browser.ContextAsync(bot.Address);
        var chat = await memberContext.NewPageAsync();
        await chat.GotoAsync("/");
        await Assertions.Expect(chat.Locator(".msg.bot button").First).ToBeVisibleAsync();

        var page = await officerContext.NewPageAsync();
        await page.GotoAsync(await bot.SignInLinkAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Text("web.signin-button") }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = BrowserBot.Text("web.nav-broadcasts") }).ClickAsync();
        await page.GetByLabel(BrowserBot.Text("web.broadcast-text")).FillAsync("Họp công đoàn lúc 14h thứ Sáu");
        await page.GetByLabel(BrowserBot.Text("web.broadcast-audience")).SelectOptionAsync("Members");
        await page.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Text("web.broadcast-preview") }).ClickAsync();
        await Assertions.Expect(page.Locator(".msg.preview")).ToContainTextAsync("Họp công đoàn lúc 14h thứ Sáu");
        await Assertions.Expect(page.GetByText(BrowserBot.Text("web.broadcast-reach", ("groups", 0), ("members", 2)))).ToBeVisibleAsync();
        await BrowserSession.ShotAsync(page, "broadcast-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Text("web.broadcast-confirm") }).ClickAsync();
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync(BrowserBot.Text("web.broadcast-state-completed"));
        await Assertions.Expect(page.Locator("#n-sent")).ToHaveTextAsync("2"); // the member's web chat and the officer's own private chat
        await Assertions.Expect(page.Locator("#n-pending")).ToHaveTextAsync("0");
        await BrowserSession.ShotAsync(page, "broadcast-done");
        await Accessibility.AssertNoViolationsAsync(page);
        await Assertions.Expect(chat.Locator(".msg.bot").Last).ToContainTextAsync("Họp công đoàn lúc 14h thứ Sáu");
    }
}
