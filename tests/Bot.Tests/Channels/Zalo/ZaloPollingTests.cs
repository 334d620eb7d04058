using Bot.Channels.Zalo;
using Bot.Tests.Channels.Zalo.Fakes;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Channels.Zalo;

public class ZaloPollingTests
{
    [Fact]
    public async Task AMessageFromGetUpdatesIsAnsweredInItsChatWithNumberedChoices()
    {
        await using var zalo = await ZaloBot.StartAsync();
        var reply = Assert.Single(await zalo.SayAsync("/start", name: "Trần Thị Lan"));
        Assert.Contains("Xin chào Trần Thị Lan", reply);
        Assert.Contains("\n1. Phong trào thi đua", reply);
        Assert.DoesNotContain("<b>", reply);
    }

    [Fact]
    public async Task TheDocumentedEventsAreAnsweredWhetherOrNotTheyCarryAnEventName()
    {
        await using var zalo = await ZaloBot.StartAsync();
        // "Xin chào" verbatim from the docs: free text, answered in Ted's chat (whatever the answer is).
        Assert.Single(await zalo.DeliverAsync(ZaloFixtures.Event("text-private.json"), "6ede9afa66b88fe6d6a9"));
        var phase = await zalo.DeliverAsync(ZaloFixtures.Load("text-first-name-no-event.json"), "7a1b2c3d4e5f60718293");
        Assert.Contains("Hôm nay (24/11/2026)", Assert.Single(phase));
    }

    [Fact]
    public async Task AWebhookLeftFromWebhookModeIsRemovedAtStartSoPollingReceives()
    {
        await using var zalo = await ZaloBot.StartAsync(prepare: api => api.PresetWebhook("https://old.example.org/hook", "old-secret-123"));
        Assert.Single(await zalo.SayAsync("/dot"));
        Assert.Single(zalo.Api.CallsTo("deleteWebhook"));
        Assert.Null(zalo.Api.WebhookUrl);
        Assert.Contains(zalo.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("https://old.example.org/hook"));
    }

    [Fact]
    public async Task WithoutAWebhookNothingIsDeleted()
    {
        await using var zalo = await ZaloBot.StartAsync();
        Assert.Single(await zalo.SayAsync("/dot"));
        Assert.Equal(404, Assert.Single(zalo.Api.CallsTo("getWebhookInfo")).Status);
        Assert.Empty(zalo.Api.CallsTo("deleteWebhook"));
    }

    [Fact]
    public async Task ARedeliveredMessageIsAnsweredOnce()
    {
        await using var zalo = await ZaloBot.StartAsync();
        var update = ZaloFixtures.Text("/dot", messageId: "aaaabbbbccccddddeeee");
        Assert.Single(await zalo.DeliverAsync(update, "u1"));
        Assert.Empty(await zalo.DeliverAsync(update, "u1"));
        Assert.Single(await zalo.SayAsync("/dot"));
    }

    [Theory]
    [InlineData("unsupported.json")]
    [InlineData("image.json")]
    [InlineData("sticker.json")]
    public async Task PicturesStickersAndUnreadableMessagesGetAPoliteRequestForText(string fixture)
    {
        await using var zalo = await ZaloBot.StartAsync();
        var reply = Assert.Single(await zalo.DeliverAsync(ZaloFixtures.From(fixture), "u1"));
        Assert.Contains("Tôi chỉ đọc được tin nhắn chữ", reply);
    }

    [Fact]
    public async Task NothingArrivingIsNotAnErrorAndTheLoopAsksAgain()
    {
        await using var zalo = await ZaloBot.StartAsync();
        await ZaloBot.Eventually(() => zalo.Api.CallsTo("getUpdates").Count(c => c.Status == 408) >= 2, "two empty polls");
        Assert.DoesNotContain(zalo.Logs.AtLeast(LogLevel.Warning), l => l.Category.Contains("Zalo"));
        Assert.Single(await zalo.SayAsync("/dot"));
    }

    [Fact]
    public async Task OtherPollingErrorsBackOffFiveSecondsThenRecover()
    {
        await using var zalo = await ZaloBot.StartAsync(prepare: api =>
        {
            api.Fail("getUpdates", 502, "Bad Gateway");
            api.Enqueue(ZaloFixtures.Text("/dot"));
        });
        await zalo.WaitForHandledAsync(1, advanceClock: true);
        var polls = zalo.Api.CallsTo("getUpdates");
        Assert.Equal(502, polls[0].Status);
        Assert.True(polls[1].At - polls[0].At >= TimeSpan.FromSeconds(5), "waited 5 s, not spinning");
        Assert.Single(zalo.Api.SentTo("u1"));
        Assert.Single(zalo.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("Zalo polling failed"));
    }

    [Fact]
    public async Task AWrongTokenStopsTheZaloChannelWithOneClearMessageAndNoRetries()
    {
        await using var zalo = await ZaloBot.StartAsync(settings: new Dictionary<string, string?> { ["Zalo:BotToken"] = "1459232241454765289:revoked-token" });
        // The receiver has given up for good once its loop has ended: nothing can call Zalo after that.
        var polling = zalo.Bot.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ZaloPollingService>().Single();
        await ZaloBot.Eventually(() => polling.ExecuteTask is { IsCompleted: true }, "the receiver to give up");
        Assert.Equal(["getMe"], zalo.Api.Calls.Select(c => c.Method));
        Assert.Equal(401, zalo.Api.Calls[0].Status);
        Assert.Contains("Zalo rejected the bot token", Assert.Single(zalo.Logs.AtLeast(LogLevel.Critical)).Message);
        Assert.DoesNotContain(zalo.Logs.Lines, l => l.ToString().Contains("revoked-token"));
    }

    [Fact]
    public async Task StoppingTheServiceLetsARunningTurnFinishItsAnswer()
    {
        await using var zalo = await ZaloBot.StartAsync();
        var gate = zalo.Bot.Services.GetRequiredService<SlowGate>();
        _ = zalo.DeliverAsync(ZaloFixtures.Text("/cham"), "u1");
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var polling = zalo.Bot.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ZaloPollingService>().Single();
        var stopping = zalo.Bot.App.StopAsync();
        var answeredWhenStopped = stopping.ContinueWith(_ => zalo.Api.SentTo("u1").Count, TaskScheduler.Default);
        // The receiver stops first; the answer is let through only then, while the stop waits for the turn.
        await ZaloBot.Eventually(() => polling.ExecuteTask is { IsCompleted: true }, "the receiver to stop");
        Assert.False(stopping.IsCompleted, "the stop waits for the member's answer");
        gate.Open.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await answeredWhenStopped);
        Assert.Equal(["xong"], zalo.Api.SentTo("u1"));
    }
}
