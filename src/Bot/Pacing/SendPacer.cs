using System.Collections.Concurrent;

namespace Bot.Pacing;

/// <summary>
/// The real <see cref="ISendPacer"/>: every outbound message goes through here. A message waits for its chat's window
/// and then for the channel's overall budget; replies to members go ahead of broadcast messages and have a larger
/// burst, so they wait only when replies alone run past the limit. A 429 pauses the whole channel, replies included,
/// because the platform's limit is per bot, not per chat. Instances sharing PostgreSQL then reserve each message's slot
/// in the budget they share (<see cref="ISharedSendBudget"/>), so together they stay within the token's limits.
/// </summary>
public sealed class SendPacer(
    IEnumerable<IChannelConnector> connectors, IOptions<PacingOptions> options, TimeProvider time,
    ISharedSendBudget? shared = null, ILogger<SendPacer>? logger = null) : ISendPacer
{
    /// <summary>
    /// Broadcast messages may go two at once: a timer that fires a little late is made up for. Replies may go four at
    /// once. At the default 25/s that is at most 29 in any second, under Telegram's 30.
    /// </summary>
    public const int Burst = 2, ReplyBurst = 4;

    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.OrdinalIgnoreCase);
    private long _sharedFailures;

    public async ValueTask WaitAsync(ConversationAddress to, SendPriority priority, CancellationToken cancellationToken)
    {
        var lane = LaneFor(to.Channel);
        if (lane.Chats?.Reserve(to) is { } at) await UntilAsync(at, cancellationToken);
        await lane.Gate.WaitAsync(priority, cancellationToken);
        if (lane.Limits is { } limits && shared is { Shared: true }) await UntilAsync(await SharedSlotAsync(to, priority, limits, cancellationToken), cancellationToken);
    }

    public void Pause(string channel, TimeSpan retryAfter) => LaneFor(channel).Gate.Pause(retryAfter);

    /// <summary>When the channel may send again after a 429 (in the past when it is not paused).</summary>
    public DateTimeOffset PausedUntil(string channel) => LaneFor(channel).Gate.PausedUntil;

    /// <summary>The overall rate, or null for a channel that is not paced.</summary>
    public double? RateOf(string channel) => LimitsOf(channel)?.MessagesPerSecond;

    /// <summary>What the channel declares, with the settings under Pacing:Channels:{channel} on top.</summary>
    public SendLimits? LimitsOf(string channel)
    {
        var declared = connectors.FirstOrDefault(c => c.Channel.Equals(channel, StringComparison.OrdinalIgnoreCase))?.Limits;
        return options.Value.Channels.TryGetValue(channel, out var set) ? set.Over(declared) : declared;
    }

    /// <summary>
    /// The shared slot, or "now" when the database cannot be reached: a member's answer matters more than the pacing,
    /// and a 429 that may follow still pauses this instance.
    /// </summary>
    private async ValueTask<DateTimeOffset> SharedSlotAsync(ConversationAddress to, SendPriority priority, SendLimits limits, CancellationToken ct)
    {
        try
        {
            return await shared!.ReserveAsync(to, priority, limits, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (Interlocked.Increment(ref _sharedFailures) % 100 == 1)
                logger?.LogWarning(ex, "The shared send budget could not be reached; sending on this instance's own budget.");
            return time.GetUtcNow();
        }
    }

    private async ValueTask UntilAsync(DateTimeOffset at, CancellationToken ct)
    {
        if (at - time.GetUtcNow() is var wait && wait > TimeSpan.Zero) await Task.Delay(wait, time, ct);
    }

    private Lane LaneFor(string channel) => _lanes.GetOrAdd(channel, c =>
    {
        if (LimitsOf(c) is not { } limits) return new Lane(new RateGate(time, TimeSpan.Zero, 1, 1), null, null);
        return new Lane(new RateGate(time, TimeSpan.FromSeconds(1 / limits.MessagesPerSecond), Burst, ReplyBurst), new ChatWindows(time, limits), limits);
    });

    private sealed record Lane(RateGate Gate, ChatWindows? Chats, SendLimits? Limits);
}
