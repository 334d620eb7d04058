using Microsoft.Extensions.Logging;

namespace Bot.Builder.Pipeline;

/// <summary>
/// A durable intake that several instances share. Each stored update belongs to the instance that stored (or claimed)
/// it; a starting instance must not hand over what a live one is handling, and what an instance that died left behind
/// must not wait for a restart: a live instance claims it (see <see cref="StrandedUpdateTaker"/>).
/// </summary>
public interface ISharedReceivedUpdates
{
    /// <summary>How often a live instance looks for updates left by dead ones.</summary>
    TimeSpan TakeOverEvery { get; }

    /// <summary>
    /// Claims up to <paramref name="limit"/> updates of the channels that nobody alive owns (stored by an instance that
    /// died, or before owners were kept), oldest first. A claimed update is this instance's: no other claims it while
    /// this one lives.
    /// </summary>
    Task<IReadOnlyList<ReceivedUpdate>> ClaimStrandedAsync(IReadOnlyCollection<string> channels, int limit, CancellationToken cancellationToken = default);
}

public static class ReceivedUpdatesExtensions
{
    /// <summary>
    /// A starting channel hands over what was stored and not handled before the last stop (with several instances: what
    /// nobody alive owns), oldest first, each the way it came in.
    /// </summary>
    public static async Task ResumeAsync(this IStoredUpdateHandler handler, IReceivedUpdates received, ILogger logger, CancellationToken cancellationToken)
    {
        var pending = await received.LeftOverAsync(handler.Channel, cancellationToken);
        if (pending.Count > 0) logger.LogInformation("Handing over {Count} {Channel} updates received before the last stop", pending.Count, handler.Channel);
        foreach (var stored in pending) await handler.HandOverStoredAsync(stored, cancellationToken);
    }

    /// <summary>
    /// What a starting channel hands over: every pending update of a single-process store, or only the stranded ones of
    /// a shared store (a live instance's updates are being handled there right now).
    /// </summary>
    public static async Task<IReadOnlyList<ReceivedUpdate>> LeftOverAsync(this IReceivedUpdates received, string channel, CancellationToken cancellationToken = default) =>
        received is ISharedReceivedUpdates shared
            ? await shared.ClaimStrandedAsync([channel], int.MaxValue, cancellationToken)
            : await received.PendingAsync(channel, cancellationToken);
}
