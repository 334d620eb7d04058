using Bot.Tests.Channels.Zalo.Fakes;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Channels.Zalo;

public class ZaloSendingTests
{
    [Fact]
    public async Task A4500CharacterAnswerArrivesAsThreeMessagesCutBetweenParagraphs()
    {
        await using var zalo = await ZaloBot.StartAsync();
        var replies = await zalo.SayAsync("/dai");
        Assert.Equal(4500, LongAnswerCommand.Text.Length);
        Assert.Equal(3, replies.Count);
        Assert.All(replies, r => Assert.InRange(r.Length, 1, 2000));
        Assert.All(replies, r => Assert.StartsWith("Đoạn ", r));
        Assert.Equal(LongAnswerCommand.Text, string.Join("\n\n", replies));
    }

    [Fact]
    public async Task ARateLimitedSendIsRetriedAfterAPauseAndDelivered()
    {
        await using var zalo = await ZaloBot.StartAsync(prepare: api => api.Fail("sendMessage", 429, "Quota exceeded"));
        var replies = await zalo.DeliverAsync(ZaloFixtures.Text("/dot"), "u1", advanceClock: true);
        Assert.Contains("Hôm nay (24/11/2026)", Assert.Single(replies));
        Assert.Equal([429, 200], zalo.Api.CallsTo("sendMessage").Select(c => c.Status));
    }

    [Fact]
    public async Task RateLimitsThatLastArePassedToTheDeliveryRoadWhichPausesAndRetries()
    {
        // Three 429s exhaust the connector's own attempts; the pipeline's delivery pauses and tries the same piece again.
        await using var zalo = await ZaloBot.StartAsync(prepare: api => api.Fail("sendMessage", 429, "Quota exceeded", times: 3));
        var replies = await zalo.DeliverAsync(ZaloFixtures.Text("/dot"), "u1", advanceClock: true);
        Assert.Single(replies);
        Assert.Equal([429, 429, 429, 200], zalo.Api.CallsTo("sendMessage").Select(c => c.Status));
    }

    [Fact]
    public async Task ServerErrorsAreRetriedWithGrowingPauses()
    {
        await using var zalo = await ZaloBot.StartAsync(prepare: api => api.Fail("sendMessage", 502, "Bad Gateway", times: 2));
        Assert.Single(await zalo.DeliverAsync(ZaloFixtures.Text("/dot"), "u1", advanceClock: true));
        var calls = zalo.Api.CallsTo("sendMessage");
        Assert.Equal([502, 502, 200], calls.Select(c => c.Status));
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1), "1 s before the second attempt");
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromSeconds(2), "2 s before the third attempt");
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    public async Task ARefusedSendIsNeverRetriedAndTheMemberGetsTheApology(int code)
    {
        await using var zalo = await ZaloBot.StartAsync(prepare: api => api.Fail("sendMessage", code, "refused"));
        var replies = await zalo.DeliverAsync(ZaloFixtures.Text("/dot"), "u1", advanceClock: true);
        var calls = zalo.Api.CallsTo("sendMessage");
        Assert.Equal(code, calls[0].Status);
        Assert.Single(calls, c => c.Str("text").Contains("Hôm nay"));
        Assert.Contains("Xin lỗi, tôi gặp sự cố", Assert.Single(replies));
        Assert.Contains(zalo.Logs.Lines, l => l.Level == LogLevel.Error && l.Exception?.Contains($"({code})") == true);
    }

    [Fact]
    public async Task ASlowAnswerShowsTypingFirst()
    {
        await using var zalo = await ZaloBot.StartAsync();
        var gate = zalo.Bot.Services.GetRequiredService<SlowGate>();
        var answered = zalo.DeliverAsync(ZaloFixtures.Text("/cham"), "u1");
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(zalo.Api.CallsTo("sendChatAction")); // the clock has not moved: not slow yet
        await ZaloBot.Eventually(() => zalo.Api.CallsTo("sendChatAction").Count > 0, "the typing indicator", zalo.Time);
        var typing = zalo.Api.CallsTo("sendChatAction")[0];
        Assert.Equal(("u1", "typing"), (typing.Str("chat_id"), typing.Str("action")));
        gate.Open.SetResult();
        Assert.Equal(["xong"], await answered);
        Assert.Equal(["sendChatAction", "sendMessage"], zalo.Api.Calls.Select(c => c.Method).Where(m => m.StartsWith("send", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AFastAnswerShowsNoTyping()
    {
        await using var zalo = await ZaloBot.StartAsync();
        Assert.Single(await zalo.SayAsync("/dot"));
        await zalo.IdleAsync();
        zalo.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Empty(zalo.Api.CallsTo("sendChatAction"));
    }

    [Fact]
    public async Task AnEditArrivesAsANewMessage()
    {
        await using var zalo = await ZaloBot.StartAsync();
        Assert.Equal(["bản 1", "bản 2"], await zalo.SayAsync("/sua"));
    }

    [Fact]
    public async Task ALongAnswerGoesAtOnceAndBroadcastMessagesArePacedToTheConfiguredRate()
    {
        await using var zalo = await ZaloBot.StartAsync(settings: new Dictionary<string, string?> { ["Pacing:Channels:zalo:MessagesPerSecond"] = "2" });
        // A member waiting for an answer gets all its parts at once; they are charged to Zalo's budget.
        Assert.Equal(3, (await zalo.DeliverAsync(ZaloFixtures.Text("/dai"), "u1")).Count);
        // The one pacer (declared by the Zalo connector, set here to 2/s): the next broadcast message waits its turn.
        var pacer = zalo.Bot.Services.GetRequiredService<Bot.Pacing.SendPacer>();
        var next = pacer.WaitAsync(new ConversationAddress("zalo", "u2", ChatKind.Private), SendPriority.Broadcast, default).AsTask();
        Assert.False(next.IsCompleted);
        zalo.Time.Advance(TimeSpan.FromSeconds(2));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task TheTokenNeverAppearsInAnyLogLine()
    {
        await using var zalo = await ZaloBot.StartAsync(
            settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace", ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace" },
            prepare: api =>
            {
                api.Fail("getUpdates", 500, "Internal");
                api.Fail("sendMessage", 429, "Quota exceeded");
                api.Fail("sendMessage", 400, "Bad Request");
                api.Enqueue(ZaloFixtures.Text("/dot"));
            });
        await zalo.WaitForHandledAsync(1, advanceClock: true);
        Assert.NotEmpty(zalo.Logs.AtLeast(LogLevel.Warning));
        var secret = FakeZaloApi.Token.Split(':')[1];
        Assert.DoesNotContain(zalo.Logs.Lines, l => l.ToString().Contains(secret, StringComparison.Ordinal));
    }
}
