using Bot.Builder.State;
using Bot.Conversations;
using Bot.Storage.PostgreSql;

namespace Bot.Members;

/// <summary>Officer roles in PostgreSQL: a source's roles are replaced in one transaction.</summary>
public sealed class PgOfficerRoleStore(PgDatabase db, PgCommitter committer) : IOfficerRoleStore
{
    public async Task<IReadOnlyList<StoredOfficerRole>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.DocumentsAsync<StoredOfficerRole>("SELECT doc FROM officer_roles ORDER BY id");

    public Task ReplaceAsync(string source, IReadOnlyList<OfficerRole> roles, CancellationToken cancellationToken = default) =>
        UnitOfWork.CommitNowAsync(committer, new PgWrite($"officer roles from {source}", async tx =>
        {
            await tx.ExecuteAsync("DELETE FROM officer_roles WHERE source = $1", source);
            foreach (var role in roles.Select(r => StoredOfficerRole.From(r, source)))
                await tx.ExecuteAsync("INSERT INTO officer_roles (id, source, doc) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET source = EXCLUDED.source, doc = EXCLUDED.doc",
                    role.Id, role.Source, PgDatabase.Doc(role));
        }), cancellationToken);
}
