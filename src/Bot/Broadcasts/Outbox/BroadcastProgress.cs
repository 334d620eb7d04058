namespace Bot.Broadcasts.Outbox;

/// <summary>Counters of one running broadcast, started from the stored rows (a resumed broadcast keeps its earlier sends).</summary>
public sealed class BroadcastProgress
{
    private int _sent, _failed, _unreachable, _cancelled, _rateLimited;

    public BroadcastProgress(int total, IReadOnlyDictionary<RecipientState, int> counts, DateTimeOffset startedAt)
    {
        Total = total;
        _sent = counts.GetValueOrDefault(RecipientState.Sent);
        _failed = counts.GetValueOrDefault(RecipientState.Failed);
        _unreachable = counts.GetValueOrDefault(RecipientState.Unreachable);
        _cancelled = counts.GetValueOrDefault(RecipientState.Cancelled);
        StartedAt = startedAt;
        DoneAtStart = Done;
    }

    public int Total { get; }
    public int Sent => Volatile.Read(ref _sent);
    public int Failed => Volatile.Read(ref _failed);
    public int Unreachable => Volatile.Read(ref _unreachable);
    public int Cancelled => Volatile.Read(ref _cancelled);

    /// <summary>429s this run received (0 is the goal at the configured rate).</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    public int Done => Sent + Failed + Unreachable + Cancelled;
    public int Remaining => Math.Max(0, Total - Done);
    public DateTimeOffset StartedAt { get; }

    /// <summary>Rows already finished when this run started (after a restart), left out of the speed estimate.</summary>
    public int DoneAtStart { get; }

    public void Count(RecipientState state)
    {
        switch (state)
        {
            case RecipientState.Sent: Interlocked.Increment(ref _sent); break;
            case RecipientState.Failed: Interlocked.Increment(ref _failed); break;
            case RecipientState.Unreachable: Interlocked.Increment(ref _unreachable); break;
            case RecipientState.Cancelled: Interlocked.Increment(ref _cancelled); break;
        }
    }

    public void CountCancelled(int rows) => Interlocked.Add(ref _cancelled, rows);

    public void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    /// <summary>Time left at the speed seen so far, or at <paramref name="configuredRate"/> before there is enough to measure.</summary>
    public TimeSpan? EstimateLeft(DateTimeOffset now, double? configuredRate)
    {
        var elapsed = (now - StartedAt).TotalSeconds;
        var doneNow = Done - DoneAtStart;
        double? rate = elapsed >= 2 && doneNow >= 5 ? doneNow / elapsed : configuredRate;
        return rate is > 0 ? TimeSpan.FromSeconds(Math.Ceiling(Remaining / rate.Value)) : null;
    }
}
