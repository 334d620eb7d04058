using Bot.Builder.State;
using Bot.Storage;
using LiteDB;

namespace Bot.Tests.Storage;

/// <summary>One contract, run against every IStateStore: what the dialog engine relies on.</summary>
public abstract class StateStoreContract
{
    protected abstract IStateStore Store { get; }

    /// <summary>Writers racing for one row; each conflict is a retry, so the work grows with the square of this.</summary>
    protected virtual int Racers => 200;

    [Fact]
    public async Task ReadingAnUnknownKeyReturnsNothing() =>
        Assert.Null(await Store.ReadAsync("test/chat/none"));

    [Fact]
    public async Task AWrittenDocumentIsReadBackWithItsVersion()
    {
        var v1 = await Store.WriteAsync("k", """{"a":1}""", 0);
        var doc = await Store.ReadAsync("k");
        Assert.Equal(1, v1);
        Assert.Equal(1, doc!.Version);
        Assert.Equal("""{"a":1}""", doc.Json);
    }

    [Fact]
    public async Task AWriteWithTheCurrentVersionSucceedsAndBumpsIt()
    {
        await Store.WriteAsync("k", "{}", 0);
        Assert.Equal(2, await Store.WriteAsync("k", """{"b":2}""", 1));
        Assert.Equal("""{"b":2}""", (await Store.ReadAsync("k"))!.Json);
    }

    [Fact]
    public async Task AStaleWriteIsRejectedNotSilentlyApplied()
    {
        await Store.WriteAsync("k", """{"v":"first"}""", 0);
        await Store.WriteAsync("k", """{"v":"second"}""", 1);
        await Assert.ThrowsAsync<StateConflictException>(() => Store.WriteAsync("k", """{"v":"stale"}""", 1));
        Assert.Equal("""{"v":"second"}""", (await Store.ReadAsync("k"))!.Json);
    }

    [Fact]
    public async Task CreatingAKeyTwiceIsAConflict()
    {
        await Store.WriteAsync("k", "{}", 0);
        await Assert.ThrowsAsync<StateConflictException>(() => Store.WriteAsync("k", "{}", 0));
    }

    [Fact]
    public async Task KeysAreCaseSensitive()
    {
        await Store.WriteAsync("zalo/user/AbC", """{"who":"upper"}""", 0);
        await Store.WriteAsync("zalo/user/abc", """{"who":"lower"}""", 0);
        Assert.Contains("upper", (await Store.ReadAsync("zalo/user/AbC"))!.Json);
        Assert.Contains("lower", (await Store.ReadAsync("zalo/user/abc"))!.Json);
    }

    [Fact]
    public async Task DeleteRemovesTheDocument()
    {
        await Store.WriteAsync("k", "{}", 0);
        await Store.DeleteAsync("k");
        Assert.Null(await Store.ReadAsync("k"));
        Assert.Equal(1, await Store.WriteAsync("k", "{}", 0));
    }

    [Fact]
    public async Task MovingAPrefixMovesTheChatAndItsMembersButNotLookalikes()
    {
        await Store.WriteAsync("telegram/chat/-5", """{"c":1}""", 0);
        await Store.WriteAsync("telegram/chat/-5/member/7", """{"m":7}""", 0);
        await Store.WriteAsync("telegram/chat/-55", """{"other":1}""", 0);
        Assert.Equal(2, await Store.MovePrefixAsync("telegram/chat/-5", "telegram/chat/-1009"));
        Assert.Null(await Store.ReadAsync("telegram/chat/-5"));
        Assert.Null(await Store.ReadAsync("telegram/chat/-5/member/7"));
        Assert.Equal("""{"m":7}""", (await Store.ReadAsync("telegram/chat/-1009/member/7"))!.Json);
        Assert.Equal(1, (await Store.ReadAsync("telegram/chat/-1009"))!.Version);
        Assert.NotNull(await Store.ReadAsync("telegram/chat/-55"));
    }

    [Fact]
    public async Task MovingAPrefixKeepsStateTheNewKeyAlreadyHas()
    {
        await Store.WriteAsync("telegram/chat/-5/member/7", """{"old":1}""", 0);
        await Store.WriteAsync("telegram/chat/-1009/member/7", """{"new":1}""", 0);
        Assert.Equal(0, await Store.MovePrefixAsync("telegram/chat/-5", "telegram/chat/-1009"));
        Assert.Contains("new", (await Store.ReadAsync("telegram/chat/-1009/member/7"))!.Json);
        Assert.Null(await Store.ReadAsync("telegram/chat/-5/member/7"));
    }

    [Fact]
    public async Task ConcurrentReadModifyWriteLosesNoUpdate()
    {
        await Store.WriteAsync("counter", "0", 0);
        var conflicts = 0;
        async Task IncrementAsync()
        {
            while (true)
            {
                var doc = (await Store.ReadAsync("counter"))!;
                try
                {
                    await Store.WriteAsync("counter", (int.Parse(doc.Json) + 1).ToString(), doc.Version);
                    return;
                }
                catch (StateConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Racers).Select(_ => Task.Run(IncrementAsync)));
        Assert.Equal(Racers.ToString(System.Globalization.CultureInfo.InvariantCulture), (await Store.ReadAsync("counter"))!.Json);
    }
}

public sealed class MemoryStateStoreTests : StateStoreContract
{
    protected override IStateStore Store { get; } = new MemoryStateStore();
}

public sealed class LiteDbStateStoreTests : StateStoreContract, IDisposable
{
    private readonly TestDatabase _db = new(collections: new StoreCollection(LiteDbStateStore.Collection));

