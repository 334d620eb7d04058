using Bot.Builder.State;
using Bot.Storage.PostgreSql;

namespace Bot.Pledges;

/// <summary>Officers' openings and closings in PostgreSQL, one row per plan.</summary>
public sealed class PgRegistrationOverrideStore(PgDatabase db, PgCommitter committer) : IRegistrationOverrideStore
{
    public async Task<IReadOnlyList<RegistrationOverride>> AllAsync(CancellationToken cancellationToken = default) =>
        await db.DocumentsAsync<RegistrationOverride>("SELECT doc FROM registration ORDER BY plan_id");

    public Task SaveAsync(RegistrationOverride value, CancellationToken cancellationToken = default) =>
        UnitOfWork.CommitNowAsync(committer, new PgWrite($"registration {value.PlanId}", tx => tx.ExecuteAsync(
            "INSERT INTO registration (plan_id, doc) VALUES ($1, $2) ON CONFLICT (plan_id) DO UPDATE SET doc = EXCLUDED.doc",
            value.PlanId, PgDatabase.Doc(value))), cancellationToken);
}
