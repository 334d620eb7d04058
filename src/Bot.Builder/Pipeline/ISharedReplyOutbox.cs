namespace Bot.Builder.Pipeline;

/// <summary>
/// A reply outbox that several instances share. A starting instance must not send what a live one holds for the few
/// milliseconds between its commit and its send; only replies held longer than <see cref="Abandoned"/> (their
/// instance died) are taken, by whichever instance claims them first.
/// </summary>
public interface ISharedReplyOutbox
{
    TimeSpan Abandoned { get; }

    /// <summary>
    /// Claims up to <paramref name="limit"/> turns whose replies were held longer than <see cref="Abandoned"/>, oldest
    /// first. A claim restarts their clock: no other instance takes them while this one sends; if it dies too, they are
    /// taken again later (sent once more at most).
    /// </summary>
    Task<IReadOnlyList<(string TurnKey, IReadOnlyList<PendingReply> Replies)>> ClaimAbandonedAsync(int limit, CancellationToken cancellationToken);
}
