using System.Collections.Concurrent;
using Telegram.Bot.Types;

namespace Bot.Channels.Telegram;

/// <summary>
/// Where polling and the webhook hand updates over: drops an update_id seen before, follows group migrations,
/// translates, and queues the turn. <see cref="HandOverAsync"/> returns once the turn is queued (FIFO per chat),
/// not when it is done, so a slow turn never holds up receiving; too many unfinished turns make it wait instead.
/// </summary>
public sealed class TelegramInbox(
    TurnPipeline pipeline,
    TelegramUpdateTranslator translator,
    TelegramChatMigration migration,
    TelegramCommandMenu menu,
    TelegramErrors errors,
    ILogger<TelegramInbox> logger)
{
    public const int MaxTurnsInFlight = 256;
    private readonly SemaphoreSlim _slots = new(MaxTurnsInFlight, MaxTurnsInFlight);
    private readonly ConcurrentDictionary<Task, byte> _inFlight = new();
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

        await _slots.WaitAsync(ct);
        // Not the receiver's token: a turn that started finishes its answer even while the host stops.
        var turn = pipeline.ProcessAsync(activity, CancellationToken.None);
        _inFlight.TryAdd(turn, 0);
        _ = turn.ContinueWith(t =>
        {
            _inFlight.TryRemove(t, out _);
            _slots.Release();
            if (t.Exception is { } ex)
                logger.LogError(errors.Redacted(ex.GetBaseException()), "Turn failed in telegram:{ChatId} (update {UpdateId})", activity.ChatId, update.Id);
        }, TaskScheduler.Default);
    }

    /// <summary>Waits for queued turns at shutdown, until the host's stop timeout.</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        var pending = _inFlight.Keys.ToArray();
        if (pending.Length == 0) return;
        logger.LogInformation("Finishing {Count} Telegram turns before stopping", pending.Length);
        try
        {
            await Task.WhenAll(pending).WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("Stopped with {Count} Telegram turns unfinished", _inFlight.Count);
        }
        catch (Exception)
        {
            // each failure was logged by its continuation
        }
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
