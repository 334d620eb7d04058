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

    // Every retry is a round trip and a transaction on a real server: 50 racers still show a lost update in seconds.
    protected override int Racers => 50;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = _db.Pick<IStateStore>(d => new PgStateStore(d.Database, d.Committer, TimeProvider.System), l => new LiteDbStateStore(l.Database, l.Writer, TimeProvider.System));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
