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
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
