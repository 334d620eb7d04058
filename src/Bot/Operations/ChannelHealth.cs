using System.Collections.Concurrent;

namespace Bot.Operations;

/// <summary>
/// What each platform channel last said about its connection: a receive that worked (a poll answered, the webhook
/// registered) or one that failed, and why. Readiness (/readyz, /trangthai) reads it; channels only report.
/// </summary>
public sealed class ChannelHealth(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, ChannelState> _states = new(StringComparer.Ordinal);

    public void Connected(string channel) => _states[channel] = new ChannelState(true, null, time.GetUtcNow());

    /// <summary>The problem must already be free of tokens (the channels redact before they report).</summary>
    public void Failed(string channel, string problem) => _states[channel] = new ChannelState(false, problem, time.GetUtcNow());

    public ChannelState? Get(string channel) => _states.TryGetValue(channel, out var state) ? state : null;
}

public sealed record ChannelState(bool Connected, string? Problem, DateTimeOffset Since);
