using Bot.Builder.State;
using Npgsql;

namespace Bot.Storage.PostgreSql;

/// <summary>
/// Commits one unit of work as one PostgreSQL transaction: every write applied, or (a refusal, a unique key taken by
/// someone else) everything rolled back and <see cref="WriteRejectedException"/> thrown naming the write. Units are not
/// grouped: PostgreSQL commits concurrent transactions itself (its own group commit of the WAL), so a turn waits for
/// its own transaction only.
/// </summary>
public sealed class PgCommitter(NpgsqlDataSource source, ILogger<PgCommitter> logger) : IUnitOfWorkCommitter
{
    /// <summary>A deadlock or serialization failure is retried this often: the unit is replayed on a fresh transaction.</summary>
    private const int Attempts = 3;

    private long _transactions;

    /// <summary>Transactions committed so far (the health check and /trangthai show it).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    public async Task CommitAsync(IReadOnlyList<object> writes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var batch = writes.Select(w => w as PgWrite ?? throw new ArgumentException($"{w} is not a PostgreSQL write.", nameof(writes))).ToArray();
        if (batch.Length == 0) return;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Once started, a unit is committed even if the caller stops waiting (as with LiteDB's writer).
                await CommitOnceAsync(batch);
                Interlocked.Increment(ref _transactions);
                return;
            }
            catch (PostgresException ex) when (attempt < Attempts && ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                logger.LogWarning("A storage transaction was rolled back by PostgreSQL ({SqlState}); trying again", ex.SqlState);
            }
        }
    }

    private async Task CommitOnceAsync(PgWrite[] batch)
    {
        await using var connection = await source.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var context = new PgTransaction(connection, transaction);
        PgWrite? current = null;
        try
        {
            foreach (var write in batch)
            {
                current = write;
                await write.ApplyAsync(context);
            }
        }
        catch (PgRefusal refusal)
        {
            await transaction.RollbackAsync();
            throw new WriteRejectedException(current!, refusal.Reason);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && current?.Duplicate is { } duplicate)
        {
            await transaction.RollbackAsync();
            throw new WriteRejectedException(current, duplicate());
        }
        await transaction.CommitAsync();
    }
}
