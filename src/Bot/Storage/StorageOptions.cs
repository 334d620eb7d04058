using System.ComponentModel.DataAnnotations;

namespace Bot.Storage;

/// <summary>Where the bot keeps its state: an embedded LiteDB file (default) or a PostgreSQL database.</summary>
public enum StorageProvider
{
    LiteDb,
    PostgreSql,
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>The LiteDB file, relative to the app's folder; ":memory:" keeps everything in memory (tests).</summary>
    [Required]
    public string Path { get; set; } = "data/bot.db";

    /// <summary>
    /// PostgreSQL only: an Npgsql connection string. It holds a password, so it comes from the environment
    /// (Storage__ConnectionString) or user secrets and is never logged.
    /// </summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgreSql => Provider == StorageProvider.PostgreSql;

    public bool InMemory => !IsPostgreSql && Path == ":memory:";

    /// <summary>The full path of the file (a relative setting is taken from the app's folder, not the current directory).</summary>
    public string ResolvedPath => InMemory ? Path : Hosting.AppPaths.Resolve(Path);
}
