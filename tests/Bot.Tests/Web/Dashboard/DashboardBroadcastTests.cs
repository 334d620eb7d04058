using System.Net;
using Bot.Broadcasts.Outbox;
using Bot.Tests.Web.SignIn;

namespace Bot.Tests.Web.Dashboard;

/// <summary>The broadcasts page: the chat's preview, confirm, the same outbox, progress as server-sent events.</summary>
public class DashboardBroadcastTests
{
    [Fact]
    public async Task AnOfficerPreviewsAnAnnouncementConfirmsItAndEveryKnownChatReceivesIt()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        using var visitor = new WebSite(bot);
        await bot.Flow("u1").Send("/start");
        await visitor.SayAsync("/start");
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));

        var preview = await site.PostFormAsync("/quantri/thongbao", "/quantri/thongbao?handler=Preview",
            ("Kind", "Announcement"), ("Text", "Họp công đoàn lúc 14h"), ("Audience", "Members"));
        var previewPage = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Họp công đoàn lúc 14h", previewPage);
        Assert.Contains(TestBot.Text("web.broadcast-confirm"), previewPage);

        var start = await site.PostFormAsync("/quantri/thongbao", "/quantri/thongbao?handler=Start",
            ("Kind", "Announcement"), ("Text", "Họp công đoàn lúc 14h"), ("Audience", "Members"));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var id = int.Parse(start.Headers.Location!.OriginalString.Split('/').Last());

        var store = bot.Services.GetRequiredService<IBroadcastStore>();
        await WaitAsync(async () => (await store.FindAsync(id))!.State == BroadcastState.Completed);
        Assert.Contains(bot.Connector.All, r => r.To.ChatId == "u1" && r.Text.Contains("Họp công đoàn lúc 14h"));
        Assert.Contains(await visitor.MessagesAsync(), l => l.FromBot && l.Text.Contains("Họp công đoàn lúc 14h"));
        var events = await (await site.GetAsync($"/quantri/thongbao/{id}/events")).Content.ReadAsStringAsync();
        Assert.StartsWith("data: {\"state\":\"completed\"", events);
        Assert.Contains(TestBot.Text("web.broadcast-state-completed"), await site.PageAsync($"/quantri/thongbao/{id}"));
        Assert.Contains(TestBot.Text("web.audit-broadcast-started"), await site.PageAsync("/quantri/nhatky"));
    }

    [Fact]
    public async Task AnAnnouncementToOneUnitReachesOnlyItsRegisteredMembers()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        await bot.Flow("u1").Send("/dangky Nguyễn Văn An, Tổ Cơ khí, LĐTT").Send("Công nhân").Press(TestBot.Text("pledge.confirm"));
        await bot.Flow("u2").Send("/start");
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));

        var preview = await site.PostFormAsync("/quantri/thongbao", "/quantri/thongbao?handler=Preview",
            ("Kind", "Announcement"), ("Text", "Tổ Cơ khí họp"), ("Audience", "Members"), ("AudienceUnit", "tổ cơ khí"));

        Assert.Contains(TestBot.Text("web.broadcast-reach", ("groups", 0), ("members", 1)), await preview.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnEmptyAnnouncementIsRefusedPolitelyAndNothingIsSent()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));

        var start = await site.PostFormAsync("/quantri/thongbao", "/quantri/thongbao?handler=Start", ("Kind", "Announcement"), ("Text", "  "), ("Audience", "All"));

        Assert.Contains(TestBot.Text("web.broadcast-text-length", ("max", 3000)), await start.Content.ReadAsStringAsync());
        Assert.Empty(await bot.Services.GetRequiredService<IBroadcastStore>().RecentAsync(10));
    }

    [Fact]
    public async Task AVisitorWhoIsNotSignedInGetsNoProgressStream()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);

        var response = await site.GetAsync("/quantri/thongbao/1/events");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!await condition()) await Task.Delay(20, timeout.Token);
    }
}
