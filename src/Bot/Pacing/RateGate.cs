namespace Bot.Pacing;

/// <summary>
/// One channel's overall budget: a GCRA (a token bucket that remembers a "theoretical arrival time") with a small
/// burst to absorb late timers, and a pause that every sender honours after a 429.
/// Replies have priority: they go ahead of every waiting broadcast message and have a larger burst (an overdraft of
/// <paramref name="replyBurst"/> sends), so a reply is held only when members' replies alone run past the platform's
/// limit at a peak — then it waits its turn rather than meeting a 429 (which would pause everyone for seconds).
/// </summary>
internal sealed class RateGate(TimeProvider time, TimeSpan interval, int burst, int replyBurst)
{
    private readonly object _lock = new();
    private readonly Queue<TaskCompletionSource> _replies = new();
    private readonly Queue<TaskCompletionSource> _broadcasts = new();
    private readonly TimeSpan _tolerance = interval * Math.Max(0, burst - 1);
    private readonly TimeSpan _replyTolerance = interval * Math.Max(0, Math.Max(burst, replyBurst) - 1);
    private DateTimeOffset _tat = time.GetUtcNow();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private bool _pumping;

    public DateTimeOffset PausedUntil
    {
        get { lock (_lock) return _pausedUntil; }
    }

    public ValueTask WaitAsync(SendPriority priority, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        TaskCompletionSource waiter;
        var startPump = false;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var go = priority == SendPriority.Reply
                ? _replies.Count == 0 && ReplyDue() <= now
                : _replies.Count + _broadcasts.Count == 0 && Due() <= now;
            if (go)
            {
                Take(now);
                return ValueTask.CompletedTask;
            }
            waiter = new TaskCompletionSource();
            (priority == SendPriority.Reply ? _replies : _broadcasts).Enqueue(waiter);
            if (!_pumping) _pumping = startPump = true;
        }
        if (startPump) _ = PumpAsync();
        return WaitForTurnAsync(waiter, ct);
    }

    public void Pause(TimeSpan retryAfter)
    {
        lock (_lock)
        {
            var until = time.GetUtcNow() + retryAfter;
            if (until > _pausedUntil) _pausedUntil = until;
        }
    }

    private static async ValueTask WaitForTurnAsync(TaskCompletionSource waiter, CancellationToken ct)
    {
        await using var registration = ct.Register(static w => ((TaskCompletionSource)w!).TrySetCanceled(), waiter);
        await waiter.Task;
    }

    private DateTimeOffset Due() => _tat - _tolerance > _pausedUntil ? _tat - _tolerance : _pausedUntil;

    private DateTimeOffset ReplyDue() => _tat - _replyTolerance > _pausedUntil ? _tat - _replyTolerance : _pausedUntil;

    private void Take(DateTimeOffset now) => _tat = (_tat > now ? _tat : now) + interval;

    /// <summary>Hands out permits while anyone waits, replies first; sleeps on the injected clock in between.</summary>
    private async Task PumpAsync()
    {
        var ready = new List<TaskCompletionSource>();
        while (true)
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                while (Next() is { } queue && (queue == _replies ? ReplyDue() : Due()) <= now)
                {
                    ready.Add(queue.Dequeue());
                    Take(now);
                }
                var next = Next();
                wait = next is null ? TimeSpan.Zero : (next == _replies ? ReplyDue() : Due()) - now;
                if (next is null) _pumping = false;
            }
            // Released outside the lock: a sender continues right here and may come back for its next message.
            foreach (var waiter in ready) waiter.TrySetResult();
            ready.Clear();
            if (wait == TimeSpan.Zero) return;
            await Task.Delay(wait, time);
        }
    }

    private Queue<TaskCompletionSource>? Next()
    {
        while (_replies.TryPeek(out var r) && r.Task.IsCompleted) _replies.Dequeue();
        if (_replies.Count > 0) return _replies;
        while (_broadcasts.TryPeek(out var b) && b.Task.IsCompleted) _broadcasts.Dequeue();
        return _broadcasts.Count > 0 ? _broadcasts : null;
    }
}
