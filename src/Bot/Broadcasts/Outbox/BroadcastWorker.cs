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
/// then starts each newly confirmed one. On shutdown the runs stop between messages and stay pending.
/// </summary>
public sealed class BroadcastWorker(
    IBroadcastStore store, BroadcastRunner runner, BroadcastQueue queue, IOptions<BroadcastOptions> options,
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
        }
    }
}
