using System.Collections.Concurrent;

namespace Bot.Builder.Pipeline;

/// <summary>An update a channel received and stored before acknowledging it to the platform.</summary>
public sealed record ReceivedUpdate(long Id, string Channel, string Payload);

/// <summary>An update a webhook took in: its id, and a task that completes once it, or its handled outcome, is on disk.</summary>
public sealed record PendingReceipt(long Id, Task Durable);

/// <summary>
/// The durable intake: a channel stores what the platform sent before it says "received" (webhook 200, polling offset),
/// and the turn that handles it removes it in the same commit as the turn's own writes. After a crash, what is still
/// here is handed over again at start (several instances: claimed by a live one, see <see cref="ISharedReceivedUpdates"/>);
/// the de-duplication marker keeps a message from being answered twice.
/// </summary>
public interface IReceivedUpdates
{
    /// <summary>Stores the payloads (one commit for all) and returns their ids, in order.</summary>
    Task<IReadOnlyList<long>> AddAsync(string channel, IReadOnlyList<string> payloads, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores one payload for a webhook that answers once it is durable: it rides in the commit of its own turn when
    /// that comes within <paramref name="within"/> (the turn's completion then stands for it and nothing more is written),
    /// else it is committed after that bound. <paramref name="payload"/> is asked for only if it is written. Stores that
    /// cannot hold a write store it at once, as <see cref="AddAsync"/>.
    /// </summary>
    async Task<PendingReceipt> ReceiveAsync(string channel, Func<string> payload, TimeSpan within, CancellationToken cancellationToken = default) =>
        new((await AddAsync(channel, [payload()], cancellationToken))[0], Task.CompletedTask);

    /// <summary>Removes a handled update: enlisted in the current unit of work (a turn), or committed alone.</summary>
    Task CompleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Updates of the channel not handled yet, oldest first.</summary>
    Task<IReadOnlyList<ReceivedUpdate>> PendingAsync(string channel, CancellationToken cancellationToken = default);
}

/// <summary>For hosts without durable storage (engine tests): kept in memory.</summary>
public sealed class MemoryReceivedUpdates : IReceivedUpdates
{
    private readonly ConcurrentDictionary<long, ReceivedUpdate> _pending = new();
    private long _next;

    public Task<IReadOnlyList<long>> AddAsync(string channel, IReadOnlyList<string> payloads, CancellationToken cancellationToken = default)
    {
        var ids = payloads.Select(p =>
        {
            var id = Interlocked.Increment(ref _next);
            _pending[id] = new ReceivedUpdate(id, channel, p);
            return id;
        }).ToList();
        return Task.FromResult<IReadOnlyList<long>>(ids);
    }

    public Task CompleteAsync(long id, CancellationToken cancellationToken = default)
    {
        _pending.TryRemove(id, out _);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ReceivedUpdate>> PendingAsync(string channel, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReceivedUpdate>>([.. _pending.Values.Where(u => u.Channel == channel).OrderBy(u => u.Id)]);
}
