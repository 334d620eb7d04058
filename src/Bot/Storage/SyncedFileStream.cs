namespace Bot.Storage;

/// <summary>
/// A LiteDB file whose flush to disk (fsync) happens when the bot asks for it. LiteDB 5's log writer flushes after
/// every page it finds alone in its queue, which is several fsyncs per commit (strace: ~8 for a two-document commit,
/// 26 per /start turn); the log file is opened through this stream with <c>syncOnFlush: false</c>, and the
/// <see cref="StorageWriter"/> syncs it once after each commit, before any unit of that commit is told it is durable.
/// The data file keeps LiteDB's own behaviour (<c>syncOnFlush: true</c>): it is written at checkpoints only.
/// </summary>
public sealed class SyncedFileStream(string path, bool syncOnFlush) : Stream
{
    private bool _syncOnFlush = syncOnFlush;

    // No buffer of its own: every page goes to the OS as LiteDB writes it, so only the fsync is deferred.
    private readonly FileStream _file = new(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);
    private bool _dirty;
    private long _syncs;

    /// <summary>How many times the file was flushed to disk (the benchmark prints fsyncs per second).</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    public string Path => path;

    /// <summary>Flushes what was written since the last sync to the disk.</summary>
    public void Sync()
    {
        // LiteDB's readers lock this stream around each seek and read; the flush takes the same lock.
        lock (this)
        {
            if (!_dirty) return;
            _dirty = false;
            _file.Flush(flushToDisk: true);
        }
        Interlocked.Increment(ref _syncs);
    }

    /// <summary>Back to LiteDB's own behaviour: every flush it asks for reaches the disk.</summary>
    public void SyncOnEveryFlush() => _syncOnFlush = true;

    public override void Flush()
    {
        if (_syncOnFlush) Sync();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        _file.Write(buffer, offset, count);
        _dirty = true;
    }

    public override void SetLength(long value)
    {
        _file.SetLength(value);
        _dirty = true;
    }

    public override int Read(byte[] buffer, int offset, int count) => _file.Read(buffer, offset, count);
    public override long Seek(long offset, SeekOrigin origin) => _file.Seek(offset, origin);
    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => _file.Length;

    public override long Position
    {
        get => _file.Position;
        set => _file.Position = value;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Sync();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }
}
