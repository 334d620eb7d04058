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

    public string ResolvedPath => System.IO.Path.IsPathRooted(Path) ? Path : System.IO.Path.Combine(AppContext.BaseDirectory, Path);
}
