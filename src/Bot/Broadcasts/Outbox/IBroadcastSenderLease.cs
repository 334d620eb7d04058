namespace Bot.Broadcasts.Outbox;

/// <summary>
/// Who sends broadcasts: one process at a time, so the channels' send budgets (Telegram's 30 messages a second) are
/// not spent twice, and a broadcast is not sent by two instances at once.
/// </summary>
public interface IBroadcastSenderLease
{
    /// <summary>False when this process alone uses the storage: it always sends, and nothing needs renewing.</summary>
    bool Shared { get; }

    /// <summary>How often the holder renews (and a waiting instance tries to take over).</summary>
    TimeSpan RenewEvery { get; }

    /// <summary>Takes or renews the lease; true while this process holds it.</summary>
    Task<bool> HoldAsync(CancellationToken cancellationToken);

    /// <summary>Gives it up (shutdown), so another instance takes over at once instead of after it expires.</summary>
    Task ReleaseAsync(CancellationToken cancellationToken);
}

/// <summary>LiteDB: one process owns the file, so it is the only sender.</summary>
public sealed class SingleProcessSenderLease : IBroadcastSenderLease
{
    public bool Shared => false;

    public TimeSpan RenewEvery => Timeout.InfiniteTimeSpan;

    public Task<bool> HoldAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    public Task ReleaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
