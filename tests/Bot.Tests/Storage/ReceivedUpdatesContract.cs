using Bot.Storage;
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
    private readonly TestDatabase _db = new(file: true, new StoreCollection(LiteDbReceivedUpdates.Collection));

    public LiteDbReceivedUpdatesTests() => Updates = new LiteDbReceivedUpdates(_db.Database, _db.Writer, TimeProvider.System);

    protected override IReceivedUpdates Updates { get; }

    public void Dispose() => _db.Dispose();
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
