using System.Text.Json;
using Bot.Channels.Zalo.Api;

namespace Bot.Channels.Zalo;

/// <summary>
/// Where both Zalo receivers (polling and webhook) hand events over: stores them first (Zalo never sends an event it
/// delivered again), maps each to an activity and passes it to the shared <see cref="Inbox"/>, which queues the turn,
/// shows "typing…" when it is slow and drains on shutdown. The turn removes the stored event in its own commit.
/// </summary>
public sealed class ZaloInbox(Inbox inbox, ZaloActivityMapper mapper, IReceivedUpdates received, ILogger<ZaloInbox> logger) : IStoredUpdateHandler
{
    private long _ignored;

    /// <summary>Events fully handled so far (answered, skipped as re-delivered, failed, or ignored); tests wait on it.</summary>
    internal long Handled => Interlocked.Read(ref _ignored) + inbox.Handled(ZaloActivityMapper.Channel);

    /// <summary>Stores events before Zalo is told they arrived (the webhook's 200; a polled event is gone from Zalo once returned).</summary>
    public Task<IReadOnlyList<long>> StoreAsync(IReadOnlyList<ZaloUpdate> updates, CancellationToken ct) =>
        received.AddAsync(ZaloActivityMapper.Channel, [.. updates.Select(u => JsonSerializer.Serialize(u))], ct);

    /// <summary>The webhook's way: each event is stored with its turn's commit when that comes within <paramref name="within"/>, else alone.</summary>
    public async Task<IReadOnlyList<PendingReceipt>> ReceiveAsync(IReadOnlyList<ZaloUpdate> updates, TimeSpan within, CancellationToken ct)
    {
        var receipts = new List<PendingReceipt>(updates.Count);
        foreach (var update in updates) receipts.Add(await received.ReceiveAsync(ZaloActivityMapper.Channel, () => JsonSerializer.Serialize(update), within, ct));
        return receipts;
    }

    public string Channel => ZaloActivityMapper.Channel;

    /// <summary>Hands over what was stored and not handled before the last stop (with several instances: what nobody alive owns), oldest first.</summary>
    public Task ResumeAsync(CancellationToken ct) => this.ResumeAsync(received, logger, ct);

    public async Task HandOverStoredAsync(ReceivedUpdate stored, CancellationToken ct)
    {
        if (JsonSerializer.Deserialize<ZaloUpdate>(stored.Payload) is { } update) await DispatchAsync(update, ct, stored.Id);
        else await received.CompleteAsync(stored.Id, ct);
    }

    /// <summary>Queues the turn for this event and returns; waits only when too many turns are running.</summary>
    public async Task DispatchAsync(ZaloUpdate update, CancellationToken ct, long? receipt = null)
    {
        if (mapper.ToActivity(update) is not { } activity)
        {
            if (receipt is { } id) await received.CompleteAsync(id, CancellationToken.None);
            Interlocked.Increment(ref _ignored);
            return;
        }
        await inbox.HandOverAsync(activity with { ReceiptId = receipt }, ct);
    }
}
