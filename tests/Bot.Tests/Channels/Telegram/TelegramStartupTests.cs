using Bot.Channels.Telegram;
using Bot.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Channels.Telegram;

public class TelegramStartupTests
{
    [Theory]
    [InlineData("not-a-token", null, null, null, "does not look like a bot token")]
    [InlineData("123456:", null, null, null, "does not look like a bot token")]
    [InlineData("123456:abc def", null, null, null, "does not look like a bot token")]
    [InlineData(FakeTelegramApi.Token, "Websocket", null, null, "Telegram:Mode must be 'Polling' or 'Webhook'")]
    [InlineData(FakeTelegramApi.Token, "Webhook", null, "abc", "Telegram:WebhookUrl is required")]
    [InlineData(FakeTelegramApi.Token, "Webhook", "http://bot.example.org/telegram/webhook", "abc", "must start with https://")]
    [InlineData(FakeTelegramApi.Token, "Webhook", "https://bot.example.org", "abc", "needs a path")]
    [InlineData(FakeTelegramApi.Token, "Webhook", "https://bot.example.org/telegram/webhook", null, "Telegram:WebhookSecret is required")]
    [InlineData(FakeTelegramApi.Token, "Webhook", "https://bot.example.org/telegram/webhook", "has spaces!", "Telegram:WebhookSecret is required")]
    public async Task BadSettingsStopTheStartWithAMessageThatSaysWhatToFix(string token, string? mode, string? url, string? secret, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = token,
            ["Telegram:Mode"] = mode,
            ["Telegram:WebhookUrl"] = url,
            ["Telegram:WebhookSecret"] = secret,
            ["Telegram:ApiBaseUrl"] = "",
        };

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestBot.StartAsync(settings));

        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain(FakeTelegramApi.Token, ex.Message);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1001")]
    public async Task AWebhookAnswerBoundOutsideZeroToOneSecondStopsTheStart(string milliseconds)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeTelegramApi.Token,
            ["Telegram:WebhookAnswerWithinMilliseconds"] = milliseconds,
        };

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => TestBot.StartAsync(settings));

        Assert.Contains("Telegram:WebhookAnswerWithinMilliseconds must be between 0", ex.Message);
    }

    [Fact]
    public async Task WithoutATokenTheTelegramChannelIsOff()
    {
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?> { ["Telegram:Mode"] = "Webhook" });

        Assert.Null(bot.Services.GetService<TelegramConnector>());
        Assert.DoesNotContain(bot.Services.GetServices<IChannelConnector>(), c => c.Channel == "telegram");
    }

    [Fact]
    public async Task TheCommandMenuIsVietnameseWithEnglishForEnglishClientsAndOfficersGetTheirCommands()
    {
        await using var host = await TelegramTestHost.StartAsync(arrange: api => api.PrivateChat(new FakeUser(TelegramTestHost.OfficerId, "Cán bộ")));

        await host.Api.WaitForAsync(a => a.Menus.Count == 6, "six command lists");
        FakeCommandMenu Menu(string scope, string? language) => host.Api.Menus.Single(m => m.Scope == scope && m.LanguageCode == language);

        // Members' commands, in menu order (officer commands are checked below; other features may add more).
        Assert.Equal(["start", "trogiup", "phongtrao", "dot", "dangky", "cuatoi", "hoi", "ngonngu", "xoadulieu"], Menu("default", null).Names.Take(9));
        Assert.Equal(["start", "help", "movements", "phase", "pledge", "mypledges", "ask", "language", "deletemydata"], Menu("default", "en").Names.Take(9));
        Assert.Equal(["trogiup", "phongtrao", "dot", "dangky", "hoi"], Menu("all_group_chats", null).Names);
        Assert.Equal(["help", "movements", "phase", "pledge", "ask"], Menu("all_group_chats", "en").Names);
        Assert.Equal("Đợt thi đua đang diễn ra và việc cần làm", Menu("default", null).Commands.Single(c => c.Command == "dot").Description);

        // Officer commands only in officers' own chats, after everything members have.
        var officerOnly = new[] { "danhsach", "xuat", "mopdangky", "dongdangky", "phatdong", "thongbao", "lichphatdong", "huyguitin", "tailai", "trangthai", "saoluu" };
        Assert.Empty(Menu("default", null).Names.Intersect(officerOnly));
        Assert.Empty(Menu("all_group_chats", null).Names.Intersect(officerOnly));
        Assert.Equal(TelegramTestHost.OfficerId, Menu("chat", null).ChatId);
        Assert.Equal([.. Menu("default", null).Names, .. officerOnly], Menu("chat", null).Names);
        Assert.Contains("export", Menu("chat", "en").Names);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task MembersAreAnsweredWhileTheCommandMenuIsStillBeingPublished(bool webhook)
    {
        var menus = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await TelegramTestHost.StartAsync(webhook, arrange: api => api.HoldMenus = menus);
        if (webhook) await host.Api.WaitForAsync(a => a.WebhookUrl, "setWebhook"); // the fake pushes only once it knows where
        var member = new FakeUser(1001, "An");
        var chat = host.Api.PrivateChat(member);

        host.Api.Say(member, chat, "/start");

        await host.Api.NextBotMessageAsync(chat, 0);
        Assert.Empty(host.Api.Menus);
        menus.SetResult();
        await host.Api.WaitForAsync(a => a.Menus.Count >= 4, "the command menu");
    }

    [Fact]
    public async Task AnOfficerTelegramDidNotKnowAtStartGetsTheirMenuOnTheirFirstMessage()
    {
        await using var host = await TelegramTestHost.StartAsync();
        await host.Api.WaitForAsync(a => a.Calls.Any(c => c is { Method: "setMyCommands", Status: 400 }), "the officer's menu refused");
        var officer = new FakeUser(TelegramTestHost.OfficerId, "Cán bộ");
        var chat = host.Api.PrivateChat(officer);

        host.Api.Say(officer, chat, "/start");

        await host.Api.NextBotMessageAsync(chat, 0);
        var menu = await host.Api.WaitForAsync(a => a.Menus.FirstOrDefault(m => m.Scope == "chat" && m.LanguageCode is null), "the officer's menu");
        Assert.Contains("xuat", menu.Names);
    }

    [Fact]
    public async Task EveryMenuNameInTheTextsIsAValidTelegramCommand()
    {
        await using var bot = await TestBot.StartAsync();
        var texts = bot.Services.GetRequiredService<Bot.Content.Texts>();

        foreach (var (id, _) in TelegramCommandMenu.Entries)
            foreach (var language in new[] { "vi", "en" })
            {
                Assert.True(TelegramCommandMenu.IsValidName(texts.Get(language, TelegramCommandMenu.NameKey(id))), $"{id} ({language})");
                Assert.InRange(texts.Get(language, TelegramCommandMenu.AboutKey(id)).Length, 1, 256);
            }
    }

    [Fact]
    public async Task DeepLinksOpenAPrivateChatWithTheBotAndAPayload()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var links = host.Services.GetRequiredService<TelegramDeepLinks>();

        Assert.Equal("https://t.me/UnionTestBot?start=pledge_tld-2021", links.PrivateChatLink("telegram", "pledge_tld-2021"));
        Assert.Null(links.PrivateChatLink("telegram", "có dấu"));
        Assert.Null(links.PrivateChatLink("telegram", new string('a', 65)));
        Assert.Null(links.PrivateChatLink("zalo", "pledge"));
    }

    [Fact]
    public async Task TheTokenNeverAppearsInLogsEvenWhenRequestsFail()
    {
        var an = new FakeUser(1001, "An");
        await using var host = await TelegramTestHost.StartAsync(arrange: api =>
        {
            api.Fail("getMe", 500, "Internal Server Error");
            api.Fail("getUpdates", 502, "Bad Gateway");
            api.ConflictOnNextPoll();
            api.Fail("sendMessage", 500, "Internal Server Error");
        });
        var chat = host.Api.PrivateChat(an);
        await host.AdvanceUntilAsync(() => host.Api.PollOpen, TimeSpan.FromSeconds(5), "polling");
        host.Api.Say(an, chat, "/dot");
        await host.Api.WaitForAsync(a => a.Calls.Any(c => c is { Method: "sendMessage", Status: 500 }), "the failed send");
        await host.Api.WaitForAsync(_ => host.Logs.Lines.Any(l => l.Text.Contains("Turn failed")), "the failure logged");

        // A request that cannot even connect: its exception text is what usually carries the URL.
        var refused = new TelegramErrors(Options.Create(new TelegramOptions { BotToken = FakeTelegramApi.Token }));
        var wrapped = refused.ToSendException(new HttpRequestException($"POST http://127.0.0.1:1/bot{FakeTelegramApi.Token}/sendMessage failed"), "1001");

        Assert.NotEmpty(host.Logs.Lines);
        Assert.DoesNotContain(FakeTelegramApi.Token, host.Logs.All);
        Assert.DoesNotContain("AAF-fake_test_token", host.Logs.All);
        Assert.DoesNotContain(FakeTelegramApi.Token, wrapped.ToString());
        Assert.Equal(SendFailure.Transient, wrapped.Failure);
    }
}
