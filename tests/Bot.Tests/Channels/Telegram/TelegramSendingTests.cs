using System.Text;
using Bot.Audience;
using Bot.Channels.Telegram;
using Bot.Conversations;
using Bot.Tests.Fakes;

namespace Bot.Tests.Channels.Telegram;

public class TelegramSendingTests
{
    private static readonly FakeUser An = new(1001, "An");
    private static readonly FakeUser Binh = new(1002, "Bình");

    [Fact]
    public async Task A4500CharacterAnswerArrivesInTwoMessagesSplitAtAParagraph()
    {
        await using var host = await TelegramTestHost.StartAsync(services: s => s.AddCommand<LongAnswerCommand>());
        var chat = host.Api.PrivateChat(An);

        host.Api.Say(An, chat, "/dai");

        var first = await host.Api.NextBotMessageAsync(chat, 0);
        var second = await host.Api.NextBotMessageAsync(chat, 1, "the second half");
        Assert.Equal(4500, LongAnswerCommand.Text.Length);
        Assert.All(new[] { first, second }, m => Assert.InRange(m.Text!.Length, 1, 4096));
        Assert.EndsWith(".", first.Text);
        Assert.StartsWith("Đoạn", second.Text);
        Assert.Equal(LongAnswerCommand.Text.Replace("\n\n", ""), (first.Text + second.Text).Replace("\n\n", ""));
    }

    [Fact]
    public async Task AMembersNameThatLooksLikeHtmlIsShownAsTyped()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var tricky = new FakeUser(1003, "<b>Hoa</b> & <i>");
        var chat = host.Api.PrivateChat(tricky);

        host.Api.Say(tricky, chat, "/start");

