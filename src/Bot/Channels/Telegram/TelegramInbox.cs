using System.Text.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.Channels.Telegram;

/// <summary>
/// Where polling and the webhook hand updates over: drops an update_id seen before, follows group migrations,
/// translates, and hands the activity to the shared <see cref="Inbox"/>, which queues the turn (FIFO per chat) and
/// returns; it lets running turns finish when the host stops.
/// </summary>
public sealed class TelegramInbox(
    Inbox inbox,
    TelegramUpdateTranslator translator,
    TelegramChatMigration migration,
    TelegramCommandMenu menu,
    TelegramErrors errors,
    IReceivedUpdates received,
    ILogger<TelegramInbox> logger) : IStoredUpdateHandler
{
    private readonly RecentIds _seen = new(10_000);

    /// <summary>Stores the updates before anyone tells Telegram they arrived (webhook 200, the next polling offset).</summary>
    public Task<IReadOnlyList<long>> StoreAsync(IReadOnlyList<Update> updates, CancellationToken ct) =>
        received.AddAsync(TelegramUpdateTranslator.Channel, [.. updates.Select(u => JsonSerializer.Serialize(u, JsonBotAPI.Options))], ct);

    /// <summary>The webhook's way: stored with its turn's commit when that comes within <paramref name="within"/>, else alone.</summary>
    public Task<PendingReceipt> ReceiveAsync(Update update, TimeSpan within, CancellationToken ct) =>
        received.ReceiveAsync(TelegramUpdateTranslator.Channel, () => JsonSerializer.Serialize(update, JsonBotAPI.Options), within, ct);

    public string Channel => TelegramUpdateTranslator.Channel;

    /// <summary>Hands over what was stored and not handled before the last stop (with several instances: what nobody alive owns), oldest first.</summary>
    public Task ResumeAsync(CancellationToken ct) => this.ResumeAsync(received, logger, ct);

    public async Task HandOverStoredAsync(ReceivedUpdate stored, CancellationToken ct)
    {
        if (JsonSerializer.Deserialize<Update>(stored.Payload, JsonBotAPI.Options) is { } update) await HandOverAsync(update, ct, stored.Id);
        else await received.CompleteAsync(stored.Id, ct);
    }

    /// <summary>Translates and queues the update; <paramref name="receipt"/> (its stored copy) is removed by its turn, or here when no turn follows.</summary>
    public async Task HandOverAsync(Update update, CancellationToken ct, long? receipt = null)
    {
        var queued = false;
        try
        {
            queued = await TryHandOverAsync(update, ct, receipt);
        }
        finally
        {
            // Not queued and not because of a stop: nothing will handle it, so it must not come back at the next start.
            if (!queued && receipt is { } id && !ct.IsCancellationRequested) await received.CompleteAsync(id, CancellationToken.None);
        }
    }

    private async Task<bool> TryHandOverAsync(Update update, CancellationToken ct, long? receipt)
    {
        if (!_seen.Add(update.Id))
        {
            logger.LogInformation("Skipped re-delivered Telegram update {UpdateId}", update.Id);
            return false;
        }
        Activity? activity;
        try
        {
            if (update.Message is { MigrateToChatId: { } newId } m)
            {
                await migration.MigrateAsync(TelegramUpdateTranslator.Id(m.Chat.Id), TelegramUpdateTranslator.Id(newId), ct);
                return false;
            }
            activity = translator.Translate(update);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One unreadable update must not block every later one: log it and move on.
            logger.LogError(errors.Redacted(ex), "Could not translate Telegram update {UpdateId}", update.Id);
            return false;
        }
        if (activity is null) return false;
        if (activity.ChatKind == ChatKind.Private) await menu.OnPrivateContactAsync(activity.UserId, ct);

        await inbox.HandOverAsync(activity with { ReceiptId = receipt }, ct);
        return true;
    }

    /// <summary>The last N update ids, for the webhook's "same update twice" (Telegram re-sends when unsure).</summary>
    private sealed class RecentIds(int capacity)
    {
        private readonly HashSet<int> _set = [];
        private readonly Queue<int> _order = new();
        private readonly Lock _gate = new();

        public bool Add(int id)
        {
            lock (_gate)
            {
                if (!_set.Add(id)) return false;
                _order.Enqueue(id);
                if (_order.Count > capacity) _set.Remove(_order.Dequeue());
                return true;
            }
        }
    }
}
