using Bot.Builder.Activities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Builder.Pipeline;

/// <summary>
/// At start, sends the replies of turns that were committed but whose replies had not gone out when the process
/// stopped (kill -9, a power cut). Runs in the background so the start is not held up by a slow platform. With an
/// outbox shared by several instances it keeps running and sends what an instance that died left behind.
/// </summary>
public sealed class ReplyResender(IReplyOutbox outbox, TurnPipeline pipeline, Delivery delivery, TimeProvider time, ILogger<ReplyResender> logger) : BackgroundService
{
    private const int ClaimSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (outbox is ISharedReplyOutbox shared)
        {
            await RunSharedAsync(shared, stoppingToken);
            return;
        }
        var pending = await outbox.PendingAsync(stoppingToken);
        if (pending.Count == 0) return;
        logger.LogInformation("Sending the replies of {Count} turns that were stored but not sent before the last stop", pending.Count);
        foreach (var (key, replies) in pending) await SendAsync(key, replies, stoppingToken);
    }

    private async Task RunSharedAsync(ISharedReplyOutbox shared, CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                IReadOnlyList<(string TurnKey, IReadOnlyList<PendingReply> Replies)> claimed = [];
                try
                {
                    claimed = await shared.ClaimAbandonedAsync(ClaimSize, stoppingToken);
                    if (claimed.Count > 0) logger.LogInformation("Sending the replies of {Count} turns an instance stored but did not send", claimed.Count);
                    foreach (var (key, replies) in claimed) await SendAsync(key, replies, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not send held replies; trying again later");
                }
                if (claimed.Count < ClaimSize) await Task.Delay(shared.Abandoned / 2, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down: what is held stays for the next claim
        }
    }

    private async Task SendAsync(string key, IReadOnlyList<PendingReply> replies, CancellationToken stoppingToken)
    {
        foreach (var (to, reply) in replies)
        {
            if (pipeline.Connector(to.Channel) is not { } connector) continue;
            try
            {
                await delivery.SendAsync(connector, to, reply, SendPriority.Reply, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not send a held reply to {Channel}:{ChatId}", to.Channel, to.ChatId);
            }
        }
        await outbox.ReleaseAsync(key, stoppingToken);
    }
}
