using System.Globalization;
using Bot.Hosting;
using Bot.Storage;

namespace Bot.Backups;

/// <summary>
/// A consistent copy of the database file while the bot runs. The storage writer runs the copy between two commits:
/// a checkpoint moves the write-ahead log into the file, then the file is copied; no commit (and so no checkpoint, the
/// only thing that changes the file) can happen meanwhile. The copy is checked like a file at start before it counts.
/// </summary>
public sealed class DatabaseBackup(IServiceProvider services, IOptions<StorageOptions> storage, IOptions<BackupOptions> options, TimeProvider time, ILogger<DatabaseBackup> logger)
{
    public const string Prefix = "bot-";
    public const string Extension = ".db";
    private const string StampFormat = "yyyyMMdd-HHmmss";
    private readonly SemaphoreSlim _one = new(1, 1);

    public string Folder => string.IsNullOrWhiteSpace(options.Value.Folder)
        ? Path.Combine(Path.GetDirectoryName(storage.Value.ResolvedPath) ?? ".", "backups")
        : AppPaths.Resolve(options.Value.Folder);

    /// <summary>False in memory, and under PostgreSQL, whose backups are the server's (pg_dump, base backups).</summary>
    public bool Possible => !storage.Value.InMemory && !storage.Value.IsPostgreSql;

    public bool IsPostgreSql => storage.Value.IsPostgreSql;

    /// <summary>The last copy this process tried to take and failed at, with why (cleared by the next success).</summary>
    public string? LastFailure { get; private set; }

    /// <summary>The newest copy in the folder (taken by this process or an earlier one).</summary>
    public BackupFile? Latest() => List().FirstOrDefault();

    public IReadOnlyList<BackupFile> List()
    {
        if (!Directory.Exists(Folder)) return [];
        return [.. Directory.EnumerateFiles(Folder, Prefix + "*" + Extension)
            .Select(path => (path, stamp: Path.GetFileNameWithoutExtension(path)[Prefix.Length..]))
            .Where(f => DateTime.TryParseExact(f.stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _))
            .Select(f => new BackupFile(f.path, new DateTimeOffset(DateTime.ParseExact(f.stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero)))
            .OrderByDescending(f => f.TakenAt)];
    }

    public async Task<BackupFile> TakeAsync(CancellationToken ct)
    {
        if (IsPostgreSql) throw new InvalidOperationException("The state is in PostgreSQL (Storage:Provider=PostgreSql): back it up with pg_dump or the server's own backups.");
        if (!Possible) throw new InvalidOperationException("The database is in memory (Storage:Path=:memory:): there is no file to back up.");
        await _one.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var stamp = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero);
            // Two copies in one second: the later one waits for the next second's name rather than overwrite.
            if (Latest() is { } newest && newest.TakenAt >= stamp) stamp = newest.TakenAt.AddSeconds(1);
            Directory.CreateDirectory(Folder);
            var target = Path.Combine(Folder, Prefix + stamp.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture) + Extension);
            var partial = target + ".partial";
            var source = storage.Value.ResolvedPath;
            await services.GetRequiredService<StorageWriter>().RunBetweenCommitsAsync(db =>
            {
                db.Checkpoint();
                using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var to = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None);
                from.CopyTo(to);
                to.Flush(flushToDisk: true);
            });
            DatabaseFileCheck.ThrowIfDamaged(partial);
            File.Move(partial, target, overwrite: true);
            var file = new BackupFile(target, stamp);
            LastFailure = null;
            logger.LogInformation("Database backed up to {Path} ({Bytes:N0} bytes)", target, new FileInfo(target).Length);
            Prune();
            return file;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LastFailure = ex.Message;
            logger.LogError(ex, "The database backup failed");
            throw;
        }
        finally
        {
            _one.Release();
        }
    }

    private void Prune()
    {
        foreach (var old in List().Skip(options.Value.Keep))
        {
            try
            {
                File.Delete(old.Path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Could not delete the old backup {Path}: {Problem}", old.Path, ex.Message);
            }
        }
    }
}

public sealed record BackupFile(string Path, DateTimeOffset TakenAt)
{
    public string Name => System.IO.Path.GetFileName(Path);
}
