
namespace Bot.Storage;

/// <summary>Writes nobody waits for, committed with the next commit instead of with a flush of their own.</summary>
public sealed partial class StorageWriter
{
    private readonly Lock _deferredGate = new();
    private ITimer? _deferredTimer;
    private bool _deferredArmed;

    /// <summary>
    /// Queues writes that nobody waits for and that may be lost in a crash without harm (a mark that replies went out:
    /// lost, they are sent once more). They ride in the next commit instead of paying an fsync of their own, or are
    /// committed alone once the oldest of them waited <see cref="DeferredDelay"/> with nothing else written.
    /// </summary>
    public void Defer(IReadOnlyList<object> writes)
    {
        if (Fault is not null || _queue.IsAddingCompleted) return;
        var unit = new Unit([.. writes.Cast<LiteWrite>()]) { QueuedAt = _time.GetTimestamp() };
        // Nobody awaits it: a failure is logged by the commit, and must not surface as an unobserved task exception.
        _ = unit.Done.Task.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        _deferred.Enqueue(unit);
        // The writer may be asleep waiting for work. One timer watches the oldest deferred write for all of them: a timer
        // (and a wake-up of the writer) per deferred write cost a turn three thread wake-ups when the write had long
        // ridden along with the next commit.
        lock (_deferredGate)
        {
            if (_deferredArmed) return;
            _deferredArmed = true;
            _deferredTimer ??= _time.CreateTimer(_ => DeferredDue(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _deferredTimer.Change(DeferredDelay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// The timer ran out: wakes the writer if the oldest deferred write waited its delay, waits for it if it is younger
    /// (the ones before it rode along with commits), and stops when none is left.
    /// </summary>
    private void DeferredDue()
    {
        lock (_deferredGate)
        {
            if (_deferredTimer is null || !_deferredArmed) return;
            if (_deferred.TryPeek(out var oldest))
            {
                var waited = _time.GetElapsedTime(oldest.QueuedAt);
                if (waited < DeferredDelay)
                {
                    _deferredTimer.Change(DeferredDelay - waited, Timeout.InfiniteTimeSpan);
                    return;
                }
                WakeForDeferred();
                // Armed once more: what one commit could not take (more than MaxUnitsPerCommit) is not left behind.
                _deferredTimer.Change(DeferredDelay, Timeout.InfiniteTimeSpan);
                return;
            }
            // Disarmed in the gate: a write deferred from here on arms the timer again.
            _deferredArmed = false;
        }
    }

    /// <summary>On dispose, in the gate: a wake-up already running finds no timer to arm again.</summary>
    private void StopDeferredTimer()
    {
        lock (_deferredGate)
        {
            _deferredTimer?.Dispose();
            _deferredTimer = null;
        }
    }

    private void WakeForDeferred()
    {
        try
        {
            _queue.Add(new Unit([]));
        }
        catch (InvalidOperationException)
        {
            // Stopping: the writer commits what was deferred before its thread ends.
        }
    }

    /// <summary>Completes when every write deferred before this call is on disk (readers of deferred data call it first).</summary>
    public Task FlushDeferredAsync(CancellationToken cancellationToken) =>
        _deferred.IsEmpty ? Task.CompletedTask : CommitAsync([], cancellationToken);
}
