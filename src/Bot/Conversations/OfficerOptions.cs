namespace Bot.Conversations;

public sealed class OfficerOptions
{
    public const string Section = "Officers";

    /// <summary>Officers as "channel:userId" (e.g. "telegram:123456789", "zalo:abc", "local:officer").</summary>
    public List<string> Users { get; set; } = [];

    /// <summary>Officers of one plan only, by plan id (e.g. Plans:quang-tri-2021:0 = "telegram:123").</summary>
    public Dictionary<string, List<string>> Plans { get; set; } = [];
}

/// <summary>An officer entry without its channel ("officer" instead of "local:officer") would be ignored: refuse it at start.</summary>
internal sealed class OfficerOptionsValidator : IValidateOptions<OfficerOptions>
{
    public ValidateOptionsResult Validate(string? name, OfficerOptions options)
    {
        var entries = options.Users.Select((u, i) => ($"{OfficerOptions.Section}:Users:{i}", u))
            .Concat(options.Plans.SelectMany(p => p.Value.Select((u, i) => ($"{OfficerOptions.Section}:Plans:{p.Key}:{i}", u))));
        var wrong = entries.Where(e => e.u.Split(':') is not [{ Length: > 0 }, { Length: > 0 }, ..])
            .Select(e => $"{e.Item1} = '{e.u}' names no channel: write it as channel:userId (e.g. telegram:123456789, zalo:abc, local:officer).")
            .ToList();
        return wrong.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(wrong);
    }
}

/// <summary>The server-side officer check used for every officer command and button, in every channel (roles are data: <see cref="Members.OfficerRoster"/>).</summary>
public sealed class Officers(Members.OfficerRoster roster)
{
    public bool IsOfficer(string channel, string userId) => roster.RolesOf(channel, userId).Count > 0;

    public bool IsOfficer(Activity activity) => IsOfficer(activity.Channel, activity.UserId);

    public IEnumerable<(string Channel, string UserId)> All => roster.All.Select(r => (r.Channel, r.UserId)).Distinct();
}
