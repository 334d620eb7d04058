using System.ComponentModel.DataAnnotations;

namespace Bot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file, relative to the app's folder; ":memory:" keeps everything in memory (tests).</summary>
    [Required]
    public string Path { get; set; } = "data/bot.db";

    public bool InMemory => Path == ":memory:";

    /// <summary>The full path of the file (a relative setting is taken from the app's folder, not the current directory).</summary>
    public string ResolvedPath => InMemory ? Path : Hosting.AppPaths.Resolve(Path);
}
