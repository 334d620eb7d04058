namespace Bot.Pacing;

/// <summary>
/// Send limits per channel, over what each channel declares (Telegram: its Bot FAQ numbers with headroom; Zalo, which
/// publishes none: a conservative 5/s). Only what is set here changes; a channel that declares nothing and is not listed
/// (the local terminal, tests) is not paced, only paused on 429.
/// </summary>
public sealed class PacingOptions
{
    public const string Section = "Pacing";

    public Dictionary<string, ChannelLimits> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class ChannelLimits
{
    /// <summary>All chats together.</summary>
    public double? MessagesPerSecond { get; set; }

    /// <summary>One private chat.</summary>
    public double? PrivateChatPerSecond { get; set; }

    /// <summary>One group.</summary>
    public int? GroupPerMinute { get; set; }

    /// <summary>Messages one chat may get back to back (a reply in several parts) before the per-chat rate applies.</summary>
    public int? ChatBurst { get; set; }

    /// <summary>These settings over what the channel declared (a channel that declares nothing starts from 25/s, 1/s, 20/min, 3).</summary>
    public SendLimits Over(SendLimits? declared)
    {
        var d = declared ?? new SendLimits(25);
        return new SendLimits(MessagesPerSecond ?? d.MessagesPerSecond, PrivateChatPerSecond ?? d.PrivateChatPerSecond, GroupPerMinute ?? d.GroupPerMinute, ChatBurst ?? d.ChatBurst);
    }
}

public sealed class PacingOptionsValidator : IValidateOptions<PacingOptions>
{
    public ValidateOptionsResult Validate(string? name, PacingOptions o)
    {
        var errors = new List<string>();
        foreach (var (channel, l) in o.Channels)
        {
            if (l.MessagesPerSecond is { } m && m is not (> 0 and <= 1000))
                errors.Add($"Pacing:Channels:{channel}:MessagesPerSecond must be above 0 and at most 1000.");
            if (l.PrivateChatPerSecond is { } p && p is not (> 0 and <= 100))
                errors.Add($"Pacing:Channels:{channel}:PrivateChatPerSecond must be above 0 and at most 100.");
            if (l.GroupPerMinute is < 1 or > 6000)
                errors.Add($"Pacing:Channels:{channel}:GroupPerMinute must be between 1 and 6000.");
            if (l.ChatBurst is < 1 or > 100)
                errors.Add($"Pacing:Channels:{channel}:ChatBurst must be between 1 and 100.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
