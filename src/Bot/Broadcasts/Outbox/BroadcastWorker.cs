using System.Threading.Channels;

namespace Bot.Broadcasts.Outbox;

/// <summary>Hands confirmed broadcasts (already stored with all their rows) to the worker.</summary>
public sealed class BroadcastQueue
{
    private readonly Channel<int> _ids = Channel.CreateUnbounded<int>();

    public void Enqueue(int broadcastId) => _ids.Writer.TryWrite(broadcastId);

    internal ChannelReader<int> Reader => _ids.Reader;
}

/// <summary>
/// At start, resumes every broadcast that still has pending rows (after a crash or a restart nothing is skipped);
/// then starts each newly confirmed one. On shutdown the runs stop between messages and stay pending.
/// </summary>
public sealed class BroadcastWorker(
    BroadcastStore store, BroadcastRunner runner, BroadcastQueue queue, IOptions<BroadcastOptions> options,
    TimeProvider time, ILogger<BroadcastWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // let the host finish starting; this loop lives as long as the service
        try
        {
            var forgotten = store.ForgetRowsFinishedBefore(time.GetUtcNow() - options.Value.KeepRecipientRows);
            if (forgotten > 0) logger.LogInformation("Removed {Count} recipient rows of old broadcasts", forgotten);
            foreach (var broadcast in store.Sending())
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
        finally
        {
            await runner.StoppedAsync();
        }
    }
}
