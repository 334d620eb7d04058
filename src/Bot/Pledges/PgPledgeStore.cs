using Bot.Builder.State;
using Bot.Storage.PostgreSql;
using Npgsql;

namespace Bot.Pledges;

/// <summary>
/// Pledges in PostgreSQL: the slot is a unique column (one pledge per member and plan, across instances), every update
/// names the version it was based on in its WHERE clause. The record itself is a jsonb document.
/// </summary>
public sealed class PgPledgeStore(PgDatabase db, PgCommitter committer) : IPledgeStore
{
    private const string Columns = "doc, id, version";

    public Task<Pledge?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.FirstAsync($"SELECT {Columns} FROM pledges WHERE id = $1", Read, id);

    public Task<Pledge?> FindAsync(string channel, string userId, string planId, CancellationToken cancellationToken = default) =>
        db.FirstAsync($"SELECT {Columns} FROM pledges WHERE slot = $1", Read, Pledge.SlotOf(channel, userId, planId));

    public async Task<IReadOnlyList<Pledge>> ForMemberAsync(string channel, string userId, CancellationToken cancellationToken = default) =>
        await db.QueryAsync($"SELECT {Columns} FROM pledges WHERE member = $1 ORDER BY updated_at DESC, id DESC", Read, Pledge.MemberOf(channel, userId));

    public async Task<IReadOnlyList<Pledge>> AllAsync(string? planId = null, CancellationToken cancellationToken = default) =>
        planId is null
            ? await db.QueryAsync($"SELECT {Columns} FROM pledges ORDER BY created_at, id", Read)
            : await db.QueryAsync($"SELECT {Columns} FROM pledges WHERE plan_id = $1 ORDER BY created_at, id", Read, planId);

    public async Task<IReadOnlyList<Pledge>> ChangedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        await db.QueryAsync($"SELECT {Columns} FROM pledges WHERE updated_at > $1 ORDER BY updated_at, id", Read, since);

    public async Task<Pledge> InsertAsync(Pledge pledge, CancellationToken cancellationToken = default)
    {
        Stamp(pledge);
        await UnitOfWork.CommitNowAsync(committer, new PgWrite("insert pledge", async tx =>
        {
            pledge.Version = 1;
            pledge.Id = (int)(await tx.ScalarAsync(
                "INSERT INTO pledges (slot, member, plan_id, created_at, updated_at, version, doc) VALUES ($1, $2, $3, $4, $5, 1, $6) RETURNING id",
                pledge.Slot, pledge.Member, pledge.PlanId, pledge.CreatedAt, pledge.UpdatedAt, PgDatabase.Doc(pledge)))!;
        }, () => new DuplicatePledgeException()), cancellationToken);
        return pledge;
    }

    public async Task<bool> TryUpdateAsync(Pledge pledge, CancellationToken cancellationToken = default)
    {
        var expected = pledge.Version;
        Stamp(pledge);
        try
        {
            await UnitOfWork.CommitNowAsync(committer, new PgWrite($"update pledge {pledge.Id}", async tx =>
            {
                pledge.Version = expected + 1;
                var updated = await tx.ExecuteAsync(
                    "UPDATE pledges SET slot = $2, member = $3, plan_id = $4, updated_at = $5, version = $6, doc = $7 WHERE id = $1 AND version = $8",
                    pledge.Id, pledge.Slot, pledge.Member, pledge.PlanId, pledge.UpdatedAt, pledge.Version, PgDatabase.Doc(pledge), expected);
                if (updated == 0) throw PgTransaction.Refuse(new PledgeChangedException());
            }), cancellationToken);
            return true;
        }
        catch (PledgeChangedException)
        {
            pledge.Version = expected;
            return false;
        }
    }

    public async Task<int> DeleteMemberAsync(string channel, string userId, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        var member = Pledge.MemberOf(channel, userId);
        await UnitOfWork.CommitNowAsync(committer, new PgWrite("delete member's pledges",
            async tx => deleted = await tx.ExecuteAsync("DELETE FROM pledges WHERE member = $1", member)), cancellationToken);
        return deleted;
    }

    private static void Stamp(Pledge pledge)
    {
        pledge.Slot = Pledge.SlotOf(pledge.Channel, pledge.UserId, pledge.PlanId);
        pledge.Member = Pledge.MemberOf(pledge.Channel, pledge.UserId);
    }

    private static Pledge Read(NpgsqlDataReader r)
    {
        var pledge = PgDatabase.Read<Pledge>(r);
        (pledge.Id, pledge.Version) = (r.GetInt32(1), r.GetInt64(2));
        return pledge;
    }

    private sealed class PledgeChangedException() : Exception("The pledge was changed or deleted meanwhile.");
}
