using Bot.Builder.State;
using Bot.Storage;
using Bot.Storage.PostgreSql;

namespace Bot.Tests.Storage.PostgreSql;

/// <summary>The same contract on PostgreSQL (a fresh schema per test).</summary>
public sealed class PgStateStoreTests : StateStoreContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private IStateStore? _store;

    protected override IStateStore Store => _store!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = _db.Pick<IStateStore>(d => new PgStateStore(d.Database, d.Committer, TimeProvider.System), l => new LiteDbStateStore(l.Database, l.Writer, TimeProvider.System));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
