using LiteDB;

namespace Bot.Storage;

/// <summary>
/// Owns the one LiteDatabase of the process (Direct mode is thread-safe) and an exclusive lock file,
/// because LiteDB lets a second process open the same file on Linux without complaint.
/// </summary>
public sealed class BotDatabase : IDisposable
{
    private readonly FileStream? _lock;
    private readonly LiteFile? _file;
    private int _disposed;

    public BotDatabase(StorageOptions options, IEnumerable<StoreCollection> collections)
    {
        if (options.InMemory)
        {
            Database = new LiteDatabase($"Filename=:memory:;{CaseSensitive}", Mapper());
        }
        else
        {
            var full = options.ResolvedPath;
            if (Directory.Exists(full))
                throw new InvalidOperationException($"Storage:Path points at the folder {full}: give the database file inside it, e.g. {Path.Combine(full, "bot.db")}.");
            var folder = Path.GetDirectoryName(full)!;
            var lockPath = full + ".lock";
            var lockExisted = File.Exists(lockPath);
            try
            {
                Directory.CreateDirectory(folder);
                _lock = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (UnauthorizedAccessException)
            {
                throw new InvalidOperationException($"The bot may not write in {folder} (read-only or owned by another user): Storage:Path needs a folder it can write to.");
            }
            catch (IOException ex) when (ex.HResult == 30 || ex.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The bot may not write in {folder} (read-only file system): Storage:Path needs a folder it can write to.");
            }
            catch (IOException)
            {
                throw new DatabaseInUseException($"Another bot process is using {full}. Stop it first (one process per database file).");
            }
            try
            {
                DatabaseFileCheck.ThrowIfDamaged(full);
            }
            catch (DamagedDatabaseException)
            {
                // Leave the folder as it was found.
                _lock.Dispose();
                if (!lockExisted) File.Delete(lockPath);
                throw;
            }
            _file = LiteFile.Open(full, Mapper(), new Collation(CaseSensitiveCollation));
            Database = _file.Database;
        }
        // Dates come back as UTC: LiteDB's default (local time) breaks on any server whose clock is not UTC.
        Database.UtcDate = true;
        // Create collections up front: the first write that creates a collection is not durable before it returns,
        // and a read racing that creation can close the engine. EnsureIndex("_id") alone creates nothing (LiteDB
        // treats the _id index as existing), so a placeholder is written and removed. All in one transaction: one
        // commit instead of one per collection and index (the start of every host, and of every test host).
        var inTransaction = Database.BeginTrans();
        foreach (var owned in collections.DistinctBy(c => c.Name))
        {
            var collection = Database.GetCollection(owned.Name);
            if (!Database.CollectionExists(owned.Name))
            {
                collection.Insert(new BsonDocument { ["_id"] = Placeholder });
                collection.Delete(Placeholder);
            }
            owned.Indexes?.Invoke(collection);
            Names.Add(owned.Name);
        }
        if (inTransaction) Database.Commit();
        MakeDurable();
    }

    // LiteDB compares ids case-insensitively by default, and Zalo ids are mixed-case strings. The culture part is
    // empty (invariant) because the process runs with invariant globalization, where "en-US" does not exist.
    private const string CaseSensitiveCollation = "/None";
    private const string CaseSensitive = "Collation=" + CaseSensitiveCollation;

    private const string Placeholder = "__created";

    public LiteDatabase Database { get; }

    /// <summary>The collections created at open (what features registered).</summary>
    public IReadOnlyCollection<string> Collections => Names;

    private HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>fsyncs of the log so far (the turn benchmark prints them per second).</summary>
    public long LogSyncs => _file?.LogSyncs ?? 0;

    /// <summary>Called by the one writer after each commit: what was committed is on disk when this returns.</summary>
    public void MakeDurable() => _file?.MakeDurable();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (_file is not null) _file.Dispose();
        else Database.Dispose();
        _lock?.Dispose();
    }

    private static BsonMapper Mapper()
    {
        var mapper = new BsonMapper();
        // LiteDB drops the offset and sub-millisecond ticks of DateTimeOffset; store an ISO string instead.
        mapper.RegisterType(v => new BsonValue(v.ToString("O")), b => DateTimeOffset.Parse(b.AsString, System.Globalization.CultureInfo.InvariantCulture));
        mapper.RegisterType(v => new BsonValue(v.DayNumber), b => DateOnly.FromDayNumber(b.AsInt32));
        return mapper;
    }
}

/// <summary>The lock file is held: a bot is running on this database file.</summary>
public sealed class DatabaseInUseException(string message) : InvalidOperationException(message);

/// <summary>
/// A collection a feature owns, registered in DI so the database creates it (and its indexes) when it opens, before
/// any turn reads or writes: creating a collection while another thread reads closes LiteDB's engine (upstream 2792).
/// </summary>
public sealed record StoreCollection(string Name, Action<ILiteCollection<BsonDocument>>? Indexes = null);
