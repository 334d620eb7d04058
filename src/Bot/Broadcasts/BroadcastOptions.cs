namespace Bot.Broadcasts;

public enum AudienceKind { All, Groups, Members }

public sealed class BroadcastOptions
{
    public const string Section = "Broadcasts";

    /// <summary>Local time (Content:TimeZone) at which a phase is announced on its start date.</summary>
    public TimeOnly KickoffLocalTime { get; set; } = new(8, 0);

    /// <summary>How late a scheduled kickoff may still go out after a restart; later ones are reported as missed.</summary>
    public TimeSpan MissedGrace { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Who receives scheduled kickoffs.</summary>
    public AudienceKind KickoffAudience { get; set; } = AudienceKind.All;

    /// <summary>How often the officer's progress message is edited.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Messages of one broadcast on the wire at once. 1 keeps the promise "after a crash at most one message is repeated";
    /// over a slow link throughput is about MaxInFlight / round-trip, so raising it trades duplicates for speed.
    /// </summary>
    public int MaxInFlight { get; set; } = 1;

    /// <summary>How long the per-recipient rows of a finished broadcast are kept (the broadcast's totals stay).</summary>
    public TimeSpan KeepRecipientRows { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Limits per channel. Telegram's come from its Bot FAQ; Zalo documents none, so its default matches
    /// Zalo:SendsPerSecond. A channel not listed (the local terminal, tests) is not paced, only paused on 429.
    /// </summary>
    public Dictionary<string, ChannelLimits> Channels { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["telegram"] = new ChannelLimits(),
        ["zalo"] = new ChannelLimits { MessagesPerSecond = 5 },
    };
}

public sealed class ChannelLimits
{
    /// <summary>All chats together. Telegram allows about 30/s; 25 leaves headroom.</summary>
    public double MessagesPerSecond { get; set; } = 25;

    /// <summary>One private chat (Telegram: avoid more than 1/s).</summary>
    public double PrivateChatPerSecond { get; set; } = 1;

    /// <summary>One group (Telegram: 20 per minute).</summary>
    public int GroupPerMinute { get; set; } = 20;

    /// <summary>Messages one chat may get back to back (a reply in several parts) before the per-chat rate applies.</summary>
    public int ChatBurst { get; set; } = 3;
}

public sealed class BroadcastOptionsValidator : IValidateOptions<BroadcastOptions>
{
    public ValidateOptionsResult Validate(string? name, BroadcastOptions o)
    {
        var errors = new List<string>();
        if (o.MissedGrace < TimeSpan.Zero || o.MissedGrace > TimeSpan.FromDays(7))
            errors.Add("Broadcasts:MissedGrace must be between 00:00:00 and 7.00:00:00.");
        if (o.ProgressInterval < TimeSpan.FromSeconds(1) || o.ProgressInterval > TimeSpan.FromMinutes(10))
            errors.Add("Broadcasts:ProgressInterval must be between 00:00:01 and 00:10:00.");
        if (o.KeepRecipientRows < TimeSpan.FromDays(1))
            errors.Add("Broadcasts:KeepRecipientRows must be at least 1.00:00:00.");
        if (o.MaxInFlight is < 1 or > 64)
            errors.Add("Broadcasts:MaxInFlight must be between 1 and 64.");
        foreach (var (channel, l) in o.Channels)
        {
            if (l.MessagesPerSecond is not (> 0 and <= 1000))
                errors.Add($"Broadcasts:Channels:{channel}:MessagesPerSecond must be above 0 and at most 1000.");
            if (l.PrivateChatPerSecond is not (> 0 and <= 100))
                errors.Add($"Broadcasts:Channels:{channel}:PrivateChatPerSecond must be above 0 and at most 100.");
            if (l.GroupPerMinute is < 1 or > 6000)
                errors.Add($"Broadcasts:Channels:{channel}:GroupPerMinute must be between 1 and 6000.");
            if (l.ChatBurst is < 1 or > 100)
                errors.Add($"Broadcasts:Channels:{channel}:ChatBurst must be between 1 and 100.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
