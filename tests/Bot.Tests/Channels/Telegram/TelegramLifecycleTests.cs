using System.Diagnostics;
using Bot.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Channels.Telegram;

public class TelegramLifecycleTests
{
    private static readonly FakeUser An = new(1001, "An");

    [Fact]
    public async Task StoppingTheHostEndsAnOpenLongPollAtOnce()
    {
        await using var host = await TelegramTestHost.StartAsync();
        await host.Api.WaitForPollAsync();

        var clock = Stopwatch.StartNew();
        await host.Bot.App.StopAsync();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopping took {clock.Elapsed}");
        await host.Api.WaitForAsync(a => a.PollsAborted == 1, "the open poll to be abandoned");
        Assert.Equal(1, host.Api.PollsStarted);
    }

    [Fact]
    public async Task AnAnswerBeingSentWhenTheHostStopsIsFinished()
    {
        await using var host = await TelegramTestHost.StartAsync();
        var chat = host.Api.PrivateChat(An);
        host.Api.HoldSends = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Api.Say(An, chat, "/dot");
        await host.Api.WaitForAsync(a => a.PendingUpdates == 0 && a.PollsStarted >= 2, "the update taken");

        var stopping = host.Bot.App.StopAsync();
        await host.Api.WaitForAsync(a => a.PollsAborted == 1 ? "stopped" : null, "the receiver to stop");
        host.Api.HoldSends.SetResult();
        await stopping;

        Assert.Contains("Hôm nay", Assert.Single(host.Api.BotMessagesIn(chat)).Text);
    }

    [Fact]
    public async Task ASecondInstanceOnTheSameTokenIsReportedAndPollingBacksOff()
    {
        await using var host = await TelegramTestHost.StartAsync(arrange: api => api.ConflictOnNextPoll());

        await host.Api.WaitForAsync(a => a.Calls.Any(c => c is { Method: "getUpdates", Status: 409 }), "the 409");
        var error = await host.Api.WaitForAsync(_ => host.Logs.Lines.FirstOrDefault(l => l.Level == LogLevel.Error && l.Text.Contains("another instance")).Text, "the error log");
        Assert.Contains("one instance per bot token", error);
        await Task.Delay(100); // real time: no new request may come before the bot's clock moves on
        Assert.Single(host.Api.Calls, c => c.Method == "getUpdates");

        host.Time.Advance(TimeSpan.FromSeconds(30));
        await host.Api.WaitForPollAsync();
    }

    [Fact]
    public async Task PollingErrorsArePausedForLongerEachTimeNotRetriedInAStorm()
    {
        await using var host = await TelegramTestHost.StartAsync(arrange: api => api.Fail("getUpdates", 502, "Bad Gateway", times: 3));
        await host.Api.WaitForAsync(a => a.Calls.Any(c => c is { Method: "getUpdates", Status: 502 }), "the first failure");
        await Task.Delay(100); // real time: nothing more may be asked before the bot's clock moves on
        Assert.Single(host.Api.Calls, c => c.Method == "getUpdates");
        var start = host.Time.GetUtcNow();

        await host.AdvanceUntilAsync(() => host.Api.PollOpen, TimeSpan.FromMilliseconds(500), "polling to resume");

        // Pauses of 1, 2 and 4 s: at least 7 s of the bot's clock, and exactly one request after each pause.
        Assert.True(host.Time.GetUtcNow() - start >= TimeSpan.FromSeconds(7), $"resumed after {host.Time.GetUtcNow() - start}");
        Assert.Equal(3, host.Api.Calls.Count(c => c is { Method: "getUpdates", Status: 502 }));
        Assert.Equal(1, host.Api.PollsStarted);
        var chat = host.Api.PrivateChat(An);
        host.Api.Say(An, chat, "/dot");
        Assert.Contains("Hôm nay", (await host.Api.NextBotMessageAsync(chat, 0)).Text);
    }

    [Fact]
    public async Task ARejectedTokenFailsTheStartWithAClearMessage()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TelegramTestHost.StartAsync(arrange: api => api.Fail("getMe", 401, "Unauthorized")));

        Assert.Contains("Telegram rejected Telegram:BotToken", ex.Message);
        Assert.Equal("Bot", ex.Source); // what BotHost.RunAsync prints as a message instead of a stack trace
        Assert.DoesNotContain(FakeTelegramApi.Token, ex.Message);
    }

    [Fact]
    public async Task AnUnreachableTelegramDoesNotStopTheStartAndIsRetried()
    {
        await using var host = await TelegramTestHost.StartAsync(arrange: api => api.Fail("getMe", 502, "Bad Gateway"));

        await host.AdvanceUntilAsync(() => host.Api.PollOpen, TimeSpan.FromMilliseconds(500), "polling after getMe succeeds");

        Assert.Equal(2, host.Api.Calls.Count(c => c.Method == "getMe"));
    }
}
