using Bot.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Storage;

/// <summary>A LiteDB database with its one writer, as the host opens it: in memory, or in a temp file deleted at the end.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string? _path;
    private readonly bool _keep;

    public TestDatabase(bool file = false, params StoreCollection[] collections)
        : this(file ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"bot-{Guid.NewGuid():N}.db") : null, collections, keep: false)
    {
    }

    /// <summary>A database on this file, which is left in place (the test owns it).</summary>
    public TestDatabase(string path, params StoreCollection[] collections)
        : this(path, collections, keep: true)
    {
    }

    private TestDatabase(string? path, StoreCollection[] collections, bool keep)
    {
        (_path, _keep) = (path, keep);
        Bot = new BotDatabase(new StorageOptions { Path = _path ?? ":memory:" }, collections);
        Writer = new StorageWriter(Bot, NullLogger<StorageWriter>.Instance);
    }

    public BotDatabase Bot { get; }
    public LiteDB.LiteDatabase Database => Bot.Database;
    public StorageWriter Writer { get; }
    public string Path => _path ?? ":memory:";

    public void Dispose()
    {
        Writer.Dispose();
        Bot.Dispose();
        if (_path is null || _keep) return;
        foreach (var f in Directory.GetFiles(System.IO.Path.GetDirectoryName(_path)!, System.IO.Path.GetFileNameWithoutExtension(_path) + "*")) File.Delete(f);
    }
}
