using System.Collections.Concurrent;

namespace Bot.Storage;

/// <summary>
/// Writes held back for a bounded time, in case another commit makes them unneeded: the webhook's copy of an update
/// is not written when the update's own turn commits first (its outcome is then on disk instead).
/// </summary>
public sealed partial class StorageWriter
{
    private readonly ConcurrentQueue<Held> _held = new();
    private readonly Lock _heldGate = new();
    private ITimer? _heldTimer;
    private bool _heldArmed;
    private volatile bool _heldClosed;

    /// <summary>
    /// Queues <paramref name="write"/> to be committed with the first commit after <paramref name="within"/>, unless
    /// <see cref="Held.Settle"/> is called before that. <see cref="Held.Durable"/> completes at whichever comes first.
    /// </summary>
    public Held Hold(LiteWrite write, TimeSpan within)
    {
        if (Fault is { } fault) throw new StorageFaultedException(fault);
        if (_queue.IsAddingCompleted) throw new ObjectDisposedException(nameof(StorageWriter), "The storage has stopped; nothing more can be written.");
        var held = new Held(new Unit([write]), _time.GetTimestamp() + (long)(within.TotalSeconds * _time.TimestampFrequency));
        _held.Enqueue(held);
        // Held while the writer took its last ones on stopping: nobody would ever commit it.
        if (_heldClosed) CloseHeld();
        ArmHeld();
        return held;
    }

    /// <summary>After the writer's last commit: what is still held fails instead of waiting forever.</summary>
    private void CloseHeld()
    {
        _heldClosed = true;
        while (_held.TryDequeue(out var late))
            late.Unit.Done.TrySetException(new ObjectDisposedException(nameof(StorageWriter), "The storage has stopped; nothing more can be written."));
    }

    /// <summary>
    /// Commits <paramref name="writes"/> after every held write not settled yet (in the same commit), for a caller that
    /// needs what was held before it on disk (an update re-sent while its first copy is still held).
    /// </summary>
    public Task CommitAfterHeldAsync(IReadOnlyList<object> writes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Fault is { } fault) return Task.FromException(new StorageFaultedException(fault));
        return Enqueue(new Unit([.. writes.Cast<LiteWrite>()]) { AfterHeld = true });
    }

    /// <summary>Adds the held writes that are due (all of them when <paramref name="all"/>) to the group, oldest first.</summary>
    private void TakeHeld(List<Unit> group, bool all)
    {
        var now = _time.GetTimestamp();
        while (_held.TryPeek(out var head))
        {
            if (!head.Settled && !all && head.DueAt > now) break;
            _held.TryDequeue(out _);
            if (head.Settled) continue; // made unneeded by a commit of its own turn: never written
            head.Applied = true;
            group.Add(head.Unit);
        }
    }

    /// <summary>Wakes the writer when the oldest held write is due (it may sleep waiting for other work meanwhile).</summary>
    private void ArmHeld()
    {
        if (!_held.TryPeek(out var head)) return;
        lock (_heldGate)
        {
            if (_heldArmed) return;
            _heldArmed = true;
            var wait = TimeSpan.FromSeconds(Math.Max(0, head.DueAt - _time.GetTimestamp()) / (double)_time.TimestampFrequency);
            _heldTimer ??= _time.CreateTimer(_ => WakeForDeferred(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _heldTimer.Change(wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void DisarmHeld()
    {
        lock (_heldGate) _heldArmed = false;
    }

    /// <summary>A held write; its flags are read and set on the writer thread only.</summary>
    public sealed class Held
    {
        private readonly Unit _unit;

        internal Held(Unit unit, long dueAt) => (_unit, DueAt) = (unit, dueAt);

        internal Unit Unit => _unit;

        internal long DueAt { get; }

        internal bool Settled { get; private set; }

        /// <summary>Handed to LiteDB in some transaction (perhaps one rolled back since): a write that undoes it must run.</summary>
        public bool Applied { get; internal set; }

        /// <summary>Completes once the write is on disk, or once what it stood for is (<see cref="Settle"/>).</summary>
        public Task Durable => _unit.Done.Task;

        /// <summary>
        /// Called from a write's <see cref="LiteWrite.Committed"/> (so on the writer thread, after the fsync): what this
        /// write stood for is on disk another way, so it is not written if it was not yet.
        /// </summary>
        public void Settle()
        {
            Settled = true;
            _unit.Done.TrySetResult();
        }
    }
}
