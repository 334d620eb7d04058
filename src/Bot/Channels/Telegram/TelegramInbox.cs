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
    ILogger<TelegramInbox> logger)
{
    private readonly RecentIds _seen = new(10_000);

    public async Task HandOverAsync(Update update, CancellationToken ct)
    {
        if (!_seen.Add(update.Id))
        {
            logger.LogInformation("Skipped re-delivered Telegram update {UpdateId}", update.Id);
            return;
        }
        Activity? activity;
        try
        {
            if (update.Message is { MigrateToChatId: { } newId } m)
            {
                await migration.MigrateAsync(TelegramUpdateTranslator.Id(m.Chat.Id), TelegramUpdateTranslator.Id(newId), ct);
                return;
            }
            activity = translator.Translate(update);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One unreadable update must not block every later one: log it and move on.
            logger.LogError(errors.Redacted(ex), "Could not translate Telegram update {UpdateId}", update.Id);
            return;
        }
        if (activity is null) return;
        if (activity.ChatKind == ChatKind.Private) await menu.OnPrivateContactAsync(activity.UserId, ct);

        await inbox.HandOverAsync(activity, ct);
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
