
namespace Bot.Storage;

/// <summary>Writes nobody waits for, committed with the next commit instead of with a flush of their own.</summary>
public sealed partial class StorageWriter
{
    /// <summary>
    /// Queues writes that nobody waits for and that may be lost in a crash without harm (a mark that replies went out:
    /// lost, they are sent once more). They ride in the next commit instead of paying an fsync of their own, or are
    /// committed alone after <see cref="DeferredDelay"/> when nothing else is written.
    /// </summary>
    public void Defer(IReadOnlyList<object> writes)
    {
        if (Fault is not null || _queue.IsAddingCompleted) return;
        var unit = new Unit([.. writes.Cast<LiteWrite>()]);
        // Nobody awaits it: a failure is logged by the commit, and must not surface as an unobserved task exception.
        _ = unit.Done.Task.ContinueWith(static t => _ = t.Exception, TaskContinuationOptions.OnlyOnFaulted);
        _deferred.Enqueue(unit);
        // The writer may be asleep waiting for work: make sure an (empty) unit wakes it when the deferred writes are due.
        if (Interlocked.Exchange(ref _flushArmed, 1) == 0)
            _ = Task.Delay(DeferredDelay, _time).ContinueWith(_ => WakeForDeferred(), TaskScheduler.Default);
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
