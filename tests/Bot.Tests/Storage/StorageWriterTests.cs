using Bot.Builder.State;
using Bot.Storage;
using LiteDB;

namespace Bot.Tests.Storage;

public sealed class StorageWriterTests : IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection("items", c => c.EnsureIndex("Name", "$.Name", unique: true)));

    private static LiteWrite Insert(int id, string name) =>
        new($"insert {id}", db => db.GetCollection("items").Insert(new BsonDocument { ["_id"] = id, ["Name"] = name }),
            db => db.GetCollection("items").Exists(Query.EQ("Name", name)) ? new InvalidOperationException($"{name} is taken") : null);

    private int Count => _db.Database.GetCollection("items").Count();

    [Fact]
    public void CollectionsAndTheirIndexesExistWhenTheDatabaseOpens()
    {
        Assert.True(_db.Database.CollectionExists("items"));
        Assert.Contains("items", _db.Bot.Collections);
        Assert.Contains(_db.Database.GetCollection("$indexes").FindAll(), i => i["collection"] == "items" && i["name"] == "Name" && i["unique"].AsBoolean);
        Assert.Equal(0, Count);
    }

    [Fact]
    public async Task ManyConcurrentUnitsShareFewerCommitsAndAllAreStored()
    {
        await Task.WhenAll(Enumerable.Range(1, 400).Select(i => Task.Run(() => _db.Writer.CommitAsync([Insert(i, $"n{i}")], default))));
        Assert.Equal(400, Count);
        Assert.Equal(400, _db.Writer.Units);
        Assert.True(_db.Writer.Transactions < 400, $"{_db.Writer.Transactions} transactions for 400 units: nothing was grouped");
    }

    [Fact]
    public async Task AUnitWhoseCheckFailsIsRejectedWholeAndTheOthersAreStored()
    {
        await _db.Writer.CommitAsync([Insert(1, "taken")], default);
        var rejected = Insert(3, "taken");
        var units = new[]
        {
            _db.Writer.CommitAsync([Insert(2, "a")], default),
            _db.Writer.CommitAsync([Insert(4, "b"), rejected], default),
            _db.Writer.CommitAsync([Insert(5, "c")], default),
        };
        var ex = await Assert.ThrowsAsync<WriteRejectedException>(() => units[1]);
        Assert.Same(rejected, ex.Write);
        Assert.Equal("taken is taken", ex.InnerException!.Message);
        await units[0];
        await units[2];
        Assert.Null(_db.Database.GetCollection("items").FindById(4)); // all or nothing
        Assert.Equal(3, Count);
    }

    [Fact]
    public async Task AWriteThatThrowsFailsOnlyItsOwnUnit()
    {
        var broken = new LiteWrite("broken", db => throw new InvalidOperationException("a bug in one write"));
        var tasks = Enumerable.Range(1, 50).Select(i => _db.Writer.CommitAsync(i == 25 ? [Insert(i, $"n{i}"), broken] : [Insert(i, $"n{i}")], default)).ToList();
        await Assert.ThrowsAsync<InvalidOperationException>(() => tasks[24]);
        foreach (var t in tasks.Where((_, i) => i != 24)) await t;
        Assert.Equal(49, Count);
        Assert.Null(_db.Database.GetCollection("items").FindById(25));
        Assert.Null(_db.Writer.Fault);
    }

    [Fact]
    public async Task ADiskErrorStopsTheHostAndNothingMoreIsWritten()
    {
        var lifetime = new StoppableLifetime();
        using var writer = new StorageWriter(_db.Bot, Microsoft.Extensions.Logging.Abstractions.NullLogger<StorageWriter>.Instance, lifetime);
        var full = new LiteWrite("disk full", db => throw new IOException("No space left on device"));
        await Assert.ThrowsAsync<IOException>(() => writer.CommitAsync([Insert(1, "a"), full], default));
        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested);
        Assert.IsType<IOException>(writer.Fault);
        await Assert.ThrowsAsync<StorageFaultedException>(() => writer.CommitAsync([Insert(2, "b")], default));
        Assert.Equal(0, Count);
    }

    [Fact]
    public async Task AnEngineThatNoLongerAnswersIsAFaultNotOneBadWrite()
    {
        var lifetime = new StoppableLifetime();
        using var writer = new StorageWriter(_db.Bot, Microsoft.Extensions.Logging.Abstractions.NullLogger<StorageWriter>.Instance, lifetime);
        _db.Database.Dispose(); // what LiteDB does to itself after its engine-closing failures
        await Assert.ThrowsAnyAsync<Exception>(() => writer.CommitAsync([Insert(1, "a")], default));
        Assert.NotNull(writer.Fault);
        Assert.True(lifetime.ApplicationStopping.IsCancellationRequested);
    }

    private sealed class StoppableLifetime : Microsoft.Extensions.Hosting.IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => _stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;
        public void StopApplication() => _stopping.Cancel();
    }

    [Fact]
    public async Task ARejectedWriteLeavesTheRestOfTheTurnPendingForTheNextCommit()
    {
        await _db.Writer.CommitAsync([Insert(1, "taken")], default);
        var unit = UnitOfWork.Begin(_db.Writer);
        try
        {
            unit.Enlist(Insert(2, "marker"));
            await Assert.ThrowsAsync<InvalidOperationException>(() => UnitOfWork.CommitNowAsync(_db.Writer, Insert(3, "taken")));
            Assert.True(unit.HasPending);
            await unit.CommitAsync();
        }
        finally
        {
            UnitOfWork.End();
        }
        Assert.NotNull(_db.Database.GetCollection("items").FindById(2));
        Assert.Null(_db.Database.GetCollection("items").FindById(3));
    }

    [Fact]
    public async Task ADeferredWriteRidesInTheNextCommitInsteadOfCommittingAlone()
    {
        var transactions = _db.Writer.Transactions;
        _db.Writer.Defer([Insert(1, "deferred")]);
        await _db.Writer.CommitAsync([Insert(2, "awaited")], default);

        Assert.Equal(2, Count);
        Assert.Equal(transactions + 1, _db.Writer.Transactions);
    }

    [Fact]
    public async Task ADeferredWriteIsCommittedOnItsOwnWhenNothingElseIsWrittenAndCanBeAwaitedByReaders()
    {
        _db.Writer.Defer([Insert(1, "alone")]);
        await _db.Writer.FlushDeferredAsync(default);
        Assert.Equal(1, Count);

        _db.Writer.Defer([Insert(2, "later")]);
        var due = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Count < 2 && DateTime.UtcNow < due) await Task.Delay(5);
        Assert.Equal(2, Count);
    }

    [Fact]
    public void DeferredWritesAreCommittedWhenTheWriterStops()
    {
        _db.Writer.Defer([Insert(1, "at stop")]);
        _db.Writer.Dispose();
        Assert.Equal(1, Count);
    }

    [Fact]
    public async Task WritesSurviveReopeningTheFile()
    {
        await _db.Writer.CommitAsync([Insert(1, "kept")], default);
        _db.Writer.Dispose();
        _db.Bot.Dispose();
        Assert.False(File.Exists(LiteFile.LogPathOf(_db.Path))); // checkpointed into the data file and removed
        using var again = new LiteDatabase($"Filename={_db.Path};Collation=/None");
        Assert.Equal("kept", again.GetCollection("items").FindById(1)["Name"].AsString);
    }

    public void Dispose() => _db.Dispose();
}
