using Bot.Builder.State;
using Bot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Bot.Storage.PostgreSql;
using Bot.Tests.Storage.PostgreSql;

namespace Bot.Tests.Storage;

/// <summary>What the durable intake relies on; every implementation runs this suite.</summary>
public abstract class ReceivedUpdatesContract
{
    protected abstract IReceivedUpdates Updates { get; }

    [Fact]
    public async Task StoredUpdatesArePendingInArrivalOrderForTheirChannelOnly()
    {
        var first = await Updates.AddAsync("telegram", ["a", "b"]);
        await Updates.AddAsync("zalo", ["z"]);
        var later = await Updates.AddAsync("telegram", ["c"]);

        Assert.True(first[0] < first[1] && first[1] < later[0], "ids follow arrival");
        Assert.Equal(["a", "b", "c"], (await Updates.PendingAsync("telegram")).Select(u => u.Payload));
        Assert.Equal(first.Concat(later), (await Updates.PendingAsync("telegram")).Select(u => u.Id));
        Assert.Equal("z", Assert.Single(await Updates.PendingAsync("zalo")).Payload);
    }

    [Fact]
    public async Task ACompletedUpdateIsNoLongerPending()
    {
        var ids = await Updates.AddAsync("telegram", ["a", "b"]);
        await Updates.CompleteAsync(ids[0]);
        Assert.Equal("b", Assert.Single(await Updates.PendingAsync("telegram")).Payload);
    }
}

public sealed class LiteDbReceivedUpdatesTests : ReceivedUpdatesContract, IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(150);
    private readonly TestDatabase _db = new(file: true, new StoreCollection(LiteDbReceivedUpdates.Collection));
    private readonly FakeTimeProvider _time = new();
    private readonly StorageWriter _writer;
    private readonly LiteDbReceivedUpdates _updates;

    public LiteDbReceivedUpdatesTests()
    {
        _writer = new StorageWriter(_db.Bot, NullLogger<StorageWriter>.Instance, time: _time);
        Updates = _updates = new LiteDbReceivedUpdates(_db.Database, _writer, _time);
    }

    protected override IReceivedUpdates Updates { get; }

    /// <summary>What the turn pipeline does at a turn's end: the completion in the turn's one commit.</summary>
    private async Task CompleteInATurnAsync(long id)
    {
        var unit = UnitOfWork.Begin(_writer);
        await _updates.CompleteAsync(id);
        await unit.CommitAsync();
    }

    [Fact]
    public async Task AWebhookUpdateWhoseTurnCommitsWithinTheBoundIsDurableWithThatOneCommitAndNeverStoredApart()
    {
        var serialized = 0;
        var receipt = await _updates.ReceiveAsync("telegram", () => { serialized++; return "a"; }, Bound);
        var before = _writer.Transactions;
        Assert.False(receipt.Durable.IsCompleted);

        await CompleteInATurnAsync(receipt.Id);

        Assert.True(receipt.Durable.IsCompletedSuccessfully);
        Assert.Equal(before + 1, _writer.Transactions);
        _time.Advance(Bound * 2);
        await _writer.CommitAsync([], default);
        Assert.Equal(before + 1, _writer.Transactions);
        Assert.Empty(await _updates.PendingAsync("telegram"));
        Assert.Equal(0, serialized);
    }

    [Fact]
    public async Task AWebhookUpdateWhoseTurnIsSlowIsStoredWhenTheBoundRunsOutAndRemovedByItsTurn()
    {
        var receipt = await _updates.ReceiveAsync("telegram", () => "a", Bound);

        _time.Advance(Bound);
        await receipt.Durable.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(receipt.Id, Assert.Single(await _updates.PendingAsync("telegram")).Id);

        await CompleteInATurnAsync(receipt.Id);
        Assert.Empty(await _updates.PendingAsync("telegram"));
    }

    [Fact]
    public async Task AnUpdateCompletedOutsideATurnIsAnsweredOnlyWithTheUpdatesHeldBeforeItOnDisk()
    {
        // A re-sent copy of an update whose first copy is still held: the first must be on disk before the copy's "200".
        var first = await _updates.ReceiveAsync("telegram", () => "a", Bound);
        var copy = await _updates.ReceiveAsync("telegram", () => "a", Bound);

        await _updates.CompleteAsync(copy.Id);

        Assert.True(first.Durable.IsCompletedSuccessfully && copy.Durable.IsCompletedSuccessfully);
        Assert.Equal(first.Id, Assert.Single(await _updates.PendingAsync("telegram")).Id);
    }

    [Fact]
    public async Task WebhookUpdatesAndStoredBatchesShareOneArrivalOrder()
    {
        var held = await _updates.ReceiveAsync("telegram", () => "a", Bound);
        var stored = await _updates.AddAsync("telegram", ["b"]);
        _time.Advance(Bound);
        await held.Durable.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a", "b"], (await _updates.PendingAsync("telegram")).Select(u => u.Payload));
        Assert.True(held.Id < stored[0]);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _db.Dispose();
    }
}

public sealed class PgReceivedUpdatesTests : ReceivedUpdatesContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private IReceivedUpdates? _updates;

    protected override IReceivedUpdates Updates => _updates!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _updates = _db.Pick<IReceivedUpdates>(d => new PgReceivedUpdates(d.Database, d.Committer, new PgInstance(d.Database, TimeProvider.System), TimeProvider.System), l => new LiteDbReceivedUpdates(l.Database, l.Writer, TimeProvider.System));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
