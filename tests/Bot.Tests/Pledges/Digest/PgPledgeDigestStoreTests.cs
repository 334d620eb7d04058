using Bot.Pledges.Digest;
using Bot.Tests.Storage.PostgreSql;

namespace Bot.Tests.Pledges.Digest;

/// <summary>The same contract on PostgreSQL (a fresh schema per test).</summary>
public sealed class PgPledgeDigestStoreTests : PledgeDigestStoreContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private IPledgeDigestStore? _store;

    protected override IPledgeDigestStore Store => _store!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = _db.Pick<IPledgeDigestStore>(d => new PgPledgeDigestStore(d.Database, d.Committer), l => new LiteDbPledgeDigestStore(l.Database, l.Writer));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
