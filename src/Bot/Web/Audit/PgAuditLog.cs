using Bot.Builder.State;
using Bot.Storage.PostgreSql;

namespace Bot.Web.Audit;

/// <summary>The dashboard's audit log in PostgreSQL; ids come from an identity column (newest = highest).</summary>
public sealed class PgAuditLog(PgDatabase db, PgCommitter committer) : IAuditLog
{
    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default) =>
        UnitOfWork.CommitNowAsync(committer, new PgWrite($"audit {entry.Action}", async tx =>
            entry.Id = (int)(await tx.ScalarAsync("INSERT INTO web_audit (doc) VALUES ($1) RETURNING id", PgDatabase.Doc(entry)))!), cancellationToken);

    public async Task<IReadOnlyList<AuditEntry>> RecentAsync(int skip, int take, CancellationToken cancellationToken = default) =>
        await db.QueryAsync("SELECT doc, id FROM web_audit ORDER BY id DESC OFFSET $1 LIMIT $2", r =>
        {
            var entry = PgDatabase.Read<AuditEntry>(r);
            entry.Id = r.GetInt32(1);
            return entry;
        }, skip, take);

    public async Task<int> CountAsync(CancellationToken cancellationToken = default) => (int)await db.CountAsync("SELECT count(*) FROM web_audit");
}
