using Bot.Broadcasts.Schedule;
using Bot.Tests.Storage.PostgreSql;

namespace Bot.Tests.Broadcasts;

/// <summary>The same contract on PostgreSQL (a fresh schema per test).</summary>
public sealed class PgKickoffScheduleStoreTests : KickoffScheduleStoreContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private IKickoffScheduleStore? _store;

    protected override IKickoffScheduleStore Store => _store!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = _db.Pick<IKickoffScheduleStore>(d => new PgKickoffScheduleStore(d.Database, d.Committer), l => new LiteDbKickoffScheduleStore(l.Database, l.Writer));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
