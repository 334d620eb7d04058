using Bot.Storage;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Storage;

/// <summary>Writes nobody waits for (<see cref="StorageWriter.Defer"/>): a turn's "replies sent" mark.</summary>
public sealed class StorageWriterDeferredTests : IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection("items"));
    private readonly CountingTime _time = new();
    private readonly StorageWriter _writer;

    public StorageWriterDeferredTests() => _writer = new StorageWriter(_db.Bot, NullLogger<StorageWriter>.Instance, time: _time);

    private static LiteWrite Insert(int id) => new($"insert {id}", db => db.GetCollection("items").Insert(new BsonDocument { ["_id"] = id }));

    private bool Stored(int id) => _db.Database.GetCollection("items").FindById(id) is not null;

    [Fact]
    public async Task DeferredWritesThatRodeAlongWithCommitsArmOneTimerAndDoNotWakeTheWriterWhenTheirDelayEnds()
    {
        for (var i = 0; i < 5; i++)
        {
            _writer.Defer([Insert(100 + i)]);
            await _writer.CommitAsync([Insert(i)], default);
        }
        var wakeups = _writer.Wakeups;

        _time.Advance(StorageWriter.DeferredDelay * 2);
        await _writer.CommitAsync([Insert(99)], default);

        Assert.True(Stored(104));
        Assert.Equal(1, _time.Timers);
        Assert.Equal(wakeups + 1, _writer.Wakeups); // the last commit's own
    }

    [Fact]
    public async Task ADeferredWriteIsCommittedAloneOnlyOnceItHasWaitedItsWholeDelay()
    {
        _writer.Defer([Insert(1)]);
        _time.Advance(StorageWriter.DeferredDelay * 0.6);
        await _writer.CommitAsync([Insert(2)], default); // 1 rides along
        _writer.Defer([Insert(3)]);
        var wakeups = _writer.Wakeups;

        _time.Advance(StorageWriter.DeferredDelay * 0.4); // the timer armed for 1 runs out: 3 is younger than its delay
        Assert.True(Stored(1));
        Assert.False(Stored(3));
        Assert.Equal(wakeups, _writer.Wakeups);

        _time.Advance(StorageWriter.DeferredDelay * 0.6);
        await WaitUntil(() => Stored(3));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var due = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition() && DateTime.UtcNow < due) await Task.Delay(5);
        Assert.True(condition());
    }

    public void Dispose()
    {
        _writer.Dispose();
        _db.Dispose();
    }

    /// <summary>Counts the timers created: one per deferred write made the writer wake once per turn for nothing.</summary>
    private sealed class CountingTime : FakeTimeProvider
    {
        public int Timers { get; private set; }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Timers++;
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
