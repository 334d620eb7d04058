using Bot.Broadcasts;
using Bot.Pacing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Pacing;

/// <summary>
/// These tests step a fake clock and give the pacer a couple of real milliseconds to react; run alone, so other
/// test classes loading both cores cannot make a grant look late.
/// </summary>
[Collection(nameof(SendPacerTests))]
public class SendPacerTests
{
    private readonly FakeTimeProvider _time = new(TestBot.DefaultNow);

    [Fact]
    public async Task BroadcastMessagesNeverExceedTheConfiguredRateInAnySecond()
    {
        var pacer = Pacer(rate: 10);
        var granted = await GrantTimesAsync(pacer, Enumerable.Range(0, 40).Select(i => Private($"c{i}")).ToList(), SendPriority.Broadcast, TimeSpan.FromSeconds(5));

        Assert.Equal(40, granted.Count);
        Assert.True(MostInAnyWindow(granted, TimeSpan.FromSeconds(1)) <= 11, $"{MostInAnyWindow(granted, TimeSpan.FromSeconds(1))} in one second"); // rate + burst of 2
        Assert.InRange(granted.Max() - _time.Start, TimeSpan.FromSeconds(3.7), TimeSpan.FromSeconds(4.1)); // 40 at 10/s, two at once at the start
    }

