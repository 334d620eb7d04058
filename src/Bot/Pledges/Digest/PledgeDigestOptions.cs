using System.ComponentModel.DataAnnotations;
using Bot.Conversations;

namespace Bot.Pledges.Digest;

public sealed class PledgeDigestOptions
{
    public const string Section = "PledgeDigest";

    /// <summary>Off switch: false sends no digest at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When the day's digest goes out, in Content:TimeZone.</summary>
    public TimeOnly LocalTime { get; set; } = new(17, 0);

    /// <summary>Who gets it, as "channel:userId" officers; empty = every officer in Officers:Users (their private chats).</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>How many pledges each plan's section lists by name; the rest are counted.</summary>
    [Range(1, 50)]
    public int MaxItems { get; set; } = 10;
}

/// <summary>A recipient must be an officer: the digest holds members' personal details.</summary>
public sealed class PledgeDigestOptionsValidator(IOptions<OfficerOptions> officers) : IValidateOptions<PledgeDigestOptions>
{
    public ValidateOptionsResult Validate(string? name, PledgeDigestOptions o)
    {
        var errors = new List<string>();
        if (o.MaxItems is < 1 or > 50) errors.Add("PledgeDigest:MaxItems must be between 1 and 50.");
        foreach (var r in o.Recipients.Where(r => !officers.Value.Users.Contains(r, StringComparer.OrdinalIgnoreCase)))
            errors.Add($"PledgeDigest:Recipients: \"{r}\" is not in Officers:Users (the digest holds members' details, so only officers get it).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
