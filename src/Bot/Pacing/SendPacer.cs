using System.Collections.Concurrent;

namespace Bot.Pacing;

/// <summary>
/// The real <see cref="ISendPacer"/>: every outbound message goes through here. A broadcast message waits for its
/// chat's window and then for the channel's overall budget; a reply to a member goes at once and is charged to
/// both, so broadcasts make room for it. A 429 pauses the whole channel, replies included, because the platform's
/// limit is per bot, not per chat.
/// </summary>
public sealed class SendPacer(IEnumerable<IChannelConnector> connectors, IOptions<PacingOptions> options, TimeProvider time) : ISendPacer
{
    private readonly ConcurrentDictionary<string, Lane> _lanes = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask WaitAsync(ConversationAddress to, SendPriority priority, CancellationToken cancellationToken)
    {
        var lane = LaneFor(to.Channel);
        if (lane.Chats?.Reserve(to, priority) is { } at && at - time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
            await Task.Delay(wait, time, cancellationToken);
        await lane.Gate.WaitAsync(priority, cancellationToken);
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

    private Lane LaneFor(string channel) => _lanes.GetOrAdd(channel, c =>
    {
        if (LimitsOf(c) is not { } limits) return new Lane(new RateGate(time, TimeSpan.Zero, 1), null);
        // Burst 2 on the overall budget: a timer that fires a little late is made up for, and 2 + rate stays
        // well under Telegram's 30/s at the default 25/s.
        return new Lane(new RateGate(time, TimeSpan.FromSeconds(1 / limits.MessagesPerSecond), 2), new ChatWindows(time, limits));
    });

    private sealed record Lane(RateGate Gate, ChatWindows? Chats);
}
