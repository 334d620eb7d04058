namespace Bot.Builder.Activities;

public enum SendFailure
{
    /// <summary>The platform asks to wait (<see cref="ChannelSendException.RetryAfter"/>); the limit is per bot, so pause all sending.</summary>
    RateLimited,

    /// <summary>The member blocked the bot, or the chat no longer exists: stop sending there (keep the record).</summary>
    Unreachable,

    /// <summary>The group moved to a new id (<see cref="ChannelSendException.MigratedToChatId"/>): update it and resend.</summary>
    Migrated,

    /// <summary>Network trouble or a 5xx: worth retrying later.</summary>
    Transient,

    /// <summary>The request itself is wrong (400/401): retrying will not help.</summary>
    Permanent,
}

/// <summary>A channel-neutral send failure, so the outbox and the pipeline can react without knowing the platform.</summary>
public sealed class ChannelSendException(SendFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public SendFailure Failure { get; } = failure;
    public TimeSpan RetryAfter { get; init; }
    public string? MigratedToChatId { get; init; }
}
