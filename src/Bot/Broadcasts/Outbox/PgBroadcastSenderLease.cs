using Bot.Storage.PostgreSql;

namespace Bot.Broadcasts.Outbox;

/// <summary>
/// The sender lease in PostgreSQL: a row taken when free or expired, renewed by its holder. Expiry uses the instances'
/// clocks (kept in step by NTP; the lease lasts <see cref="Duration"/>, far more than any drift).
/// </summary>
public sealed class PgBroadcastSenderLease(PgDatabase db, PgInstance instance, TimeProvider time) : IBroadcastSenderLease
{
    public const string Name = "broadcast-sender";

    /// <summary>How long a holder that stopped renewing (a dead instance) keeps others from sending.</summary>
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    // The lease is held by this instance, under the id its heartbeat and stored updates carry.
    private string Owner => instance.Id;

    public bool Shared => true;

    public TimeSpan RenewEvery => Duration / 3;

    public async Task<bool> HoldAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // One statement: taken when free, renewed by its holder, taken over when expired; otherwise no row comes back.
        var held = await db.QueryAsync("""
            INSERT INTO leases (name, owner, expires_at) VALUES ($1, $2, $3)
            ON CONFLICT (name) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
            WHERE leases.owner = EXCLUDED.owner OR leases.expires_at <= $4
            RETURNING owner
            """, r => r.GetString(0), Name, Owner, now + Duration, now);
        return held.Count == 1;
    }

    public async Task ReleaseAsync(CancellationToken cancellationToken) =>
        await db.CountAsync("WITH gone AS (DELETE FROM leases WHERE name = $1 AND owner = $2 RETURNING 1) SELECT count(*) FROM gone", Name, Owner);
}
