using Bot.Builder.Activities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Builder.Pipeline;

/// <summary>
/// At start, sends the replies of turns that were committed but whose replies had not gone out when the process
/// stopped (kill -9, a power cut). Runs in the background so the start is not held up by a slow platform.
/// </summary>
public sealed class ReplyResender(IReplyOutbox outbox, TurnPipeline pipeline, Delivery delivery, ILogger<ReplyResender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var pending = await outbox.PendingAsync(stoppingToken);
        if (pending.Count == 0) return;
        logger.LogInformation("Sending the replies of {Count} turns that were stored but not sent before the last stop", pending.Count);
        foreach (var (key, replies) in pending)
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
}
