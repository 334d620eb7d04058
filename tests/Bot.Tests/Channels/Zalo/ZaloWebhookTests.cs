using System.Net;
using Bot.Channels.Zalo;
using Bot.Storage;
using Bot.Tests.Channels.Zalo.Fakes;

namespace Bot.Tests.Channels.Zalo;

public class ZaloWebhookTests
{
    [Fact]
    public async Task AtStartTheWebhookIsRegisteredWithItsSecretAndNothingPolls()
    {
        await using var zalo = await ZaloBot.StartAsync(ZaloMode.Webhook, settings: new Dictionary<string, string?> { ["Logging:LogLevel:Bot"] = "Information" });
        Assert.Equal("https://bot.example.org/zalo/webhook", zalo.Api.WebhookUrl);
        Assert.Equal(ZaloBot.WebhookSecret, zalo.Api.WebhookSecret);
        Assert.Empty(zalo.Bot.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ZaloPollingService>());
        Assert.Empty(zalo.Api.CallsTo("getUpdates"));
        // The port is random by default: the log says where the proxy must forward to.
        var local = zalo.WebhookEndpoint;
        Assert.Contains(zalo.Logs.Lines, l => l.Message.Contains($"listening locally on http://127.0.0.1:{local.Port}") && l.Message.EndsWith(" at /zalo/webhook"));
    }

