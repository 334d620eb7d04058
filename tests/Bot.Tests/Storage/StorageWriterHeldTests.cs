using Bot.Storage;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Storage;

/// <summary>Writes held back for a bounded time (<see cref="StorageWriter.Hold"/>): the webhook's stored copy of an update.</summary>
public sealed class StorageWriterHeldTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(150);
    private readonly TestDatabase _db = new(file: true, new StoreCollection("items"));
    private readonly FakeTimeProvider _time = new();
    private readonly StorageWriter _writer;

    public StorageWriterHeldTests() => _writer = new StorageWriter(_db.Bot, NullLogger<StorageWriter>.Instance, time: _time);

    private static LiteWrite Insert(int id, Action? committed = null) =>
        new($"insert {id}", db => db.GetCollection("items").Insert(new BsonDocument { ["_id"] = id }), committed: committed);

    private bool Stored(int id) => _db.Database.GetCollection("items").FindById(id) is not null;

    [Fact]
    public async Task AHeldWriteRidesInNoCommitBeforeItsBoundAndIsCommittedWhenTheBoundRunsOut()
    {
        var held = _writer.Hold(Insert(1), Bound);
        await _writer.CommitAsync([Insert(2)], default);

        Assert.False(held.Durable.IsCompleted);
        Assert.False(Stored(1));

        _time.Advance(Bound);
        await held.Durable.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(Stored(1));
        Assert.True(held.Applied);
    }

    [Fact]
    public async Task AHeldWriteSettledByACommitIsDurableWithItAndNeverWritten()
    {
        var held = _writer.Hold(Insert(1), Bound);
        await _writer.CommitAsync([Insert(2, committed: () => held.Settle())], default);

        Assert.True(held.Durable.IsCompletedSuccessfully);
        _time.Advance(Bound * 2);
        await _writer.CommitAsync([Insert(3)], default);
        Assert.False(Stored(1));
        Assert.False(held.Applied);
    }

    [Fact]
    public async Task AWriteCommittedAfterHeldOnesFindsThemWrittenInTheSameCommit()
    {
        var first = _writer.Hold(Insert(1), Bound);
        var second = _writer.Hold(Insert(2), Bound);
        var before = _writer.Transactions;

        await _writer.CommitAfterHeldAsync([new LiteWrite("sees 1 and 2", db => Assert.Equal(2, db.GetCollection("items").Count()))], default);

        Assert.Equal(before + 1, _writer.Transactions);
        Assert.True(first.Durable.IsCompletedSuccessfully && second.Durable.IsCompletedSuccessfully);
        Assert.True(Stored(1) && Stored(2));
    }

    [Fact]
    public void HeldWritesAreCommittedWhenTheWriterStops()
    {
        var held = _writer.Hold(Insert(1), TimeSpan.FromHours(1));
        _writer.Dispose();
        Assert.True(held.Durable.IsCompletedSuccessfully);
        Assert.True(Stored(1));
    }

    public void Dispose()
    {
        _writer.Dispose();
        _db.Dispose();
    }
}
