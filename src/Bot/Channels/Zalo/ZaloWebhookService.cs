using Bot.Channels.Zalo.Api;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Bot.Channels.Zalo;

/// <summary>
/// Webhook mode: registers Zalo:WebhookUrl with its secret at start (retrying while Zalo cannot be reached) and
/// hands queued events to the pipeline. On stop the web server has already stopped accepting calls; whatever was
/// acknowledged is still handled.
/// </summary>
public sealed class ZaloWebhookService(
    ZaloBotClient client,
    ZaloStartup startup,
    ZaloWebhookQueue queue,
    ZaloInbox inbox,
    IOptions<ZaloOptions> options,
    IServer server,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    Operations.ChannelHealth health,
    ILogger<ZaloWebhookService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The proxy in front must know where to forward; with the default Urls (port 0) the port is only known now.
        lifetime.ApplicationStarted.Register(() => logger.LogInformation("Zalo webhook listening locally on {Addresses} at {Path}",
            string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []), new Uri(options.Value.WebhookUrl!).AbsolutePath));
        var register = RegisterAsync(stoppingToken);
        await inbox.ResumeAsync(CancellationToken.None);
        await foreach (var (update, receipt) in queue.Updates.Reader.ReadAllAsync(CancellationToken.None))
            await inbox.DispatchAsync(update, CancellationToken.None, receipt);
        await register;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Updates.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task RegisterAsync(CancellationToken ct)
    {
        if (!await startup.IdentifyAsync(ct)) return;
        var o = options.Value;
        for (var failures = 1; !ct.IsCancellationRequested; failures++)
        {
            try
            {
                await client.SetWebhookAsync(o.WebhookUrl!, o.WebhookSecret!, ct);
                logger.LogInformation("Zalo webhook registered at {Url}", o.WebhookUrl);
                health.Connected(ZaloActivityMapper.Channel);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (ZaloApiException ex) when (ex.ErrorCode == 401)
            {
                ZaloStartup.LogRejectedToken(logger);
                return;
            }
            catch (ZaloApiException ex)
            {
                var delay = ZaloPollingService.Backoff(failures);
                logger.LogError(ex, "Zalo setWebhook failed; Zalo will not deliver messages until it succeeds. Next try in {Delay}", delay);
                try
                {
                    await Task.Delay(delay, time, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