    [Fact]
    public async Task APushWithTheRightSecretIsAcknowledgedAndAnswered()
    {
        await using var zalo = await ZaloBot.StartAsync(ZaloMode.Webhook);
        var envelope = ZaloFixtures.Load("text-private.json");
        envelope["result"]!["message"]!["text"] = "/dot";
        var expected = zalo.ExpectOneMore();
        using var response = await zalo.Api.PushAsync(zalo.WebhookEndpoint, envelope.ToJsonString(), ZaloBot.WebhookSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await zalo.WaitForHandledAsync(expected);
        Assert.Contains("Hôm nay (24/11/2026)", Assert.Single(zalo.Api.SentTo("6ede9afa66b88fe6d6a9")));
    }

    [Fact]
    public async Task ABareEventWithoutTheEnvelopeIsAcceptedToo()
    {
        await using var zalo = await ZaloBot.StartAsync(ZaloMode.Webhook);
        var expected = zalo.ExpectOneMore();
        using var response = await zalo.Api.PushAsync(zalo.WebhookEndpoint, ZaloFixtures.Text("/dot", userId: "bare").ToJsonString(), ZaloBot.WebhookSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await zalo.WaitForHandledAsync(expected);
        Assert.Single(zalo.Api.SentTo("bare"));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("webhook-secret-for-tesTs", HttpStatusCode.Forbidden)]
    [InlineData("short", HttpStatusCode.Forbidden)]
    [InlineData("", HttpStatusCode.Forbidden)]
    public async Task APushWithoutTheRightSecretIsRefusedAndNotHandled(string? secret, HttpStatusCode status)
    {
        await using var zalo = await ZaloBot.StartAsync(ZaloMode.Webhook);
        using var response = await zalo.Api.PushAsync(zalo.WebhookEndpoint, ZaloFixtures.Text("/dot", userId: "intruder").ToJsonString(), secret);
        Assert.Equal(status, response.StatusCode);
        // Pushes are handled in order: once a later good one is handled, the refused one would have been too.
        var expected = zalo.ExpectOneMore();
        using var good = await zalo.Api.PushAsync(zalo.WebhookEndpoint, ZaloFixtures.Text("/dot", userId: "member").ToJsonString(), ZaloBot.WebhookSecret);
        await zalo.WaitForHandledAsync(expected);
        Assert.Equal(1, zalo.Inbox.Handled);
        Assert.Single(zalo.Api.SentTo("member"));
        Assert.Empty(zalo.Api.SentTo("intruder"));
    }

    [Fact]
    public async Task ThePushIsAcknowledgedBeforeTheAnswerIsReady()
    {
        await using var zalo = await ZaloBot.StartAsync(ZaloMode.Webhook);
        var gate = zalo.Bot.Services.GetRequiredService<SlowGate>();
        var expected = zalo.ExpectOneMore();
        var push = zalo.Api.PushAsync(zalo.WebhookEndpoint, ZaloFixtures.Text("/cham").ToJsonString(), ZaloBot.WebhookSecret);
        // The turn is slow: "200" comes when the event's bound runs out and it is stored alone.
        await ZaloBot.Eventually(() => push.IsCompleted, "the answer to the push", zalo.Time);
        using var response = await push;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Empty(zalo.Api.SentTo("u1"));
        Assert.Single(await zalo.Bot.Services.GetRequiredService<IReceivedUpdates>().PendingAsync("zalo"));
        gate.Open.SetResult();
        await zalo.WaitForHandledAsync(expected);
        Assert.Equal(["xong"], zalo.Api.SentTo("u1"));
    }

    [Fact]
    public async Task AQuickTurnsEventIsAnswered200AfterOneCommitThatStoresTheTurnInsteadOfTheEvent()
    {
        await using var zalo = await ZaloBot.StartAsync(ZaloMode.Webhook);
        var writer = zalo.Bot.Services.GetRequiredService<StorageWriter>();
        var first = zalo.ExpectOneMore();
        // The chat is new at its first message, which commits it on its own.
        using (var response = await zalo.Api.PushAsync(zalo.WebhookEndpoint, ZaloFixtures.Text("/trogiup", messageId: "m-1").ToJsonString(), ZaloBot.WebhookSecret))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await zalo.WaitForHandledAsync(first);
        var before = writer.Transactions;

        // The fake clock stands still: the stored copy's bound never runs out, so only the turn's commit can answer.
        using (var response = await zalo.Api.PushAsync(zalo.WebhookEndpoint, ZaloFixtures.Text("/dot", messageId: "m-2").ToJsonString(), ZaloBot.WebhookSecret))
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        Assert.Equal(before + 1, writer.Transactions);
        Assert.Empty(await zalo.Bot.Services.GetRequiredService<IReceivedUpdates>().PendingAsync("zalo"));
    }

    [Fact]
    public async Task ARepeatedPushOfTheSameMessageIsAnsweredOnce()
    {
        await using var zalo = await ZaloBot.StartAsync(ZaloMode.Webhook);
        var body = ZaloFixtures.Text("/dot", messageId: "11112222333344445555").ToJsonString();
        foreach (var _ in new[] { 1, 2 })
        {
            var expected = zalo.ExpectOneMore();
            using var response = await zalo.Api.PushAsync(zalo.WebhookEndpoint, body, ZaloBot.WebhookSecret);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await zalo.WaitForHandledAsync(expected);
        }
        Assert.Single(zalo.Api.SentTo("u1"));
    }

    [Fact]
    public async Task ABodyThatIsNotJsonIsABadRequest()
    {
        await using var zalo = await ZaloBot.StartAsync(ZaloMode.Webhook);
        using var response = await zalo.Api.PushAsync(zalo.WebhookEndpoint, "{not json", ZaloBot.WebhookSecret);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("999999999999999999")] // milliseconds far beyond year 9999
    [InlineData("\"soon\"")]
    [InlineData("{\"nested\":true}")]
    public async Task AnEventWithADateThatCannotBeReadIsAnsweredNever500(string date)
    {
        await using var zalo = await ZaloBot.StartAsync(ZaloMode.Webhook);
        var body = ZaloFixtures.From("text-private.json", change: m =>
        {
            m["text"] = "/dot";
            m["date"] = System.Text.Json.Nodes.JsonNode.Parse(date);
        }).ToJsonString();
        var expected = zalo.ExpectOneMore();
        using var response = await zalo.Api.PushAsync(zalo.WebhookEndpoint, body, ZaloBot.WebhookSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await zalo.WaitForHandledAsync(expected); // the date is not needed to answer: the bot's clock stands in
        Assert.Single(zalo.Api.SentTo("u1"));
    }

    [Fact]
    public async Task WellFormedJsonOfAnotherShapeIsSkippedWith200()
    {
        await using var zalo = await ZaloBot.StartAsync(ZaloMode.Webhook);
        foreach (var body in new[] { "[]", "42", "{\"message\":{\"chat\":{\"id\":[1,2]}}}", "{\"result\":{\"message\":\"x\"}}" })
        {
            using var response = await zalo.Api.PushAsync(zalo.WebhookEndpoint, body, ZaloBot.WebhookSecret);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Empty(zalo.Api.SentTo("u1"));
    }

    [Fact]
    public async Task AnOversizedBodyIsRefused()
    {
        await using var zalo = await ZaloBot.StartAsync(ZaloMode.Webhook);
        var huge = ZaloFixtures.Text(new string('a', 300 * 1024)).ToJsonString();
        using var response = await zalo.Api.PushAsync(zalo.WebhookEndpoint, huge, ZaloBot.WebhookSecret);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, zalo.Inbox.Handled);
    }

    [Fact]
    public async Task ARejectedSetWebhookIsRetriedWithBackoff()
    {
        await using var zalo = await ZaloBot.StartAsync(ZaloMode.Webhook, prepare: api => api.Fail("setWebhook", 500, "Internal"));
        Assert.Equal([500, 200], zalo.Api.CallsTo("setWebhook").Select(c => c.Status));
    }
}
