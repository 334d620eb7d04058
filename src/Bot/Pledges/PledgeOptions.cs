using System.ComponentModel.DataAnnotations;

namespace Bot.Pledges;

public sealed class PledgeOptions : IValidatableObject
{
    public const string Section = "Pledges";

    /// <summary>How long an unfinished form is kept; unset = draftExpiryHours of dialogs/pledge/form.yaml.</summary>
    public TimeSpan? DraftExpiry { get; set; }

    /// <summary>Where /xuat saves the spreadsheet on channels that cannot send files (relative to the app's folder).</summary>
    [Required]
    public string ExportFolder { get; set; } = "data/exports";

    /// <summary>How many of the latest registrations /danhsach lists.</summary>
    [Range(1, 50)]
    public int LatestCount { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DraftExpiry is { } e && e <= TimeSpan.Zero)
            yield return new ValidationResult("Pledges:DraftExpiry must be positive (e.g. \"7.00:00:00\").", [nameof(DraftExpiry)]);
    }
}
