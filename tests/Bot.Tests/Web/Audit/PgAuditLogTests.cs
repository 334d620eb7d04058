using Bot.Web.Audit;
using Bot.Tests.Storage.PostgreSql;

namespace Bot.Tests.Web.Audit;

/// <summary>The same contract on PostgreSQL (a fresh schema per test).</summary>
public sealed class PgAuditLogTests : AuditLogContract, IAsyncLifetime
{
    private readonly PgTestDatabase _db = new();
    private IAuditLog? _store;

    protected override IAuditLog Log => _store!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        _store = _db.Pick<IAuditLog>(d => new PgAuditLog(d.Database, d.Committer), l => new LiteDbAuditLog(l.Database, l.Writer));
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();
}
