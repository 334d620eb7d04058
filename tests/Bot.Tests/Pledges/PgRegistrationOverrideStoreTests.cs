using Bot.Pledges;
using Bot.Tests.Storage.PostgreSql;

namespace Bot.Tests.Pledges;

/// <summary>The same contract on PostgreSQL (a fresh schema per test).</summary>
public sealed class PgRegistrationOverrideStoreTests : RegistrationOverrideStoreContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private IRegistrationOverrideStore? _store;

    protected override IRegistrationOverrideStore Store => _store!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = _db.Pick<IRegistrationOverrideStore>(d => new PgRegistrationOverrideStore(d.Database, d.Committer), l => new LiteDbRegistrationOverrideStore(l.Database, l.Writer));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