        var greeting = await host.Api.NextBotMessageAsync(chat, 0);
        Assert.Contains("<b>Hoa</b> & <i>", greeting.Text);
        Assert.Equal("HTML", greeting.ParseMode, ignoreCase: true);
    }

    [Fact]
    public async Task ATooManyRequestsAnswerIsWaitedOutThenTheSameMessageIsSent()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chat = host.Api.PrivateChat(An);
        host.Api.RateLimit("sendMessage", retryAfter: 3);

        host.Api.Say(An, chat, "/dot");

        var refused = await host.Api.WaitForAsync(a => a.Calls.FirstOrDefault(c => c is { Method: "sendMessage", Status: 429 }), "the 429");
        // The delivery road now waits for the bot's clock, which stands still: nothing may be re-sent yet.
        var pacer = host.Services.GetRequiredService<Bot.Pacing.SendPacer>();
        await host.Api.WaitForAsync(_ => pacer.PausedUntil("telegram") > host.Time.GetUtcNow(), "the pause");
        Assert.Empty(host.Api.BotMessagesIn(chat));
        await host.AdvanceUntilAsync(() => host.Api.BotMessagesIn(chat).Count > 0, TimeSpan.FromSeconds(1), "the retried message");
        var sent = host.Api.Calls.First(c => c is { Method: "sendMessage", Status: 200 });
        Assert.True(sent.At - refused.At >= TimeSpan.FromSeconds(3), $"re-sent after {sent.At - refused.At}");
        Assert.Contains("Hôm nay", host.Api.BotMessagesIn(chat).Single().Text);
    }

    [Fact]
    public async Task AMemberWhoBlockedTheBotIsMarkedUnreachableKeptAndTheReceiverGoesOn()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chats = host.Services.GetRequiredService<IChatDirectory>();
        var anChat = host.Api.PrivateChat(An);
        var binhChat = host.Api.PrivateChat(Binh);
        host.Api.Say(An, anChat, "/start");
        await host.Api.NextBotMessageAsync(anChat, 0);

        // Blocked just after writing: the update arrives, the answer is refused with 403.
        host.Api.Block(An, tellTheBot: false);
        host.Api.Say(An, anChat, "/dot");
        var record = await host.Api.WaitForAsync(_ => chats.Find("telegram", "1001") is { UnreachableReason: not null } c ? c : null, "An marked unreachable");

        Assert.Contains("blocked", record.UnreachableReason);
        Assert.DoesNotContain(chats.Reachable(), c => c.Id == "telegram:1001");
        host.Api.Say(Binh, binhChat, "/dot");
        Assert.Contains("Hôm nay", (await host.Api.NextBotMessageAsync(binhChat, 0, "Bình's answer")).Text);
    }

    [Fact]
    public async Task BlockingTheBotIsRecordedFromTheMembershipUpdate()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chats = host.Services.GetRequiredService<IChatDirectory>();
        var chat = host.Api.PrivateChat(An);
        host.Api.Say(An, chat, "/start");
        await host.Api.NextBotMessageAsync(chat, 0);

        host.Api.Block(An);

        await host.Api.WaitForAsync(_ => chats.Find("telegram", "1001") is { Active: false }, "An marked as gone");
        Assert.NotNull(chats.Find("telegram", "1001"));
    }

    [Fact]
    public async Task AChatThatDoesNotExistIsReportedUnreachable()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var connector = host.Services.GetRequiredService<TelegramConnector>();

        var ex = await Assert.ThrowsAsync<ChannelSendException>(() =>
            connector.SendAsync(new ConversationAddress("telegram", "424242", ChatKind.Private), "Xin chào", CancellationToken.None));

        Assert.Equal(SendFailure.Unreachable, ex.Failure);
        Assert.Contains("chat not found", ex.Message);
    }

    [Theory]
    [InlineData(500, "Internal Server Error", SendFailure.Transient)]
    [InlineData(400, "Bad Request: not enough rights to send text messages to the chat", SendFailure.Permanent)]
    [InlineData(403, "Forbidden: user is deactivated", SendFailure.Unreachable)]
    public async Task OtherErrorsAreClassifiedForTheDeliveryRoad(int status, string description, SendFailure expected)
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chat = host.Api.PrivateChat(An);
        host.Api.Fail("sendMessage", status, description);

        var ex = await Assert.ThrowsAsync<ChannelSendException>(() =>
            host.Services.GetRequiredService<TelegramConnector>().SendAsync(new ConversationAddress("telegram", "1001", ChatKind.Private), "Xin chào", CancellationToken.None));

        Assert.Equal(expected, ex.Failure);
        Assert.NotNull(chat);
    }

    [Fact]
    public async Task AnEditReplacesTheMessageAndAnEditOfAVanishedMessageSendsANewOne()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chat = host.Api.PrivateChat(An);
        var connector = host.Services.GetRequiredService<TelegramConnector>();
        var to = new ConversationAddress("telegram", "1001", ChatKind.Private);

        var id = await connector.SendAsync(to, new Reply { Text = "Bước 1", Buttons = [new Button("Tiếp", "x:1")] }, CancellationToken.None);
        var edited = await connector.SendAsync(to, new Reply { Text = "Bước 2", EditMessageId = id }, CancellationToken.None);
        var fresh = await connector.SendAsync(to, new Reply { Text = "Bước 3", EditMessageId = "999" }, CancellationToken.None);

        Assert.Equal(id, edited);
        var message = host.Api.Message(chat, int.Parse(id!))!;
        Assert.Equal("Bước 2", message.Text);
        Assert.Empty(message.Buttons);
        Assert.NotEqual(id, fresh);
        Assert.Equal("Bước 3", host.Api.BotMessagesIn(chat)[^1].Text);
    }

    [Fact]
    public async Task AFileIsSentAsADocumentWithItsCaption()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chat = host.Api.PrivateChat(An);
        var file = new ReplyFile("dang-ky.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Encoding.UTF8.GetBytes("PK fake"));

        await host.Services.GetRequiredService<TelegramConnector>().SendAsync(
            new ConversationAddress("telegram", "1001", ChatKind.Private), new Reply { Text = "Danh sách <b>đăng ký</b>", File = file }, CancellationToken.None);

        var sent = host.Api.BotMessagesIn(chat).Single();
        Assert.Equal("dang-ky.xlsx", sent.DocumentName);
        Assert.Equal("Danh sách đăng ký", sent.Caption);
    }

    [Fact]
    public async Task TextTelegramCannotParseAsHtmlIsSentAsPlainText()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chat = host.Api.PrivateChat(An);

        await host.Services.GetRequiredService<TelegramConnector>().SendAsync(
            new ConversationAddress("telegram", "1001", ChatKind.Private), "Cảm ơn <3 các bạn", CancellationToken.None);

        var sent = host.Api.BotMessagesIn(chat).Single();
        Assert.Equal("Cảm ơn <3 các bạn", sent.Text);
        Assert.Contains(host.Api.Calls, c => c is { Method: "sendMessage", Status: 400 });
    }

    [Fact]
    public async Task ButtonDataOver64BytesIsRefusedBeforeReachingTelegram()
    {
        await using var host = await TelegramTestHost.StartAsync();
        host.Api.PrivateChat(An);

        var ex = await Assert.ThrowsAsync<ChannelSendException>(() => host.Services.GetRequiredService<TelegramConnector>().SendAsync(
            new ConversationAddress("telegram", "1001", ChatKind.Private),
            new Reply { Text = "Chọn", Buttons = [new Button("Đăng ký", "pledge:" + new string('đ', 30))] }, CancellationToken.None));

        Assert.Equal(SendFailure.Permanent, ex.Failure);
        Assert.DoesNotContain(host.Api.Calls, c => c.Method == "sendMessage");
    }

    private sealed class LongAnswerCommand : ICommand
    {
        public static readonly string Text = Build();

        public IReadOnlyList<string> Names => ["dai"];

        public Task HandleAsync(ITurnContext turn, string args, CancellationToken cancellationToken) => turn.SendAsync(Text, cancellationToken);

        private static string Build()
        {
            var sb = new StringBuilder();
            for (var i = 1; sb.Length < 4000; i++)
                sb.Append("Đoạn ").Append(i).Append(": ").Append(new string('a', 280)).Append(".\n\n");
            sb.Append("Đoạn cuối");
            sb.Append('.', 4500 - sb.Length);
            return sb.ToString();
        }
    }
}
