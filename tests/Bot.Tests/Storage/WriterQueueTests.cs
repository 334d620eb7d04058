using Bot.Storage;

namespace Bot.Tests.Storage;

/// <summary>
/// The writer's queue (<see cref="WriterQueue{T}"/>). That it sleeps without spinning is what it is for, but a test cannot
/// tell a spin from a sleep without a timing; these pin that nothing is lost or left waiting on the way.
/// </summary>
public sealed class WriterQueueTests
{
    [Fact]
    public async Task AWaitingTakerGetsWhatIsAddedAfterItStartedWaiting()
    {
        var queue = new WriterQueue<int>();
        var taker = Task.Factory.StartNew(() => queue.Take(out var item) ? item : -1, TaskCreationOptions.LongRunning);

        queue.Add(7);

        Assert.Equal(7, await taker.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ItemsFromManyAddersAreAllTakenInTheOrderEachAdderAddedThem()
    {
        var queue = new WriterQueue<(int Adder, int N)>();
        var taken = new List<(int Adder, int N)>();
        var taker = Task.Factory.StartNew(() =>
        {
            while (queue.Take(out var item)) taken.Add(item);
        }, TaskCreationOptions.LongRunning);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(a => Task.Run(() =>
        {
            for (var n = 0; n < 2_000; n++) queue.Add((a, n));
        })));
        queue.CompleteAdding();
        await taker.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(16_000, taken.Count);
        foreach (var adder in taken.GroupBy(t => t.Adder)) Assert.Equal(Enumerable.Range(0, 2_000), adder.Select(t => t.N));
    }

    [Fact]
    public async Task CompletingWakesAWaitingTakerAfterWhatWasAddedBeforeIsTaken()
    {
        var queue = new WriterQueue<int>();
        queue.Add(1);
        queue.CompleteAdding();
        Assert.False(queue.IsCompleted);
        Assert.True(queue.Take(out var first));
        Assert.Equal(1, first);

        var empty = new WriterQueue<int>();
        var taker = Task.Factory.StartNew(() => empty.Take(out _), TaskCreationOptions.LongRunning);
        empty.CompleteAdding();

        Assert.False(await taker.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(empty.IsCompleted);
        Assert.Throws<InvalidOperationException>(() => empty.Add(2));
    }
}
