using System.Collections.Concurrent;
using Bot.Builder.State;
using LiteDB;

namespace Bot.Storage;

/// <summary>
/// The one thread that writes to LiteDB. Units of work from many turns queue here; the writer takes every unit
/// waiting, applies them in one LiteDB transaction and commits once (group commit: one flush to disk for many turns),
/// then tells each unit it is durable. One writer also keeps LiteDB away from its concurrent-transaction failures
/// (upstream issues 2503, 2792). LiteDB binds a transaction to a thread, hence a dedicated thread, not a task.
/// </summary>
public sealed partial class StorageWriter : IUnitOfWorkCommitter, IDisposable
{
    /// <summary>Units in one transaction at most, so one commit never grows without bound under load.</summary>
    public const int MaxUnitsPerCommit = 256;

    /// <summary>How long a deferred write waits for another commit to ride along before it is committed alone.</summary>
    public static readonly TimeSpan DeferredDelay = TimeSpan.FromMilliseconds(50);

    private readonly LiteDatabase _db;
    private readonly BotDatabase _database;
    private readonly ILogger<StorageWriter> _logger;
    private readonly WriterQueue<Unit> _queue = new();
    private readonly ConcurrentQueue<Unit> _deferred = new();
    private readonly TimeProvider _time;
    private readonly Thread _thread;
    private long _transactions;
    private long _opened;
    private long _units;
    private long _wakeups;
    private int _disposed;

    private readonly IHostApplicationLifetime? _lifetime;
    private Exception? _fault;

    public StorageWriter(BotDatabase database, ILogger<StorageWriter> logger, IHostApplicationLifetime? lifetime = null, TimeProvider? time = null)
    {
        (_db, _database, _logger, _lifetime, _time) = (database.Database, database, logger, lifetime, time ?? TimeProvider.System);
        _thread = new Thread(Run) { IsBackground = true, Name = "storage-writer" };
        _thread.Start();
    }

    /// <summary>Transactions committed so far (fewer than <see cref="Units"/> when units were grouped).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>
    /// Which transaction the writer has open, for a write's check and apply (writer thread): what a store remembers of the
    /// transaction's earlier writes belongs to this number, and a rolled-back group is retried under new ones.
    /// </summary>
    public long OpenTransaction => _opened;

    /// <summary>Times the writer woke to take work (commits, and wake-ups that found nothing to write).</summary>
    public long Wakeups => Interlocked.Read(ref _wakeups);

    /// <summary>Units of work committed or rejected so far.</summary>
    public long Units => Interlocked.Read(ref _units);

    /// <summary>
    /// Set when the storage itself failed (a commit, the disk, a damaged page): nothing more is written, and the host is
    /// stopped so that the process exits non-zero and a supervisor restarts it, instead of living on unable to store.
    /// </summary>
    public Exception? Fault => Volatile.Read(ref _fault);

    /// <summary>
    /// Queues the writes as one unit and completes when they are on disk. Once queued a unit is committed even if the
    /// caller stops waiting, so the token only guards the wait for a place in the queue.
    /// </summary>
    public Task CommitAsync(IReadOnlyList<object> writes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Fault is { } fault) return Task.FromException(new StorageFaultedException(fault));
        return Enqueue(new Unit([.. writes.Cast<LiteWrite>()]));
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the writer thread right after a commit, with no transaction open and nothing else
    /// written until it returns (a hot backup: checkpoint, then copy the file). Completes when it has run.
    /// </summary>
    public Task RunBetweenCommitsAsync(Action<LiteDatabase> action)
    {
        if (Fault is { } fault) return Task.FromException(new StorageFaultedException(fault));
        return Enqueue(new Unit([]) { BetweenCommits = action });
    }

    private Task Enqueue(Unit unit)
    {
        try
        {
            _queue.Add(unit);
        }
        catch (InvalidOperationException)
        {
            throw new ObjectDisposedException(nameof(StorageWriter), "The storage has stopped; nothing more can be written.");
        }
        return unit.Done.Task;
    }