    [Fact]
    public async Task AReplyGoesAtOnceWhileBroadcastMessagesWaitAndTheyMakeRoomForIt()
    {
        var pacer = Pacer(rate: 10);
        var queued = Enumerable.Range(0, 5).Select(i => pacer.WaitAsync(Private($"c{i}"), SendPriority.Broadcast, default).AsTask()).ToList();
        Assert.Equal(2, queued.Count(t => t.IsCompleted)); // the burst

        var reply = pacer.WaitAsync(Private("member"), SendPriority.Reply, default);
        Assert.True(reply.IsCompleted);

        // The reply took a slot: after 100 ms the next broadcast message still waits, after 200 ms it goes.
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await Task.Yield();
        Assert.Equal(2, queued.Count(t => t.IsCompleted));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await queued[2].WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task APauseAfterA429HoldsRepliesAndBroadcastsUntilRetryAfterHasPassed()
    {
        var pacer = Pacer(rate: 10);
        pacer.Pause("test", TimeSpan.FromSeconds(3));
        var reply = pacer.WaitAsync(Private("member"), SendPriority.Reply, default).AsTask();
        var broadcast = pacer.WaitAsync(Private("other"), SendPriority.Broadcast, default).AsTask();

        _time.Advance(TimeSpan.FromSeconds(2.9));
        await Task.Delay(20);
        Assert.False(reply.IsCompleted);
        Assert.False(broadcast.IsCompleted);

        _time.Advance(TimeSpan.FromMilliseconds(100));
        await reply.WaitAsync(TimeSpan.FromSeconds(5));
        await broadcast.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task AGroupGetsAtMostTwentyMessagesAMinuteAndThreeAtATime()
    {
        var pacer = Pacer(rate: 25);
        var group = new ConversationAddress("test", "g1", ChatKind.Group);
        var granted = await GrantTimesAsync(pacer, Enumerable.Repeat(group, 25).ToList(), SendPriority.Broadcast, TimeSpan.FromMinutes(3), sequential: true, step: TimeSpan.FromMilliseconds(250));

        Assert.Equal(25, granted.Count);
        Assert.True(MostInAnyWindow(granted, TimeSpan.FromMinutes(1)) <= 20);
        Assert.True(MostInAnyWindow(granted, TimeSpan.FromSeconds(3)) <= 3);
    }

    [Fact]
    public async Task APrivateChatGetsAShortBurstThenAboutOneMessageASecond()
    {
        var pacer = Pacer(rate: 25);
        var granted = await GrantTimesAsync(pacer, Enumerable.Repeat(Private("m1"), 9).ToList(), SendPriority.Broadcast, TimeSpan.FromSeconds(20), sequential: true);

        Assert.Equal(3, granted.Count(t => t - _time.Start < TimeSpan.FromMilliseconds(100))); // the chat's burst (the channel spaces them by 40 ms)
        Assert.True(MostInAnyWindow(granted, TimeSpan.FromSeconds(3)) <= 3);
        Assert.InRange(granted.Max() - _time.Start, TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(6.5)); // the fake clock steps while a loaded machine catches up
    }

    [Fact]
    public async Task RepliesToAChatCountAgainstItsWindowForTheNextBroadcastMessage()
    {
        var pacer = Pacer(rate: 25);
        for (var i = 0; i < 3; i++) Assert.True(pacer.WaitAsync(Private("m1"), SendPriority.Reply, default).IsCompleted);
        var granted = await GrantTimesAsync(pacer, [Private("m1")], SendPriority.Broadcast, TimeSpan.FromSeconds(5), sequential: true);
        Assert.Equal(_time.Start + TimeSpan.FromSeconds(3.1), granted.Single()); // the window and its margin for arrival
    }

    [Fact]
    public async Task RepliesBeyondTheirBurstWaitForTheBudgetInsteadOfMeetingA429()
    {
        var pacer = Pacer(rate: 10);
        var granted = await GrantTimesAsync(pacer, Enumerable.Range(0, 30).Select(i => Private($"m{i}")).ToList(), SendPriority.Reply, TimeSpan.FromSeconds(5));

        Assert.Equal(30, granted.Count);
        Assert.Equal(4, granted.Count(t => t == _time.Start)); // the replies' burst
        Assert.True(MostInAnyWindow(granted, TimeSpan.FromSeconds(1)) <= 14, $"{MostInAnyWindow(granted, TimeSpan.FromSeconds(1))} in one second"); // rate + burst of 4
    }

    [Fact]
    public async Task WaitingRepliesGoBeforeWaitingBroadcastMessages()
    {
        var pacer = Pacer(rate: 10);
        var broadcasts = Enumerable.Range(0, 6).Select(i => pacer.WaitAsync(Private($"b{i}"), SendPriority.Broadcast, default).AsTask()).ToList();
        var replies = Enumerable.Range(0, 6).Select(i => pacer.WaitAsync(Private($"m{i}"), SendPriority.Reply, default).AsTask()).ToList();

        for (var step = 0; step < 100 && !replies.All(r => r.IsCompleted); step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1);
        }

        Assert.All(replies, r => Assert.True(r.IsCompleted));
        Assert.True(broadcasts.Count(b => b.IsCompleted) <= 3, $"{broadcasts.Count(b => b.IsCompleted)} broadcast messages went before the replies");
    }

    [Fact]
    public async Task AFourthReplyToOneChatWithinItsWindowWaitsForTheWindow()
    {
        var pacer = Pacer(rate: 25);
        for (var i = 0; i < 3; i++) Assert.True(pacer.WaitAsync(Private("m1"), SendPriority.Reply, default).IsCompleted);

        var granted = await GrantTimesAsync(pacer, [Private("m1")], SendPriority.Reply, TimeSpan.FromSeconds(5), sequential: true);

        Assert.Equal(_time.Start + TimeSpan.FromSeconds(3.1), granted.Single());
    }

    [Fact]
    public void AChannelWithoutLimitsIsNotPacedButStillPausesOnA429()
    {
        var pacer = Pacer(rate: 10);
        var local = new ConversationAddress("local", "local", ChatKind.Private);
        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(pacer.WaitAsync(local, SendPriority.Broadcast, default).IsCompleted));

        pacer.Pause("local", TimeSpan.FromSeconds(1));
        var waiting = pacer.WaitAsync(local, SendPriority.Reply, default);
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(SpinWait.SpinUntil(() => waiting.IsCompleted, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ACancelledWaitGivesItsTurnToTheNext()
    {
        var pacer = Pacer(rate: 1);
        Assert.True(pacer.WaitAsync(Private("a"), SendPriority.Broadcast, default).IsCompleted);
        Assert.True(pacer.WaitAsync(Private("b"), SendPriority.Broadcast, default).IsCompleted);
        using var cts = new CancellationTokenSource();
        var cancelled = pacer.WaitAsync(Private("c"), SendPriority.Broadcast, cts.Token).AsTask();
        var next = pacer.WaitAsync(Private("d"), SendPriority.Broadcast, default).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        _time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private SendPacer Pacer(double rate) =>
        new([], Options.Create(new PacingOptions { Channels = { ["test"] = new ChannelLimits { MessagesPerSecond = rate } } }), _time);

    private static ConversationAddress Private(string chat) => new("test", chat, ChatKind.Private);

    /// <summary>When each wait was let through, on the fake clock, stepping it by <paramref name="step"/> (10 ms by default).</summary>
    private async Task<List<DateTimeOffset>> GrantTimesAsync(
        SendPacer pacer, IReadOnlyList<ConversationAddress> to, SendPriority priority, TimeSpan horizon, bool sequential = false, TimeSpan? step = null)
    {
        var tick = step ?? TimeSpan.FromMilliseconds(10);
        var granted = new List<DateTimeOffset>();
        var end = _time.GetUtcNow() + horizon;
        if (sequential)
        {
            foreach (var address in to)
            {
                // The grant's time is read on the fake clock the moment the wait completes (usually inside Advance),
                // not when this loop notices it: on a loaded machine the loop may have stepped the clock meanwhile,
                // which made grants look bunched together.
                var wait = pacer.WaitAsync(address, priority, default).AsTask()
                    .ContinueWith(_ => _time.GetUtcNow(), TaskContinuationOptions.ExecuteSynchronously);
                while (!await DoneAsync(wait) && _time.GetUtcNow() < end) _time.Advance(tick);
                if (wait.IsCompleted) granted.Add(wait.Result);
            }
            return granted;
        }
        var waits = to.Select(a => pacer.WaitAsync(a, priority, default).AsTask()).ToList();
        var seen = new bool[waits.Count];
        while (true)
        {
            await Task.Delay(1);
            for (var i = 0; i < waits.Count; i++)
                if (!seen[i] && waits[i].IsCompleted) (seen[i], granted) = (true, [.. granted, _time.GetUtcNow()]);
            if (granted.Count == waits.Count || _time.GetUtcNow() >= end) return granted;
            _time.Advance(tick);
        }
    }

    private static async Task<bool> DoneAsync(Task wait)
    {
        await Task.WhenAny(wait, Task.Delay(5));
        return wait.IsCompleted;
    }

    private static int MostInAnyWindow(List<DateTimeOffset> times, TimeSpan window)
    {
        var sorted = times.Order().ToList();
        var most = 0;
        for (var i = 0; i < sorted.Count; i++)
            most = Math.Max(most, sorted.Skip(i).TakeWhile(t => t - sorted[i] < window).Count());
        return most;
    }
}

[CollectionDefinition(nameof(SendPacerTests), DisableParallelization = true)]
public sealed class SendPacerTestsCollection;
