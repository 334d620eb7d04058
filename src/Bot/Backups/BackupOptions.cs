using System.ComponentModel.DataAnnotations;

namespace Bot.Backups;

/// <summary>Hot backups of the LiteDB file (Storage:Path) while the bot runs.</summary>
public sealed class BackupOptions : IValidatableObject
{
    public const string Section = "Backups";

    /// <summary>Scheduled backups on or off (/saoluu and --backup-now work either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where copies go (relative: to the app's folder); empty = "backups" next to the database file. Best on another disk.</summary>
    public string? Folder { get; set; }

    /// <summary>Time between scheduled backups, counted from the newest copy in the folder (a restart does not reset it).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Copies kept; older ones are deleted after each new one.</summary>
    [Range(1, 1000)]
    public int Keep { get; set; } = 7;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Interval < TimeSpan.FromMinutes(1))
            yield return new ValidationResult("Backups:Interval must be at least one minute (e.g. \"1.00:00:00\" for daily).", [nameof(Interval)]);
    }
}
