using System.Reflection;
using LiteDB;
using LiteDB.Engine;

namespace Bot.Storage;

/// <summary>
/// A LiteDB database file opened through <see cref="SyncedFileStream"/>s, so that a commit costs one fsync of the
/// log instead of one per page. <see cref="MakeDurable"/> is called by the one writer after each commit: it waits
/// until LiteDB's log queue has written every page of the commit (it does so on the committing thread today, so the
/// wait returns at once) and then syncs the log file once.
/// </summary>
public sealed class LiteFile : IDisposable
{
    private readonly SyncedFileStream _data;
    private readonly SyncedFileStream _log;
    private readonly Action _waitForLogQueue;

    private LiteFile(string path, BsonMapper mapper, Collation collation)
    {
        _data = new SyncedFileStream(path, syncOnFlush: true);
        _log = new SyncedFileStream(LogPathOf(path), syncOnFlush: false);
        var engine = new LiteEngine(new EngineSettings { DataStream = _data, LogStream = _log, Collation = collation });
        Database = new LiteDatabase(engine, mapper);
        _waitForLogQueue = LogQueueWait(engine);
    }

    public LiteDatabase Database { get; }

    /// <summary>fsyncs of the log so far (one per commit that wrote something).</summary>
    public long LogSyncs => _log.Syncs;

    /// <summary>LiteDB's own name for the log next to <paramref name="path"/> ("bot.db" → "bot-log.db").</summary>
    public static string LogPathOf(string path) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, System.IO.Path.GetFileNameWithoutExtension(path) + "-log" + System.IO.Path.GetExtension(path));

    public static LiteFile Open(string path, BsonMapper mapper, Collation collation) => new(path, mapper, collation);

    /// <summary>Everything committed so far is on disk when this returns.</summary>
    public void MakeDurable()
    {
        _waitForLogQueue();
        _log.Sync();
    }

    public void Dispose()
    {
        // LiteDB checkpoints on close and empties the log; it does not delete a log it did not open itself.
        Database.Dispose();
        _data.Dispose();
        _log.Dispose();
        if (File.Exists(_log.Path) && new FileInfo(_log.Path).Length == 0) File.Delete(_log.Path);
    }

    /// <summary>
    /// LiteDB keeps its log writer queue internal (LiteEngine._disk.Queue, a Lazy&lt;DiskWriterQueue&gt;). Reached by
    /// reflection once; if a LiteDB upgrade moves it, the log falls back to an fsync at every flush LiteDB asks for
    /// (durable as before, only slower), which the storage tests would show.
    /// </summary>
    private Action LogQueueWait(LiteEngine engine)
    {
        const BindingFlags Any = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;
        var disk = typeof(LiteEngine).GetField("_disk", Any)?.GetValue(engine);
        var lazy = disk?.GetType().GetProperty("Queue", Any)?.GetValue(disk);
        var created = lazy?.GetType().GetProperty("IsValueCreated");
        var value = lazy?.GetType().GetProperty("Value");
        var wait = value?.PropertyType.GetMethod("Wait", Any, Type.EmptyTypes);
        if (lazy is null || created is null || value is null || wait is null)
        {
            _log.SyncOnEveryFlush();
            return () => { };
        }
        return () =>
        {
            if ((bool)created.GetValue(lazy)!) wait.Invoke(value.GetValue(lazy), null);
        };
    }
}