    /// <summary>Commits what is queued, then stops the thread.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _queue.CompleteAdding();
        _thread.Join();
        _heldTimer?.Dispose();
        StopDeferredTimer();
    }

    private void Run()
    {
        var group = new List<Unit>();
        var taken = new List<Unit>();
        while (!_queue.IsCompleted)
        {
            group.Clear();
            Unit? first;
            // Waits for work; a deferred write queues an empty unit to wake it when it is due (see Defer). Null: completed
            // while waiting, so what was deferred or held is committed, then the writer stops.
            if (!_queue.Take(out first)) first = null;
            Interlocked.Increment(ref _wakeups);
            // Disarmed before draining: a write held from here on arms a new wake-up.
            DisarmHeld();
            taken.Clear();
            if (first is not null) taken.Add(first);
            while (taken.Count < MaxUnitsPerCommit && _queue.TryTake(out var next)) taken.Add(next);
            // Held writes go first: a turn's write that undoes one (its stored update, now handled) must come after it.
            TakeHeld(group, all: first is null || taken.Exists(u => u.AfterHeld));
            while (group.Count + taken.Count < MaxUnitsPerCommit && _deferred.TryDequeue(out var deferred)) group.Add(deferred);
            group.AddRange(taken);
            if (group.Count > 0) Commit(group);
            ArmHeld();
        }
        var left = new List<Unit>();
        TakeHeld(left, all: true);
        if (left.Count > 0) Commit(left);
        CloseHeld();
        while (_deferred.TryDequeue(out var late)) Commit([late]);
    }

    private void Commit(List<Unit> group)
    {
        if (Fault is { } fault)
        {
            foreach (var unit in group) unit.Done.TrySetException(new StorageFaultedException(fault));
            return;
        }
        if (group.All(u => u.Writes.Length == 0 && u.BetweenCommits is null))
        {
            // Only wake-ups and flush requests whose deferred writes already went with an earlier commit.
            foreach (var unit in group) unit.Done.TrySetResult();
            return;
        }
        var rejections = new (LiteWrite Write, Exception Reason)?[group.Count];
        var applying = false;
        try
        {
            _opened++;
            if (!_db.BeginTrans()) throw new InvalidOperationException("The storage writer found a transaction already open.");
            applying = true;
            for (var i = 0; i < group.Count; i++) rejections[i] = Apply(group[i]);
            applying = false;
            _db.Commit();
            // One fsync for the whole group, before any unit hears that it is durable.
            _database.MakeDurable();
        }
        catch (Exception ex)
        {
            TryRollback();
            // A write that throws may be the write's own mistake; a commit that throws, a disk error or an engine that no
            // longer answers is the storage's.
            if (!applying || ex is IOException || !EngineAnswers())
            {
                Fail(ex);
                foreach (var unit in group) unit.Done.TrySetException(ex);
                return;
            }
            if (group.Count > 1)
            {
                // One unit broke the shared transaction: commit each alone, so only that one fails.
                foreach (var unit in group) Commit([unit]);
                return;
            }
            _logger.LogError(ex, "A storage write failed: {Writes}", string.Join(", ", group[0].Writes));
            Interlocked.Increment(ref _units);
            group[0].Done.TrySetException(ex);
            return;
        }
        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _units, group.Count);
        for (var i = 0; i < group.Count; i++)
        {
            if (rejections[i] is { } r)
            {
                group[i].Done.TrySetException(new WriteRejectedException(r.Write, r.Reason));
                continue;
            }
            // Before the unit hears it is durable: whoever it tells reads the stored data, not a copy dropped too late.
            foreach (var write in group[i].Writes) write.Committed();
            if (group[i].BetweenCommits is null) group[i].Done.TrySetResult();
        }
        foreach (var unit in group)
        {
            if (unit.BetweenCommits is not { } action) continue;
            try
            {
                action(_db);
                unit.Done.TrySetResult();
            }
            catch (Exception ex)
            {
                unit.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>Checks every write of the unit first (all or nothing), then applies them.</summary>
    private (LiteWrite, Exception)? Apply(Unit unit)
    {
        foreach (var write in unit.Writes)
            if (write.Check(_db) is { } reason) return (write, reason);
        foreach (var write in unit.Writes) write.Apply(_db);
        return null;
    }

    internal sealed record Unit(LiteWrite[] Writes)
    {
        public Action<LiteDatabase>? BetweenCommits { get; init; }

        /// <summary>Committed after every held write not settled yet (<see cref="CommitAfterHeldAsync"/>).</summary>
        public bool AfterHeld { get; init; }

        /// <summary>When a deferred unit was queued (<see cref="Defer"/>).</summary>
        public long QueuedAt { get; init; }

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
