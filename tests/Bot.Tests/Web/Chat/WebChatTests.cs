using System.Net;

namespace Bot.Tests.Web.Chat;

public class WebChatTests
{
    [Fact]
    public async Task AVisitorWhoSaysStartGetsTheGreetingWithTheMenuAsButtons()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);

        Assert.Equal(HttpStatusCode.Accepted, (await site.SayAsync("/start")).StatusCode);

        var lines = await site.MessagesAsync();
        Assert.Equal("/start", lines[0].Text);
        Assert.False(lines[0].FromBot);
        Assert.True(lines[1].FromBot);
        Assert.StartsWith(TestBot.Text("core.greeting", ("name", TestBot.Text("web.visitor-name")))[..20], lines[1].Text);
        Assert.Contains(lines[1].Buttons, b => b.Label == TestBot.Text("core.menu-movements"));
    }

    [Fact]
    public async Task PressingAMenuButtonAnswersAsTheCommandDoesAndShowsTheLabelAsTheVisitorsLine()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        await site.SayAsync("/start");
        var phase = (await site.MessagesAsync())[1].Buttons.Single(b => b.Label == TestBot.Text("core.menu-phase"));

        await site.SayAsync(null, phase.Data);

        await site.SayAsync("/dot");
        var lines = await site.MessagesAsync();
        Assert.Equal(TestBot.Text("core.menu-phase"), lines[2].Text);
        Assert.True(lines[3].FromBot);
        Assert.Equal(lines[5].Text, lines[3].Text);
    }

    [Fact]
    public async Task AMessagePostedWithoutThePagesTokenIsRefusedAndNotAnswered()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);

        var response = await site.SayAsync("/start", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await site.MessagesAsync());
    }

    [Fact]
    public async Task EachVisitorHasTheirOwnConversation()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var first = new WebSite(bot);
        using var second = new WebSite(bot);
        await first.SayAsync("/start");

        await second.PageAsync("/");

        Assert.NotEmpty(await first.MessagesAsync());
        Assert.Empty(await second.MessagesAsync());
    }

    [Fact]
    public async Task TheVisitorCookieIsHttpOnlyAndTheLanguageSwitchesToEnglish()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);

        var response = await site.GetAsync("/?lang=en");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cdb_visitor=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("<html lang=\"en\">", html);
        Assert.Contains(TestBot.TextIn("en", "web.chat-title"), html);
        await site.SayAsync("/start");
        Assert.StartsWith("Hello there!", (await site.MessagesAsync())[1].Text);
    }

    [Fact]
    public async Task AMemberRegistersAPledgeInTheWebChat()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);

        await site.SayAsync("/dangky Nguyễn Văn An, Tổ Cơ khí, LĐTT");
        await site.SayAsync("Công nhân vận hành");
        var summary = (await site.MessagesAsync()).Last(l => l.FromBot);
        var confirm = summary.Buttons.FirstOrDefault();
        Assert.True(confirm.Data is not null, string.Join("\n---\n", (await site.MessagesAsync()).Select(l => l.Text)));
        await site.SayAsync(null, confirm.Data);

        var pledges = await bot.Services.GetRequiredService<Bot.Pledges.IPledgeStore>().AllAsync(null);
        var pledge = Assert.Single(pledges);
        Assert.Equal(("web", "Nguyễn Văn An", "Tổ Cơ khí"), (pledge.Channel, pledge.FullName, pledge.Unit));
    }

    [Fact]
    public async Task WithTheWebChatSwitchedOffThePageSaysSoAndTheChatCallsAreGone()
    {
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?> { ["Web:ChatEnabled"] = "false" }, web: true);
        using var site = new WebSite(bot);

        var page = await site.GetAsync("/");
        var send = await site.GetAsync("/chat/messages");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains(TestBot.Text("web.chat-off-title"), await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, send.StatusCode);
    }

    [Fact]
    public async Task WithTheWebSwitchedOffNeitherPageIsServedAndTheDashboardCommandSaysSoInTheChat()
    {
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?> { ["Web:Enabled"] = "false" });
        using var site = new WebSite(bot);

        Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync("/quantri")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.GetAsync("/chat/messages")).StatusCode);
        await bot.Flow("officer").Send("/quantri").AssertReply(TestBot.Text("web.dashboard-off"));
        await bot.Flow("officer", language: "en").Send("/dashboard").AssertReply(TestBot.TextIn("en", "web.dashboard-off"));
    }

    [Fact]
    public async Task AVisitorSendingFasterThanAPersonTypesIsAskedToSlowDown()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        for (var i = 0; i < Bot.Web.Chat.WebChatEndpoints.PerMinute; i++) Assert.Equal(HttpStatusCode.Accepted, (await site.SayAsync("/dot")).StatusCode);

        var tooMany = await site.SayAsync("/dot");

        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.StatusCode);
        Assert.Contains("data-slow=\"" + TestBot.Text("web.chat-slow-down") + "\"", await site.PageAsync("/"));
    }

    [Fact]
    public async Task AVisitorWhoAsksToBeForgottenLosesThePagesCopyOfTheConversation()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        await site.SayAsync("/dangky Nguyễn Văn An, Tổ Cơ khí, LĐTT");
        await site.SayAsync("/xoadulieu");
        var confirm = (await site.MessagesAsync()).Last(l => l.FromBot).Buttons.First(b => b.Label == TestBot.Text("pledge-data.delete-yes"));

        await site.SayAsync(null, confirm.Data);

        var lines = await site.MessagesAsync();
        Assert.DoesNotContain(lines, l => l.Text.Contains("Nguyễn Văn An"));
        Assert.True(lines[^1].FromBot);
    }
}
