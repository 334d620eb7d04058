using Bot.Audience;
using Bot.Conversations;
using Bot.Tests.Fakes;

namespace Bot.Tests.Channels.Telegram;

public class TelegramReceivingTests
{
    private static readonly FakeUser An = new(1001, "An");

    [Fact]
    public async Task PrivateStartWithAPayloadIsRoutedLikeADeepLink()
    {
        var payloads = new RecordingPayloadHandler();
        await using var host = await TelegramTestHost.StartAsync(services: s => s.AddSingleton<IStartPayloadHandler>(payloads));
        var chat = host.Api.PrivateChat(An);

        host.Api.Say(An, chat, "/start invite_AbC-123");

        var reply = await host.Api.NextBotMessageAsync(chat, 0);
        Assert.Equal("invite_AbC-123", Assert.Single(payloads.Seen));
        Assert.Equal("payload invite_AbC-123", reply.Text);
    }

    [Fact]
    public async Task PledgingInAGroupOffersADeepLinkThatOpensTheFormInPrivate()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var group = host.Api.Group(-4010, "Tổ 10");
        var chat = host.Api.PrivateChat(An);

        host.Api.Say(An, group, "/dangky@UnionTestBot");

        var offer = await host.Api.NextBotMessageAsync(group, 0);
        var link = Assert.Single(offer.Buttons, b => b.Url is not null).Url!;
        Assert.Equal("https://t.me/UnionTestBot?start=pledge_tld-2021", link);

        // What the member's Telegram sends when they open the link.
        host.Api.Say(An, chat, "/start " + link[(link.IndexOf("start=", StringComparison.Ordinal) + 6)..]);
        Assert.Contains("Họ và tên", (await host.Api.NextBotMessageAsync(chat, 0, "the form's first question")).Text);
    }

    [Theory]
    [InlineData("/dot@UnionTestBot")]
    [InlineData("/dot@uniontestbot")]
    public async Task AGroupCommandForThisBotIsAnsweredAsAReplyToTheMember(string command)
    {
        await using var host = await TelegramTestHost.StartAsync();
        var group = host.Api.Group(-4001, "Tổ công đoàn Phân xưởng 1");

        var (asked, delivered) = host.Api.Say(An, group, command);

        Assert.True(delivered);
        var reply = await host.Api.NextBotMessageAsync(group, 0);
        Assert.Equal(asked.Id, reply.ReplyTo?.Id);
        Assert.Contains("Hôm nay", reply.Text);
        Assert.Equal("HTML", reply.ParseMode, ignoreCase: true);
    }

    [Fact]
    public async Task CommandsForOtherBotsAreIgnoredEvenWhereTheBotReadsEverything()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var group = host.Api.Group(-4002, "Tổ 2", seesAllMessages: true);

        Assert.True(host.Api.Say(An, group, "/dot@OtherBot").Delivered);
        var (mine, _) = host.Api.Say(An, group, "/dot@UnionTestBot");

        // Same chat, so the first update was handled before the second: the only answer is to the second.
        var reply = await host.Api.NextBotMessageAsync(group, 0);
        Assert.Equal(mine.Id, reply.ReplyTo?.Id);
        await host.Api.WaitForAsync(a => a.PendingUpdates == 0, "both updates confirmed");
        Assert.Single(host.Api.BotMessagesIn(group));
    }

    [Fact]
    public async Task PlainGroupTextIsNotDeliveredInPrivacyModeAndNotAnsweredWhereItIs()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var privateGroup = host.Api.Group(-4003, "Tổ 3");
        var adminGroup = host.Api.Group(-4004, "Tổ 4", seesAllMessages: true);

        Assert.False(host.Api.Say(An, privateGroup, "Hôm nay có gì mới không mọi người?").Delivered);
        Assert.True(host.Api.Say(An, adminGroup, "Hôm nay có gì mới không mọi người?").Delivered);
        var (command, _) = host.Api.Say(An, adminGroup, "/dot@UnionTestBot");

        var reply = await host.Api.NextBotMessageAsync(adminGroup, 0);
        Assert.Equal(command.Id, reply.ReplyTo?.Id);
        Assert.Single(host.Api.BotMessagesIn(adminGroup));
        Assert.Empty(host.Api.BotMessagesIn(privateGroup));
    }

    [Fact]
    public async Task AReplyToTheBotInAGroupIsRead()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var group = host.Api.Group(-4005, "Tổ 5");
        host.Api.Say(An, group, "/dot@UnionTestBot");
        var botMessage = await host.Api.NextBotMessageAsync(group, 0);

        var (reply, delivered) = host.Api.Say(An, group, "cảm ơn", replyTo: botMessage);

        Assert.True(delivered);
        var answer = await host.Api.NextBotMessageAsync(group, 1, "an answer to the reply");
        Assert.Equal(reply.Id, answer.ReplyTo?.Id);
    }

    [Fact]
    public async Task AStickerInAPrivateChatIsAnsweredWithAskForText()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chat = host.Api.PrivateChat(An);

        host.Api.SendSticker(An, chat);

        Assert.Contains("chữ", (await host.Api.NextBotMessageAsync(chat, 0)).Text);
    }

    [Fact]
    public async Task BeingAddedToAndRemovedFromAGroupIsRecordedForBroadcasts()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var group = host.Api.Group(-4006, "Công đoàn cơ sở Nhà máy A");
        var chats = host.Services.GetRequiredService<IChatDirectory>();

        host.Api.AddBotToGroup(An, group);
        Assert.Contains("Xin chào cả nhóm", (await host.Api.NextBotMessageAsync(group, 0)).Text);
        Assert.Contains(chats.Reachable(), c => c.Id == "telegram:-4006" && c.Kind == ChatKind.Group);

        host.Api.RemoveBotFromGroup(An, group);
        await host.Api.WaitForAsync(_ => chats.Find("telegram", "-4006") is { Active: false }, "the group marked inactive");
        Assert.DoesNotContain(chats.Reachable(), c => c.Id == "telegram:-4006");
        Assert.Single(host.Api.BotMessagesIn(group));
    }

    [Fact]
    public async Task PollingAsksOnlyForMessagesButtonPressesAndMembershipWithALongTimeout()
    {
        await using var host = await TelegramTestHost.StartAsync();
        await host.Api.WaitForPollAsync();

        Assert.Equal(["message", "callback_query", "my_chat_member"], host.Api.AllowedUpdates!);
        Assert.Equal(30, (int)host.Api.LastPoll!["timeout"]!);
        Assert.Contains(host.Api.Calls, c => c.Method == "deleteWebhook");
    }

    [Fact]
    public async Task AnUpdateIsConfirmedByTheNextPollOnceHandedOver()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chat = host.Api.PrivateChat(An);
        await host.Api.WaitForPollAsync();

        host.Api.Say(An, chat, "/dot");
        var updateId = host.Api.LastUpdateId;
        await host.Api.NextBotMessageAsync(chat, 0);

        await host.Api.WaitForAsync(a => (int?)a.LastPoll?["offset"] == updateId + 1, "a poll confirming the update");
        Assert.Equal(0, host.Api.PendingUpdates);
    }

    private sealed class RecordingPayloadHandler : IStartPayloadHandler
    {
        public List<string> Seen { get; } = [];

        public async Task<bool> TryHandleAsync(ITurnContext turn, string payload, CancellationToken cancellationToken)
        {
            Seen.Add(payload);
            await turn.SendAsync($"payload {payload}", cancellationToken);
            return true;
        }
    }
}
