using Bot.Web.SignIn;
using Bot.Tests.Storage.PostgreSql;

namespace Bot.Tests.Web.SignIn;

/// <summary>The same contract on PostgreSQL (a fresh schema per test).</summary>
public sealed class PgSignInStoreTests : SignInStoreContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private ISignInStore? _store;

    protected override ISignInStore Store => _store!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = _db.Pick<ISignInStore>(d => new PgSignInStore(d.Database, d.Committer), l => new LiteDbSignInStore(l.Database, l.Writer));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
