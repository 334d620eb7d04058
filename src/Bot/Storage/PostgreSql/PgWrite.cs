namespace Bot.Storage.PostgreSql;

/// <summary>
/// One write to PostgreSQL, run by the <see cref="PgCommitter"/> inside the unit's transaction. Unlike LiteDB there is
/// no single writer: other instances and turns write at the same time, so a condition belongs in the statement itself
/// (a version in the UPDATE's WHERE, a unique key) and a write that finds it false throws
/// <see cref="PgTransaction.Refuse"/>. <paramref name="duplicate"/> names what a unique-key violation means for this write.
/// </summary>
public sealed class PgWrite(string what, Func<PgTransaction, Task> apply, Func<Exception>? duplicate = null)
{
    public string What { get; } = what;

    public Func<Exception>? Duplicate { get; } = duplicate;

    public Task ApplyAsync(PgTransaction transaction) => apply(transaction);

    public override string ToString() => What;
}
