using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Bot.Channels.Telegram;

/// <summary>
/// The one long-polling receiver. An update is confirmed (the next offset) only after it was handed to the
/// pipeline; errors pause the loop (doubling up to a minute) instead of hammering Telegram.
/// </summary>
public sealed class TelegramPollingService(
    ITelegramBotClient client,
    TelegramBotIdentity identity,
    TelegramInbox inbox,
    TelegramCommandMenu menu,
    IOptions<TelegramOptions> options,
    TelegramErrors errors,
    TimeProvider time,
    Operations.ChannelHealth health,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    /// <summary>Messages, button presses, and the bot being added to or removed from chats — nothing else.</summary>
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    public static readonly TimeSpan ConflictDelay = TimeSpan.FromSeconds(30);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await identity.CheckAtStartAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await identity.WhenKnownAsync(stoppingToken);
            await DeleteWebhookAsync(stoppingToken);
            menu.StartPublishing(stoppingToken);
            await inbox.ResumeAsync(stoppingToken);
            await PollAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (InvalidOperationException ex) when (identity.Me is null)
        {
            logger.LogCritical("{Problem}", ex.Message); // the token was rejected after the start check gave up waiting
        }
    }

    private async Task PollAsync(CancellationToken ct)
    {
        int? offset = null;
        var pause = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        logger.LogInformation("Receiving Telegram updates by long polling");
        while (!ct.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await client.GetUpdates(offset, limit: 100, timeout: options.Value.PollTimeoutSeconds, allowedUpdates: AllowedUpdates, ct);
                pause.Reset();
                health.Connected(TelegramUpdateTranslator.Channel);
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 409)
            {
                health.Failed(TelegramUpdateTranslator.Channel, "getUpdates: 409 " + errors.Redact(ex.Message));
                logger.LogError("Telegram refused getUpdates: another instance is polling this token, or a webhook is set (\"{Answer}\"). Run one instance per bot token; retrying in {Delay}.",
                    errors.Redact(ex.Message), ConflictDelay);
                await Task.Delay(ConflictDelay, time, ct);
                continue;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                health.Failed(TelegramUpdateTranslator.Channel, "getUpdates: " + errors.Redact(ex.GetBaseException().Message));
                if (TelegramErrors.IsTokenRejected(ex))
                    logger.LogError("Telegram rejected the bot token (\"{Answer}\"): was it revoked in @BotFather? Retrying in {Delay}", errors.Redact(ex.Message), pause.Current);
                else
                {
                    // Outages repeat: one line each, the stack only at Debug.
                    logger.LogWarning("Polling Telegram failed: {Problem}; retrying in {Delay}", errors.Redact(ex.GetBaseException().Message), pause.Current);
                    logger.LogDebug(errors.Redacted(ex), "getUpdates failed");
                }
                await pause.WaitAsync(time, ct);
                continue;
            }
            // Stored before the next getUpdates confirms them to Telegram: a confirmed update is never lost. If they
            // cannot be stored, the offset stays and Telegram sends them again.
            IReadOnlyList<long> receipts;
            try
            {
                receipts = updates.Length == 0 ? [] : await inbox.StoreAsync(updates, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Could not store {Count} Telegram updates; asking for them again in {Delay}", updates.Length, pause.Current);
                await pause.WaitAsync(time, ct);
                continue;
            }
            for (var i = 0; i < updates.Length; i++)
            {
                var update = updates[i];
                try
                {
                    await inbox.HandOverAsync(update, ct, receipts[i]);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // A bug on one update must not stop the receiver, nor make Telegram resend it forever.
                    logger.LogError(errors.Redacted(ex), "Could not hand over Telegram update {UpdateId}; skipped", update.Id);
                }
                offset = update.Id + 1; // confirmed to Telegram by the next getUpdates
            }
        }
    }

    private async Task DeleteWebhookAsync(CancellationToken ct)
    {
        // getUpdates answers 409 while a webhook is set (e.g. left over from running in webhook mode).
        try
        {
            await client.DeleteWebhook(dropPendingUpdates: false, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not remove a Telegram webhook before polling: {Problem}", errors.Redact(ex.Message));
        }
    }
}
