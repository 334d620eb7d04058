using Bot.Builder.Pipeline;

namespace Bot.Builder.Tests.Pipeline;

public class ConversationQueueTests
{
    [Fact]
    public async Task TurnsOfOneConversationRunStrictlyInArrivalOrder()
    {
        var queue = new ConversationQueue();
        var order = new List<int>();
        var running = 0;
        var maxRunning = 0;
        var tasks = Enumerable.Range(0, 50).Select(i => queue.Enqueue("chat", async () =>
        {
            var now = Interlocked.Increment(ref running);
            maxRunning = Math.Max(maxRunning, now);
            await Task.Delay(i % 3);
            lock (order) order.Add(i);
            Interlocked.Decrement(ref running);
            return i;
        })).ToArray();
        await Task.WhenAll(tasks);
        Assert.Equal(Enumerable.Range(0, 50), order);
        Assert.Equal(1, maxRunning);
    }

    [Fact]
    public async Task DifferentConversationsRunInParallel()
    {
        var queue = new ConversationQueue();
        var bothStarted = new TaskCompletionSource();
        var started = 0;
        async Task<int> Work()
        {
            if (Interlocked.Increment(ref started) == 2) bothStarted.TrySetResult();
            await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(5));
            return 0;
        }
        await Task.WhenAll(queue.Enqueue("a", Work), queue.Enqueue("b", Work));
        Assert.Equal(2, started);
    }

    [Fact]
    public async Task AFailedTurnDoesNotBlockTheNextOne()
    {
        var queue = new ConversationQueue();
        var failing = queue.Enqueue<int>("chat", () => throw new InvalidOperationException("boom"));
        var next = queue.Enqueue("chat", () => Task.FromResult(42));
        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(42, await next);
        // The bookkeeping continuation runs just after the turn completes; give it a moment under load.
        for (var i = 0; i < 200 && queue.ActiveKeys > 0; i++) await Task.Delay(10);
        Assert.Equal(0, queue.ActiveKeys);
    }
}
