using Bot.Broadcasts.Outbox;
using Bot.Broadcasts.Schedule;
using Bot.Tests.Storage.PostgreSql;

namespace Bot.Tests.Broadcasts;

/// <summary>The same contract on PostgreSQL (a fresh schema per test).</summary>
public sealed class PgBroadcastStoreTests : BroadcastStoreContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private (IBroadcastStore Store, IKickoffScheduleStore Schedule) _stores;

    protected override IBroadcastStore Store => _stores.Store;
    protected override IKickoffScheduleStore Schedule => _stores.Schedule;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _stores = _db.Pick<(IBroadcastStore, IKickoffScheduleStore)>(
            d => (new PgBroadcastStore(d.Database, d.Committer, Time), new PgKickoffScheduleStore(d.Database, d.Committer)),
            l => (new LiteDbBroadcastStore(l.Database, l.Writer, Time), new LiteDbKickoffScheduleStore(l.Database, l.Writer)));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
