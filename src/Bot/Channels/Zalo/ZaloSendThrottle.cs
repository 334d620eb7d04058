namespace Bot.Channels.Zalo;

/// <summary>
/// A token bucket for every call that sends: at most SendsPerSecond on average, bursts of the same size.
/// Each caller reserves its slot under the lock, so waiting callers go out in arrival order.
/// </summary>
public sealed class ZaloSendThrottle(IOptions<ZaloOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly double _rate = options.Value.SendsPerSecond;
    private readonly double _burst = Math.Max(1, options.Value.SendsPerSecond);
    private double _tokens = Math.Max(1, options.Value.SendsPerSecond);
    private long _last = time.GetTimestamp();

    public Task WaitAsync(CancellationToken ct)
    {
        TimeSpan wait;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + time.GetElapsedTime(_last, now).TotalSeconds * _rate);
            _last = now;
            _tokens -= 1;
            wait = _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-_tokens / _rate);
        }
        return wait == TimeSpan.Zero ? Task.CompletedTask : Task.Delay(wait, time, ct);
    }
}
