using Bot.Pledges;
using MiniExcelLibs;

namespace Bot.Browser.Tests;

[Collection(BrowserCollection.Name)]
public class PledgesPageTests(BrowserSession browser)
{
    private static async Task<IPage> SignedInAsync(BrowserBot bot, IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(await bot.SignInLinkAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Text("web.signin-button") }).ClickAsync();
        await page.WaitForURLAsync("**/quantri?**");
        return page;
    }

    [Fact]
    public async Task AMemberRegistersInTheWebChatAndSeesTheOfficersApprovalAndReturnThere()
    {
        await using var bot = await BrowserBot.StartAsync();
        await using var memberContext = await browser.ContextAsync(bot.Address, new() { Width = 390, Height = 844 });
        await using var officerContext = await browser.ContextAsync(bot.Address);
        var chat = await memberContext.NewPageAsync();
        await chat.GotoAsync("/");
        await Assertions.Expect(chat.Locator(".msg.bot button").First).ToBeVisibleAsync();

        var box = chat.GetByLabel(BrowserBot.Text("web.chat-input-label"));
        await box.FillAsync("/dangky Nguyễn Văn An, Tổ Cơ khí, LĐTT");
        await box.PressAsync("Enter");
        await Assertions.Expect(chat.Locator(".msg.bot").Last).ToContainTextAsync(BrowserBot.Text("pledge.ask-position")[..10]);
        await box.FillAsync("Công nhân vận hành");
        await chat.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Text("web.chat-send") }).ClickAsync();
        var confirm = chat.Locator(".msg.bot").Last.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Text("pledge.confirm") });
        await confirm.ClickAsync();
        await BrowserSession.ShotAsync(chat, "chat-phone");
        var store = bot.Services.GetRequiredService<IPledgeStore>();
        var pledge = await Eventually.ValueAsync(async () => (await store.AllAsync()).SingleOrDefault());
        Assert.Equal(("web", "Nguyễn Văn An"), (pledge.Channel, pledge.FullName));
        await Accessibility.AssertNoViolationsAsync(chat);

        var officer = await SignedInAsync(bot, officerContext);
        await officer.GotoAsync("/quantri/dangky");
        await officer.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Texts.Get("vi", "web.return-pledge", ("id", pledge.Id)) }).WaitForAsync();
        await officer.GetByLabel(BrowserBot.Texts.Get("vi", "web.reason-for", ("id", pledge.Id))).FillAsync("Thiếu tên sáng kiến");
        await officer.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Texts.Get("vi", "web.return-pledge", ("id", pledge.Id)) }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync(BrowserBot.Text("web.member-told"));
        await Assertions.Expect(chat.Locator(".msg.bot").Last).ToContainTextAsync("Thiếu tên sáng kiến");

        await officer.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Texts.Get("vi", "web.approve-pledge", ("id", pledge.Id)) }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync(BrowserBot.Text("web.decided-approved", ("id", pledge.Id)));
        await Assertions.Expect(chat.Locator(".msg.bot").Last).ToContainTextAsync(BrowserBot.Text("pledge-officer.notice-approved", ("id", pledge.Id), ("title", ""), ("plan", ""))[..15]);
        Assert.Equal(PledgeStatus.Approved, (await store.FindAsync(pledge.Id))!.Status);
        await BrowserSession.ShotAsync(officer, "pledges");
        await BrowserSession.ShotAsync(chat, "chat-told");
        await Accessibility.AssertNoViolationsAsync(officer);

        await officer.GotoAsync("/quantri/nhatky");
        await Assertions.Expect(officer.GetByRole(AriaRole.Cell, new() { Name = BrowserBot.Text("web.audit-returned") })).ToBeVisibleAsync();
        await BrowserSession.ShotAsync(officer, "audit");
    }

    [Fact]
    public async Task AnOfficerFiltersTheListAndDownloadsItAsTheRegistrationListXlsx()
    {
        await using var bot = await BrowserBot.StartAsync();
        bot.AddPledge("u1", "Nguyễn Văn An", "Tổ Cơ khí");
        bot.AddPledge("u2", "Trần Thị Bình", "Tổ Điện");
        bot.AddPledge("u3", "Lê Văn Cường", "Tổ Điện", title: "cstd-co-so");
        await using var context = await browser.ContextAsync(bot.Address);
        var page = await SignedInAsync(bot, context);
        await page.GotoAsync("/quantri/dangky");

        await page.GetByLabel(BrowserBot.Text("web.filter-unit"), new() { Exact = true }).SelectOptionAsync("Tổ Điện");
        await page.GetByRole(AriaRole.Button, new() { Name = BrowserBot.Text("web.filter-apply") }).ClickAsync();
        await Assertions.Expect(page.GetByText(BrowserBot.Text("web.pledges-count", ("count", 2)))).ToBeVisibleAsync();
        await page.GetByText(BrowserBot.Text("web.pledge-details")).First.ClickAsync();
        await Assertions.Expect(page.Locator("details[open]")).ToContainTextAsync("Tổ Điện");
        await BrowserSession.ShotAsync(page, "pledges-filtered");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = BrowserBot.Text("web.export") }).ClickAsync());

        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        var path = Path.Combine(BrowserSession.Screenshots, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        var cells = MiniExcel.Query(path, useHeaderRow: false).SelectMany(r => ((IDictionary<string, object?>)r).Values).Select(v => v?.ToString()).ToList();
        Assert.Contains("Trần Thị Bình", cells);
        Assert.Contains("Lê Văn Cường", cells);
        Assert.DoesNotContain("Nguyễn Văn An", cells);
    }
}
