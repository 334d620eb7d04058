using System.Runtime.ExceptionServices;

namespace Bot.Builder.State;

/// <summary>Commits a batch of store writes atomically (the storage decides how; LiteDB: one writer, group commit).</summary>
public interface IUnitOfWorkCommitter
{
    /// <summary>
    /// Applies every write or none. When one write's precondition fails (a version, a unique key) the batch is
    /// rejected with <see cref="WriteRejectedException"/> naming that write, and nothing of it is stored.
    /// </summary>
    Task CommitAsync(IReadOnlyList<object> writes, CancellationToken cancellationToken);
}

/// <summary>A write's precondition failed at commit; <see cref="Exception.InnerException"/> says why in the feature's terms.</summary>
public sealed class WriteRejectedException(object write, Exception reason) : Exception(reason.Message, reason)
{
    public object Write { get; } = write;
}

/// <summary>
/// The writes of one turn (or one step of a background job). Stores enlist what they write instead of writing;
/// <see cref="CommitAsync"/> hands everything pending to the storage at once, so a turn costs one commit and many
/// turns share one (group commit). The unit is ambient for the code that begins it, like a TransactionScope: stores
/// are singletons shared by every turn, and passing the unit through every feature call would only add noise.
/// Outside a unit, a store commits each write itself.
/// </summary>
public sealed class UnitOfWork
{
    private static readonly AsyncLocal<UnitOfWork?> Ambient = new();
    private readonly IUnitOfWorkCommitter _committer;
    private readonly Lock _gate = new();
    private List<object> _pending = [];

    private UnitOfWork(IUnitOfWorkCommitter committer) => _committer = committer;

    /// <summary>The unit the current turn or job runs in, if any.</summary>
    public static UnitOfWork? Current => Ambient.Value;

    /// <summary>
    /// Starts a unit for the calling async method and everything it awaits from here on (an async method's
    /// ambient values are restored when it returns, so the unit never leaks to the caller).
    /// </summary>
    public static UnitOfWork Begin(IUnitOfWorkCommitter committer) => Ambient.Value = new UnitOfWork(committer);

    /// <summary>Ends the unit for the calling method without committing (pending writes are dropped).</summary>
    public static void End() => Ambient.Value = null;

    public bool HasPending
    {
        get { lock (_gate) return _pending.Count > 0; }
    }

    public void Enlist(object write)
    {
        lock (_gate) _pending.Add(write);
    }

    /// <summary>Forgets writes not committed yet (a failed turn).</summary>
    public void Discard()
    {
        lock (_gate) _pending = [];
    }

    /// <summary>
    /// Commits what is pending. When the storage rejects one write, the others stay pending for the next commit
    /// (a failed version check must not also lose the turn's de-duplication marker) and the reason is thrown.
    /// </summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        List<object> batch;
        lock (_gate)
        {
            if (_pending.Count == 0) return;
            (batch, _pending) = (_pending, []);
        }
        try
        {
            await _committer.CommitAsync(batch, cancellationToken);
        }
        catch (WriteRejectedException rejected)
        {
            lock (_gate) _pending.InsertRange(0, batch.Where(w => !ReferenceEquals(w, rejected.Write)));
            ExceptionDispatchInfo.Throw(rejected.InnerException!);
        }
    }

    /// <summary>Enlists a write in the current unit, or commits it alone when there is none.</summary>
    public static Task WriteAsync(IUnitOfWorkCommitter committer, object write, CancellationToken cancellationToken = default)
    {
        if (Current is { } unit)
        {
            unit.Enlist(write);
            return Task.CompletedTask;
        }
        return CommitNowAsync(committer, write, cancellationToken);
    }

    /// <summary>
    /// Commits the current unit's pending writes together with this one and waits, for a use case that must know the
    /// outcome (a unique key, a version check) before it answers. The reason of a rejection is thrown.
    /// </summary>
    public static async Task CommitNowAsync(IUnitOfWorkCommitter committer, object write, CancellationToken cancellationToken = default)
    {
        if (Current is { } unit)
        {
            unit.Enlist(write);
            await unit.CommitAsync(cancellationToken);
            return;
        }
        try
        {
            await committer.CommitAsync([write], cancellationToken);
        }
        catch (WriteRejectedException rejected)
        {
            ExceptionDispatchInfo.Throw(rejected.InnerException!);
        }
    }
}
