using Bot.Builder.Pipeline;
using Bot.Storage;
using Bot.Storage.PostgreSql;
using Bot.Tests.Storage.PostgreSql;

namespace Bot.Tests.Storage.PostgreSql;

/// <summary>The same contract on PostgreSQL (a fresh schema per test).</summary>
public sealed class PgDeduplicatorTests : DeduplicatorContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private IActivityDeduplicator? _store;

    protected override IActivityDeduplicator Deduplicator => _store!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = _db.Pick<IActivityDeduplicator>(d => new PgDeduplicator(d.Database, d.Committer, TimeProvider.System), l => new LiteDbDeduplicator(l.Database, l.Writer, TimeProvider.System));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
