using Bot.Pledges;
using Bot.Tests.Storage.PostgreSql;

namespace Bot.Tests.Pledges;

/// <summary>The same contract on PostgreSQL (a fresh schema per test).</summary>
public sealed class PgPledgeStoreTests : PledgeStoreContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private IPledgeStore? _store;

    protected override IPledgeStore Store => _store!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = _db.Pick<IPledgeStore>(d => new PgPledgeStore(d.Database, d.Committer), l => new LiteDbPledgeStore(l.Database, l.Writer));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
