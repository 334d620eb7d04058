using Bot.Members;
using Bot.Tests.Storage.PostgreSql;

namespace Bot.Tests.Members;

/// <summary>The same contract on PostgreSQL (a fresh schema per test).</summary>
public sealed class PgOfficerRoleStoreTests : OfficerRoleStoreContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private IOfficerRoleStore? _store;

    protected override IOfficerRoleStore Store => _store!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = _db.Pick<IOfficerRoleStore>(d => new PgOfficerRoleStore(d.Database, d.Committer), l => new LiteDbOfficerRoleStore(l.Database, l.Writer));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
