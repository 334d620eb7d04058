using System.Net;
using System.Text;
using Bot.Storage;
using Bot.Tests.Fakes;

namespace Bot.Tests.Channels.Telegram;

public class TelegramWebhookTests
{
    private static readonly FakeUser An = new(1001, "An");

    [Fact]
    public async Task TheWebhookIsRegisteredWithItsSecretAndTheUpdateTypesAtStart()
    {
        await using var host = await TelegramTestHost.StartAsync(webhook: true);

        await host.Api.WaitForAsync(a => a.WebhookUrl, "setWebhook");

        Assert.Equal("http://bot.example.test/telegram/webhook", host.Api.WebhookUrl);
        Assert.Equal(TelegramTestHost.WebhookSecret, host.Api.WebhookSecret);
        Assert.Equal(["message", "callback_query", "my_chat_member"], host.Api.AllowedUpdates!);
        Assert.DoesNotContain(host.Api.Calls, c => c.Method == "getUpdates");
    }

    [Fact]
    public async Task AnUpdatePostedWithTheRightSecretIsAnswered()
    {
        await using var host = await TelegramTestHost.StartAsync(webhook: true);
        await host.Api.WaitForAsync(a => a.WebhookUrl, "setWebhook");
        var chat = host.Api.PrivateChat(An);

        host.Api.Say(An, chat, "/dot");

        Assert.Contains("Hôm nay", (await host.Api.NextBotMessageAsync(chat, 0)).Text);
        // The answer may reach the fake before the webhook's "200" does (the bot sends it as soon as the turn commits).
        Assert.Equal([200], await host.Api.WaitForAsync(a => a.WebhookStatuses is { Count: > 0 } s ? s : null, "the webhook's answer"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("s3cret_Webhook-token-but-longer")]
    public async Task APostWithoutTheRightSecretIsRefusedAndNotProcessed(string? secret)
    {
        await using var host = await TelegramTestHost.StartAsync(webhook: true);
        await host.Api.WaitForAsync(a => a.WebhookUrl, "setWebhook");
        var chat = host.Api.PrivateChat(An);
        var forged = ForgedUpdate(chat, "/dot");

        Assert.Equal(401, await host.Api.PushAsync(forged, secret));

        // The real one after it is answered, and it is the only answer.
        host.Api.Say(An, chat, "/trogiup"); // a one-message answer (the movements answer comes in two parts)
        var reply = await host.Api.NextBotMessageAsync(chat, 0);
        Assert.DoesNotContain("Hôm nay", reply.Text);
        Assert.Single(host.Api.BotMessagesIn(chat));
    }

    [Fact]
    public async Task TheSameUpdateDeliveredTwiceIsProcessedOnce()
    {
        await using var host = await TelegramTestHost.StartAsync(webhook: true);
        await host.Api.WaitForAsync(a => a.WebhookUrl, "setWebhook");
        var chat = host.Api.PrivateChat(An);
        var update = ForgedUpdate(chat, "/dot", updateId: 900_000_001);

        Assert.Equal(200, await host.Api.PushAsync(update, TelegramTestHost.WebhookSecret));
        Assert.Equal(200, await host.Api.PushAsync(update, TelegramTestHost.WebhookSecret));
        host.Api.Say(An, chat, "/trogiup"); // a one-message answer

        await host.Api.NextBotMessageAsync(chat, 1, "the answer to the next update");
        Assert.Equal(2, host.Api.BotMessagesIn(chat).Count);
        Assert.Contains("Hôm nay", host.Api.BotMessagesIn(chat)[0].Text);
    }

    [Fact]
    public async Task ASlowTurnDoesNotHoldTheAnswerToTelegram()
    {
        await using var host = await TelegramTestHost.StartAsync(webhook: true);
        await host.Api.WaitForAsync(a => a.WebhookUrl, "setWebhook");
        var chat = host.Api.PrivateChat(An);
        host.Api.HoldSends = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var status = await host.Api.PushAsync(ForgedUpdate(chat, "/dot"), TelegramTestHost.WebhookSecret);

        Assert.Equal(200, status);
        Assert.Empty(host.Api.BotMessagesIn(chat));
        host.Api.HoldSends.SetResult();
        Assert.Contains("Hôm nay", (await host.Api.NextBotMessageAsync(chat, 0)).Text);
    }

    [Fact]
    public async Task AQuickTurnsUpdateIsAnswered200AfterOneCommitThatStoresTheTurnInsteadOfTheUpdate()
    {
        await using var host = await TelegramTestHost.StartAsync(webhook: true);
        await host.Api.WaitForAsync(a => a.WebhookUrl, "setWebhook");
        var chat = host.Api.PrivateChat(An);
        var writer = host.Services.GetRequiredService<StorageWriter>();
        host.Api.Say(An, chat, "/trogiup"); // the chat is new at its first message, which commits it on its own
        await host.Api.NextBotMessageAsync(chat, 0);
        var before = writer.Transactions;

        // The fake clock stands still: the stored copy's bound never runs out, so only the turn's commit can answer.
        Assert.Equal(200, await host.Api.PushAsync(ForgedUpdate(chat, "/dot"), TelegramTestHost.WebhookSecret));

        Assert.Equal(before + 1, writer.Transactions);
        Assert.Empty(await host.Services.GetRequiredService<IReceivedUpdates>().PendingAsync("telegram"));
        Assert.True(await host.Services.GetRequiredService<IActivityDeduplicator>().WasProcessedAsync($"telegram:{chat.Id}:701"));
    }

    [Fact]
    public async Task AnUpdateBehindASlowTurnIsStoredAndAnswered200WhenTheBoundRunsOut()
    {
        await using var host = await TelegramTestHost.StartAsync(webhook: true);
        await host.Api.WaitForAsync(a => a.WebhookUrl, "setWebhook");
        var chat = host.Api.PrivateChat(An);
        host.Api.HoldSends = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Assert.Equal(200, await host.Api.PushAsync(ForgedUpdate(chat, "/dot"), TelegramTestHost.WebhookSecret));

        // The chat's next turn waits for the first one's reply, which Telegram holds: its update is stored alone.
        var second = host.Api.PushAsync(ForgedUpdate(chat, "/trogiup", updateId: 800_000_002), TelegramTestHost.WebhookSecret);
        await host.AdvanceUntilAsync(() => second.IsCompleted, TimeSpan.FromMilliseconds(50), "the answer to the second post");

        Assert.Equal(200, await second);
        Assert.Contains("800000002", Assert.Single(await host.Services.GetRequiredService<IReceivedUpdates>().PendingAsync("telegram")).Payload);
        host.Api.HoldSends.SetResult();
        await host.Api.NextBotMessageAsync(chat, 1, "the answer to the second update");
        await host.Api.WaitForAsync(_ => host.Services.GetRequiredService<IReceivedUpdates>().PendingAsync("telegram").GetAwaiter().GetResult().Count == 0 ? "" : null, "the stored update to be removed by its turn");
    }

    [Fact]
    public async Task OtherPathsMethodsAndUnreadableBodiesAreRefused()
    {
        await using var host = await TelegramTestHost.StartAsync(webhook: true);
        await host.Api.WaitForAsync(a => a.WebhookUrl, "setWebhook");
        using var http = new HttpClient { BaseAddress = host.Api.WebhookTarget };
        using var get = new HttpRequestMessage(HttpMethod.Get, "/telegram/webhook");
        get.Headers.Add("X-Telegram-Bot-Api-Secret-Token", TelegramTestHost.WebhookSecret);
        using var garbage = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent("{not json", Encoding.UTF8, "application/json") };
        garbage.Headers.Add("X-Telegram-Bot-Api-Secret-Token", TelegramTestHost.WebhookSecret);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.SendAsync(get)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(garbage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/telegram/webhook/other", new StringContent("{}"))).StatusCode);
    }

    [Theory]
    [InlineData("\"date\":253402300800")] // 10000-01-01: beyond what DateTime holds
    [InlineData("\"date\":-99999999999999")]
    [InlineData("\"date\":\"tomorrow\"")]
    public async Task AnUpdateTheConverterCannotReadIsLoggedAndSkippedWith200NotA500(string date)
    {
        await using var host = await TelegramTestHost.StartAsync(webhook: true);
        await host.Api.WaitForAsync(a => a.WebhookUrl, "setWebhook");
        var chat = host.Api.PrivateChat(An);

        // Telegram re-sends anything but 2xx and the same bytes would fail again: it is answered 200 and skipped.
        var status = await host.Api.PushAsync(ForgedUpdate(chat, "/dot").Replace("\"date\":1795000000", date, StringComparison.Ordinal), TelegramTestHost.WebhookSecret);
        Assert.Equal(200, status);

        host.Api.Say(An, chat, "/dot");
        Assert.Contains("Hôm nay", (await host.Api.NextBotMessageAsync(chat, 0)).Text);
        Assert.Single(host.Api.BotMessagesIn(chat));
    }

    /// <summary>An update built by hand (not queued in the fake), e.g. for a forged or a repeated post.</summary>
    private static string ForgedUpdate(FakeChat chat, string text, int updateId = 800_000_001) =>
        $$$"""{"update_id":{{{updateId}}},"message":{"message_id":{{{700 + updateId % 100}}},"from":{"id":{{{An.Id}}},"is_bot":false,"first_name":"An","language_code":"vi"},"chat":{"id":{{{chat.Id}}},"type":"private","first_name":"An"},"date":1795000000,"text":"{{{text}}}","entities":[{"type":"bot_command","offset":0,"length":{{{text.Length}}}}]}}""";
}
