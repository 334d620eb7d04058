using Bot.Channels.Zalo.Api;

namespace Bot.Channels.Zalo;

/// <summary>
/// Long polling (zalo.md §1.5): getUpdates returns one update per call, or 408 when nothing arrived, which
/// simply means "ask again". A webhook blocks getUpdates, so one left over from Webhook mode is removed first.
/// </summary>
public sealed class ZaloPollingService(
    ZaloBotClient client,
    ZaloStartup startup,
    ZaloInbox inbox,
    TimeProvider time,
    Operations.ChannelHealth health,
    ILogger<ZaloPollingService> logger) : BackgroundService
{
    internal static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(5);
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await startup.IdentifyAsync(stoppingToken)) return;
        await inbox.ResumeAsync(stoppingToken);
        var checkWebhook = true;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (checkWebhook) await RemoveWebhookAsync(stoppingToken);
                checkWebhook = false;
                var updates = await client.GetUpdatesAsync(stoppingToken);
                failures = 0;
                health.Connected(ZaloActivityMapper.Channel);
                var receipts = updates.Count == 0 ? [] : await inbox.StoreAsync(updates, stoppingToken);
                for (var i = 0; i < updates.Count; i++) await inbox.DispatchAsync(updates[i], stoppingToken, receipts[i]);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ZaloApiException ex) when (ex.ErrorCode == 401)
            {
                ZaloStartup.LogRejectedToken(logger);
                return;
            }
            catch (Exception ex)
            {
                failures++;
                health.Failed(ZaloActivityMapper.Channel, "getUpdates: " + ex.GetBaseException().Message);
                var delay = Backoff(failures);
                logger.LogWarning(ex, "Zalo polling failed ({Failures} in a row); next try in {Delay}", failures, delay);
                // A webhook set from elsewhere would make every getUpdates fail: check again before the next call.
                checkWebhook = true;
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    internal static TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(failures - 1, 8)));

    private async Task RemoveWebhookAsync(CancellationToken ct)
    {
        if (await client.GetWebhookInfoAsync(ct) is not { Url.Length: > 0 } hook) return;
        await client.DeleteWebhookAsync(ct);
        logger.LogWarning("Removed the Zalo webhook {Url} so that polling can receive messages", hook.Url);
    }
}
