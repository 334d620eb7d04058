using System.ComponentModel.DataAnnotations;

namespace Bot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The LiteDB file; ":memory:" keeps everything in memory (tests).</summary>
    [Required]
    public string Path { get; set; } = "data/bot.db";

    public bool InMemory => Path == ":memory:";
}
