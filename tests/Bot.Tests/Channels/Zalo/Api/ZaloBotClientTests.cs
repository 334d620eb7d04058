using System.Text.Json.Nodes;
using Bot.Channels.Zalo;
using Bot.Channels.Zalo.Api;
using Bot.Tests.Channels.Zalo.Fakes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Channels.Zalo.Api;

public sealed class ZaloBotClientTests : IAsyncLifetime
{
    private FakeZaloApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeZaloApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private ZaloBotClient Client(string token = FakeZaloApi.Token, TimeProvider? time = null, int pollSeconds = 1)
    {
        var http = new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>();
        var options = Options.Create(new ZaloOptions { BotToken = token, ApiBaseUrl = _api.BaseUrl, PollTimeoutSeconds = pollSeconds });
        return new ZaloBotClient(http, options, time ?? TimeProvider.System);
    }

    [Fact]
    public async Task AWrongTokenIsRejectedWith401AndTheErrorDoesNotShowTheToken()
    {
        const string wrong = "1459232241454765289:not-the-right-secret";
        var ex = await Assert.ThrowsAsync<ZaloApiException>(() => Client(wrong).GetMeAsync(default));
        Assert.Equal(401, ex.ErrorCode);
        Assert.False(ex.IsTransient);
        Assert.DoesNotContain("not-the-right-secret", ex.ToString());
    }

    [Fact]
    public async Task GetUpdatesHandsOutOneUpdatePerCallThenNothingAfterA408()
    {
        _api.Enqueue(ZaloFixtures.Text("một"));
        _api.Enqueue(ZaloFixtures.Text("hai"));
        var client = Client();
        Assert.Equal("một", Assert.Single(await client.GetUpdatesAsync(default)).Message.Text);
        Assert.Equal("hai", Assert.Single(await client.GetUpdatesAsync(default)).Message.Text);
        Assert.Empty(await client.GetUpdatesAsync(default));
        Assert.Equal([200, 200, 408], _api.CallsTo("getUpdates").Select(c => c.Status));
        Assert.Equal("1", _api.CallsTo("getUpdates")[0].Str("timeout"));
    }

    [Fact]
    public async Task GetUpdatesGivesUpAfterThePollTimeoutPlusTenSeconds()
    {
        _api.HangGetUpdates = true;
        var time = new FakeTimeProvider();
        var poll = Client(time: time, pollSeconds: 30).GetUpdatesAsync(default); // the timeout runs on the fake clock from here
        time.Advance(TimeSpan.FromSeconds(39));
        await Task.Delay(20); // a timeout that had fired would end the call at once
        Assert.False(poll.IsCompleted, "still within 30 + 10 s");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await poll.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task SendMessageReturnsTheMessageIdAndTheFakeRejectsTextOver2000Characters()
    {
        var client = Client();
        var sent = await client.SendMessageAsync("chat1", "Xin chào", default);
        Assert.Matches("^[0-9a-f]{20}$", sent.MessageId);
        var ex = await Assert.ThrowsAsync<ZaloApiException>(() => client.SendMessageAsync("chat1", new string('a', 2001), default));
        Assert.Equal(400, ex.ErrorCode);
        Assert.Equal(["Xin chào"], _api.SentTo("chat1"));
    }

    [Fact]
    public async Task TheWebhookStateIsKeptAndBlocksGetUpdatesWhileSet()
    {
        var client = Client();
        Assert.Null(await client.GetWebhookInfoAsync(default));
        await client.SetWebhookAsync("https://bot.example.org/zalo/webhook", "a-long-secret", default);
        Assert.Equal("https://bot.example.org/zalo/webhook", (await client.GetWebhookInfoAsync(default))?.Url);
        Assert.Equal("a-long-secret", _api.WebhookSecret);
        Assert.Equal(400, (await Assert.ThrowsAsync<ZaloApiException>(() => client.GetUpdatesAsync(default))).ErrorCode);
        await client.DeleteWebhookAsync(default);
        Assert.Null(await client.GetWebhookInfoAsync(default));
    }

    [Fact]
    public async Task NoAnswerAtAllIsATransientNetworkFailure()
    {
        // Nothing listens on the fake's address once it is stopped: no answer at all is error 0, transient.
        var client = Client();
        await _api.DisposeAsync();
        var ex = await Assert.ThrowsAsync<ZaloApiException>(() => client.SendMessageAsync("c", "x", default));
        Assert.Equal(0, ex.ErrorCode);
        Assert.True(ex.IsTransient);
        _api = await FakeZaloApi.StartAsync();
    }
}
