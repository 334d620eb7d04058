using System.Collections.Concurrent;

namespace Bot.Storage;

/// <summary>
/// The storage writer's queue of units: many threads add, the writer alone takes. It replaces a BlockingCollection, whose
/// wait (SemaphoreSlim, then Monitor) spun with sched_yield before it slept: ~10 calls per quick turn on the writer
/// thread, each a chance to be switched out, while one at a time there is nothing to spin for. This one sleeps at once.
/// </summary>
internal sealed class WriterQueue<T>
{
    private readonly ConcurrentQueue<T> _items = new();
    private readonly object _gate = new();
    private bool _waiting;
    private volatile bool _addingCompleted;

    public bool IsAddingCompleted => _addingCompleted;

    /// <summary>Adding is over and nothing is left to take.</summary>
    public bool IsCompleted => _addingCompleted && _items.IsEmpty;

    /// <summary>Queues <paramref name="item"/>; throws <see cref="InvalidOperationException"/> once adding is completed.</summary>
    public void Add(T item)
    {
        lock (_gate)
        {
            if (_addingCompleted) throw new InvalidOperationException("The queue takes no more items.");
            _items.Enqueue(item);
            if (_waiting) Monitor.Pulse(_gate);
        }
    }

    /// <summary>Takes an item if one is queued, without waiting.</summary>
    public bool TryTake(out T item) => _items.TryDequeue(out item!);

    /// <summary>Waits for an item; false once adding is completed and nothing is left.</summary>
    public bool Take(out T item)
    {
        if (_items.TryDequeue(out item!)) return true;
        lock (_gate)
        {
            // Under the gate an Add either came before (its item is seen here) or finds _waiting set and pulses.
            while (!_items.TryDequeue(out item!))
            {
                if (_addingCompleted) return false;
                _waiting = true;
                Monitor.Wait(_gate);
                _waiting = false;
            }
            return true;
        }
    }

    public void CompleteAdding()
    {
        lock (_gate)
        {
            _addingCompleted = true;
            Monitor.PulseAll(_gate);
        }
    }
}
