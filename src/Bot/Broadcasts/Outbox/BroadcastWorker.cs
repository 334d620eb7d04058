using System.Threading.Channels;

namespace Bot.Broadcasts.Outbox;

/// <summary>Hands confirmed broadcasts (already stored with all their rows) to the worker.</summary>
public sealed class BroadcastQueue
{
    private readonly Channel<int> _ids = Channel.CreateUnbounded<int>();

    public void Enqueue(int broadcastId) => _ids.Writer.TryWrite(broadcastId);

    internal ChannelReader<int> Reader => _ids.Reader;

    /// <summary>Broadcasts confirmed but not yet taken by the worker.</summary>
    public int Waiting => _ids.Reader.Count;
}

/// <summary>
/// At start, resumes every broadcast that still has pending rows (after a crash or a restart nothing is skipped);
/// then starts each newly confirmed one. On shutdown the runs stop between messages and stay pending. With several
/// instances on one database only the holder of the sender lease sends (see <see cref="IBroadcastSenderLease"/>).
/// </summary>
public sealed class BroadcastWorker(
    IBroadcastStore store, BroadcastRunner runner, BroadcastQueue queue, IBroadcastSenderLease lease, IOptions<BroadcastOptions> options,
    TimeProvider time, ILogger<BroadcastWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting; this loop lives as long as the service
        try
        {
            try
            {
                var forgotten = await store.ForgetRowsFinishedBeforeAsync(time.GetUtcNow() - options.Value.KeepRecipientRows, stoppingToken);
                if (forgotten > 0) logger.LogInformation("Removed {Count} recipient rows of old broadcasts", forgotten);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not clean up old broadcast rows; continuing"); // housekeeping must not stop the bot
            }
            if (lease.Shared)
            {
                await RunSharedAsync(stoppingToken);
                return;
            }
            foreach (var broadcast in await store.SendingAsync(stoppingToken))
            {
                logger.LogInformation("Resuming broadcast {Id} after a restart", broadcast.Id);
                runner.TryStart(broadcast.Id, resumed: true, stoppingToken);
            }
            await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
                runner.TryStart(id, resumed: false, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
        catch (Exception ex)
        {
            // Logged, not rethrown: an escaping exception would stop the whole bot (members' replies included).
            logger.LogError(ex, "The broadcast worker failed; broadcasts resume at the next start");
        }
        finally
        {
            await runner.StoppedAsync();
            if (lease.Shared) await ReleaseAsync();
        }
    }

    /// <summary>
    /// Several instances: renew (or try to take) the lease every <see cref="IBroadcastSenderLease.RenewEvery"/>; while
    /// held, run every broadcast still sending, including those confirmed on other instances and those a dead holder
    /// left half sent. A broadcast confirmed here while another instance holds the lease is started by that one.
    /// </summary>
    private async Task RunSharedAsync(CancellationToken stoppingToken)
    {
        var held = false;
        var waiting = queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
        while (!stoppingToken.IsCancellationRequested)
        {
            var holds = false;
            try
            {
                holds = await lease.HoldAsync(stoppingToken);
                if (holds)
                    foreach (var broadcast in await store.SendingAsync(stoppingToken))
                        if (runner.TryStart(broadcast.Id, resumed: !held, stoppingToken))
                            logger.LogInformation("Sending broadcast {Id} (this instance holds the sender lease)", broadcast.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not renew the broadcast sender lease; sending stops here until it is held again");
            }
            if (held && !holds)
            {
                logger.LogWarning("The broadcast sender lease went to another instance; broadcasts continue there");
                runner.InterruptAll();
            }
            held = holds;
            await Task.WhenAny(waiting, Task.Delay(lease.RenewEvery, time, stoppingToken));
            if (waiting.IsCompleted) waiting = queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
            while (queue.Reader.TryRead(out var id))
                if (held) runner.TryStart(id, resumed: false, stoppingToken);
        }
    }

    private async Task ReleaseAsync()
    {
        try
        {
            await lease.ReleaseAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not give up the broadcast sender lease; another instance takes it when it expires");
        }
    }
}
