namespace Bot.Backups;

/// <summary>Hot backups of the LiteDB file (Storage:Path) while the bot runs.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>Scheduled backups on or off (/saoluu and --backup-now work either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where copies go (relative: to the app's folder); empty = "backups" next to the database file. Best on another disk.</summary>
    public string? Folder { get; set; }

    /// <summary>Time between scheduled backups, counted from the newest copy in the folder (a restart does not reset it).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Copies kept; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 7;
}

/// <summary>One sentence per mistake, naming the setting (the data-annotation messages name the class instead).</summary>
internal sealed class BackupOptionsValidator : IValidateOptions<BackupOptions>
{
    public ValidateOptionsResult Validate(string? name, BackupOptions options)
    {
        if (options.Interval < TimeSpan.FromMinutes(1))
            return ValidateOptionsResult.Fail($"{BackupOptions.Section}:Interval must be at least one minute (e.g. \"1.00:00:00\" for daily).");
        if (options.Keep is < 1 or > 1000)
            return ValidateOptionsResult.Fail($"{BackupOptions.Section}:Keep must be between 1 and 1000 (copies kept).");
        return ValidateOptionsResult.Success;
    }
}
