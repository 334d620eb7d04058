using Bot.Builder.State;
using Bot.Storage.PostgreSql;

namespace Bot.Pledges.Digest;

/// <summary>Where the officers' digest got to, one row in PostgreSQL.</summary>
public sealed class PgPledgeDigestStore(PgDatabase db, PgCommitter committer) : IPledgeDigestStore
{
    public Task<PledgeDigestMark?> MarkAsync(CancellationToken ct = default) =>
        db.DocumentAsync<PledgeDigestMark>("SELECT doc FROM pledge_digest WHERE id = $1", "mark");

    public Task SaveAsync(PledgeDigestMark mark, CancellationToken ct = default) =>
        UnitOfWork.CommitNowAsync(committer, new PgWrite("digest mark", tx => tx.ExecuteAsync(
            "INSERT INTO pledge_digest (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc", mark.Id, PgDatabase.Doc(mark))), ct);
}
