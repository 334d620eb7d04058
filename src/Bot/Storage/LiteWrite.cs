using LiteDB;

namespace Bot.Storage;

/// <summary>
/// One write to LiteDB, run by the <see cref="StorageWriter"/> on its own thread. <see cref="Check"/> reads what the
/// write depends on (a version, a unique key) and returns why it cannot be applied; because the writer is the only
/// one writing, nothing can change between the check and <see cref="Apply"/>. <see cref="Committed"/> runs on the writer
/// thread once the write is on disk (not after a rollback): a store's in-memory copy is dropped there.
/// </summary>
public sealed class LiteWrite(string what, Action<LiteDatabase> apply, Func<LiteDatabase, Exception?>? check = null, Action? committed = null)
{
    public string What { get; } = what;

    public Exception? Check(LiteDatabase db) => check?.Invoke(db);

    public void Apply(LiteDatabase db) => apply(db);

    public void Committed() => committed?.Invoke();

    public override string ToString() => What;
}
