using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Builder.Pipeline;

/// <summary>
/// Several instances on one database: updates an instance acknowledged and did not handle before it died would wait
/// for a restart of some instance. Every <see cref="ISharedReceivedUpdates.TakeOverEvery"/> this instance claims the
/// ones nobody alive owns, oldest first, and hands each to its channel as the start-up resume does. With a
/// single-process store (LiteDB) it does nothing: the start-up resume is all there is to do.
/// </summary>
public sealed class StrandedUpdateTaker(IServiceProvider services, IReceivedUpdates received, TimeProvider time, ILogger<StrandedUpdateTaker> logger) : BackgroundService
{
    private const int ClaimSize = 100;
    private long _passes;

    /// <summary>Takeover passes finished so far (claims made or not); tests wait on it instead of a time.</summary>
    public long Passes => Interlocked.Read(ref _passes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (received is not ISharedReceivedUpdates shared) return;
        // Resolved here, not injected: the channels' inboxes depend on the pipeline, which must not wait for this.
        var handlers = services.GetServices<IStoredUpdateHandler>().ToDictionary(h => h.Channel);
        if (handlers.Count == 0) return;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // The first pass waits too: the channels' own start-up resume claims what was left when this instance started.
                await Task.Delay(shared.TakeOverEvery, time, stoppingToken);
                await TakeOverAsync(shared, handlers, stoppingToken);
                Interlocked.Increment(ref _passes);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: what this instance claimed and did not hand over is claimed by another once its heartbeat stops
        }
    }

    private async Task TakeOverAsync(ISharedReceivedUpdates shared, Dictionary<string, IStoredUpdateHandler> handlers, CancellationToken stoppingToken)
    {
        try
        {
            IReadOnlyList<ReceivedUpdate> claimed;
            do
            {
                claimed = await shared.ClaimStrandedAsync(handlers.Keys, ClaimSize, stoppingToken);
                if (claimed.Count > 0) logger.LogInformation("Handing over {Count} stored updates an instance that stopped did not handle", claimed.Count);
                foreach (var update in claimed) await handlers[update.Channel].HandOverStoredAsync(update, stoppingToken);
            }
            while (claimed.Count == ClaimSize);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not take over stored updates; trying again in {Seconds} s", shared.TakeOverEvery.TotalSeconds);
        }
    }
}
