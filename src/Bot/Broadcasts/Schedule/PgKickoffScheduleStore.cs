using Bot.Broadcasts.Outbox;
using Bot.Builder.State;
using Bot.Storage.PostgreSql;
using Npgsql;

namespace Bot.Broadcasts.Schedule;

/// <summary>
/// The kickoff schedule in PostgreSQL. The phase key is unique (a second instance cannot add it twice) and every
/// change is made on the row locked by its write, its state checked there: a kickoff is claimed once across instances.
/// </summary>
public sealed class PgKickoffScheduleStore(PgDatabase db, PgCommitter committer) : IKickoffScheduleStore
{
    public async Task<IReadOnlyList<ScheduledKickoff>> AllAsync(CancellationToken cancellationToken = default) => Ordered(await db.QueryAsync("SELECT doc, id FROM kickoff_schedule", Read));

    public Task<ScheduledKickoff?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.FirstAsync("SELECT doc, id FROM kickoff_schedule WHERE id = $1", Read, id);

    public async Task<bool> TryAddAsync(ScheduledKickoff row, CancellationToken cancellationToken = default)
    {
        try
        {
            await UnitOfWork.CommitNowAsync(committer, new PgWrite($"schedule {row.Key}", async tx =>
                row.Id = (int)(await tx.ScalarAsync("INSERT INTO kickoff_schedule (key, state, doc) VALUES ($1, $2, $3) RETURNING id", row.Key, row.State, PgDatabase.Doc(row)))!,
                () => new Refused($"{row.Key} is already scheduled.")), cancellationToken);
            return true;
        }
        catch (Refused)
        {
            return false;
        }
    }

    public Task<bool> RescheduleAsync(int id, DateTimeOffset runAt, CancellationToken cancellationToken = default) =>
        ConditionalAsync(id, $"reschedule kickoff {id}", [ScheduleState.Scheduled, ScheduleState.Paused], r => r.RunAt = runAt, cancellationToken);

    public Task<bool> TransitionAsync(int id, ScheduleState to, string? by, ScheduleState[] from, CancellationToken cancellationToken = default) =>
        ConditionalAsync(id, $"kickoff {id} → {to}", from, r => (r.State, r.ChangedBy) = (to, by), cancellationToken);

    public object Claim(int id, DateTimeOffset firedAt) => new PgWrite($"claim kickoff {id}", async tx =>
    {
        if (await LockAsync(tx, id) is not { State: ScheduleState.Scheduled } row) throw PgTransaction.Refuse(new ClaimRefusedException($"Kickoff {id} is no longer scheduled."));
        (row.State, row.FiredAt) = (ScheduleState.Fired, firedAt);
        await SaveAsync(tx, row);
    });

    public async Task<IReadOnlyList<ScheduledKickoff>> UnreportedAsync(CancellationToken cancellationToken = default) =>
        Ordered(await db.QueryAsync("SELECT doc, id FROM kickoff_schedule WHERE state = 'Missed' AND NOT (doc->>'Reported')::boolean", Read));

    public Task MarkReportedAsync(IEnumerable<int> ids, CancellationToken cancellationToken = default)
    {
        var marked = ids.ToArray();
        return UnitOfWork.WriteAsync(committer, new PgWrite($"kickoffs reported: {string.Join(", ", marked)}", tx => tx.ExecuteAsync(
            "UPDATE kickoff_schedule SET doc = jsonb_set(doc, '{Reported}', 'true') WHERE id = ANY($1)", marked)), cancellationToken);
    }

    private async Task<bool> ConditionalAsync(int id, string what, ScheduleState[] from, Action<ScheduledKickoff> change, CancellationToken ct)
    {
        try
        {
            await UnitOfWork.CommitNowAsync(committer, new PgWrite(what, async tx =>
            {
                if (await LockAsync(tx, id) is not { } row || !from.Contains(row.State))
                    throw PgTransaction.Refuse(new Refused($"Kickoff {id} is not {string.Join(" or ", from)}."));
                change(row);
                await SaveAsync(tx, row);
            }), ct);
            return true;
        }
        catch (Refused)
        {
            return false;
        }
    }

    private static IReadOnlyList<ScheduledKickoff> Ordered(List<ScheduledKickoff> rows) => [.. rows.OrderBy(r => r.RunAt).ThenBy(r => r.Key, StringComparer.Ordinal)];

    private static async Task<ScheduledKickoff?> LockAsync(PgTransaction tx, int id) =>
        (await tx.QueryAsync("SELECT doc, id FROM kickoff_schedule WHERE id = $1 FOR UPDATE", Read, id)).FirstOrDefault();

    private static Task SaveAsync(PgTransaction tx, ScheduledKickoff row) =>
        tx.ExecuteAsync("UPDATE kickoff_schedule SET state = $2, doc = $3 WHERE id = $1", row.Id, row.State, PgDatabase.Doc(row));

    private static ScheduledKickoff Read(NpgsqlDataReader r)
    {
        var row = PgDatabase.Read<ScheduledKickoff>(r);
        row.Id = r.GetInt32(1);
        return row;
    }

    private sealed class Refused(string reason) : Exception(reason);
}
