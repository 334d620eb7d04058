using System.ComponentModel.DataAnnotations;

namespace Bot.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The dialogs/ folder; relative paths are resolved against the app's base directory.</summary>
    [Required]
    public string Path { get; set; } = "dialogs";

    /// <summary>The plan shown when the member does not pick one.</summary>
    public string DefaultPlan { get; set; } = "tld-2021";

    /// <summary>IANA id of the time zone that plan dates are in.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    public string ResolvedPath => Hosting.AppPaths.Resolve(Path);
}

/// <summary>An unknown time zone would only fail when the calendar is first used, after the start: refuse it at start.</summary>
internal sealed class ContentOptionsValidator : IValidateOptions<ContentOptions>
{
    public ValidateOptionsResult Validate(string? name, ContentOptions options)
    {
        try
        {
            PlanCalendar.FindZone(options.TimeZone);
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return ValidateOptionsResult.Fail(
                $"{ContentOptions.Section}:TimeZone '{options.TimeZone}' is not a time zone this machine knows: use an IANA id such as Asia/Ho_Chi_Minh.");
        }
    }
}
