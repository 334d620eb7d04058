namespace Bot.Conversations;

public sealed class OfficerOptions
{
    public const string Section = "Officers";

    /// <summary>Officers as "channel:userId" (e.g. "telegram:123456789", "zalo:abc", "local:officer").</summary>
    public List<string> Users { get; set; } = [];
}

/// <summary>The server-side officer check used for every officer command and button, in every channel.</summary>
public sealed class Officers(IOptionsMonitor<OfficerOptions> options)
{
    public bool IsOfficer(string channel, string userId) =>
        options.CurrentValue.Users.Contains($"{channel}:{userId}", StringComparer.OrdinalIgnoreCase);

    public bool IsOfficer(Activity activity) => IsOfficer(activity.Channel, activity.UserId);

    public IEnumerable<(string Channel, string UserId)> All =>
        options.CurrentValue.Users.Select(u => u.Split(':', 2)).Where(p => p.Length == 2).Select(p => (p[0], p[1]));
}