    public LiteDbStateStoreTests() => Store = new LiteDbStateStore(_db.Database, _db.Writer, TimeProvider.System);

    protected override IStateStore Store { get; }

    public void Dispose() => _db.Dispose();
}

public sealed class LiteDbFileStateStoreTests : StateStoreContract, IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection(LiteDbStateStore.Collection));

    public LiteDbFileStateStoreTests() => Store = new LiteDbStateStore(_db.Database, _db.Writer, TimeProvider.System);

    protected override IStateStore Store { get; }

    [Fact]
    public async Task AStateReadOnceIsReadFromMemoryUntilTheStoreWritesIt()
    {
        await Store.WriteAsync("k", """{"v":1}""", 0);
        Assert.Equal(1, (await Store.ReadAsync("k"))!.Version);
        // Changed behind the store's back: only a read of the file would see it.
        _db.Database.GetCollection(LiteDbStateStore.Collection).Update(new LiteDB.BsonDocument
            { ["_id"] = "k", ["Version"] = 7L, ["Json"] = "{}", ["UpdatedAt"] = DateTime.UtcNow });

        Assert.Equal((1L, """{"v":1}"""), ((await Store.ReadAsync("k"))!.Version, (await Store.ReadAsync("k"))!.Json));
    }

    [Fact]
    public async Task TheVersionCheckAtCommitUsesWhatTheLastCommitLeftWithoutReadingTheFile()
    {
        await Store.WriteAsync("k", """{"v":1}""", 0);
        // Changed behind the store's back (the product has no such writer: one process, one writer): only a read of the
        // file would see it, and the check no longer reads it.
        _db.Database.GetCollection(LiteDbStateStore.Collection).Update(new LiteDB.BsonDocument
            { ["_id"] = "k", ["Version"] = 7L, ["Json"] = "{}", ["UpdatedAt"] = DateTime.UtcNow });

        Assert.Equal(2, await Store.WriteAsync("k", """{"v":2}""", 1));
        await Assert.ThrowsAsync<StateConflictException>(() => Store.WriteAsync("k", """{"v":2}""", 1));
    }

    /// <summary>Holds the writer between commits, so that the writes queued meanwhile go to disk as one group.</summary>
    private HeldWriter HoldWriter()
    {
        var gate = new ManualResetEventSlim();
        using var waiting = new ManualResetEventSlim();
        var held = _db.Writer.RunBetweenCommitsAsync(_ => { waiting.Set(); gate.Wait(); });
        waiting.Wait();
        return new HeldWriter(gate, held);
    }

    private sealed record HeldWriter(ManualResetEventSlim Gate, Task Held)
    {
        public async Task ReleaseAsync()
        {
            Gate.Set();
            await Held;
            Gate.Dispose();
        }
    }

    [Fact]
    public async Task TwoWritesOfOneKeyInOneCommitAreCheckedAgainstEachOther()
    {
        await Store.WriteAsync("k", "{}", 0);
        // A guard for the check's in-transaction memory: the writer is held so that the writes below are one group.
        var held = HoldWriter();
        var first = Store.WriteAsync("k", """{"v":2}""", 1);
        var stale = Store.WriteAsync("k", """{"v":"stale"}""", 1);
        var next = Store.WriteAsync("k", """{"v":3}""", 2);
        await held.ReleaseAsync();

        Assert.Equal(2, await first);
        await Assert.ThrowsAsync<StateConflictException>(() => stale);
        Assert.Equal(3, await next);
        Assert.Equal(1, _db.Writer.Transactions - 2); // the three were one commit
        Assert.Equal((3L, """{"v":3}"""), ((await Store.ReadAsync("k"))!.Version, (await Store.ReadAsync("k"))!.Json));
    }

    [Fact]
    public async Task AWriteAfterAPrefixMoveInTheSameCommitIsCheckedAgainstTheMove()
    {
        await Store.WriteAsync("telegram/chat/-5/member/7", "{}", 0);
        var held = HoldWriter();
        var written = Store.WriteAsync("telegram/chat/-5/member/7", """{"v":2}""", 1);
        var moved = Store.MovePrefixAsync("telegram/chat/-5", "telegram/chat/-1009");
        // Built on the version written before the move, which moved the document away.
        var stale = Store.WriteAsync("telegram/chat/-5/member/7", """{"v":3}""", 2);
        await held.ReleaseAsync();

        Assert.Equal(2, await written);
        Assert.Equal(1, await moved);
        await Assert.ThrowsAsync<StateConflictException>(() => stale);
        Assert.Null(await Store.ReadAsync("telegram/chat/-5/member/7"));
    }

    [Fact]
    public async Task DatesAreReadBackAsUtcWhateverTheServersTimeZone()
    {
        _db.Database.GetCollection("dates").Insert(new LiteDB.BsonDocument { ["_id"] = 1, ["At"] = new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc) });
        Assert.Equal(DateTimeKind.Utc, _db.Database.GetCollection("dates").FindById(1)["At"].AsDateTime.Kind);
        await Store.WriteAsync("k", "{}", 0);
        Assert.Equal(TimeSpan.Zero, (await Store.ReadAsync("k"))!.UpdatedAt.Offset);
    }

    [Fact]
    public void ASecondProcessOnTheSameFileIsRefused() =>
        Assert.Contains("Another bot process", Assert.Throws<DatabaseInUseException>(() => new BotDatabase(new StorageOptions { Path = _db.Path }, [])).Message);

    public void Dispose() => _db.Dispose();
}
