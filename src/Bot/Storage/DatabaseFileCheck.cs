using System.Text;
using LiteDB;

namespace Bot.Storage;

/// <summary>The database file cannot be used as it is; the message says why and what to do. Nothing was written to it.</summary>
public sealed class DamagedDatabaseException(string message, Exception? inner = null) : InvalidOperationException(message, inner);

/// <summary>
/// Checks an existing database file before LiteDB opens it for writing, because LiteDB "repairs" what it cannot read:
/// a short file became an empty database and other damage was rewritten. The file is only read here: its size in
/// whole pages, LiteDB's header, then every document of every collection through a read-only connection.
/// </summary>
public static class DatabaseFileCheck
{
    private const int PageSize = 8192;
    private const int HeaderInfoOffset = 32;
    private const string HeaderInfo = "** This is a LiteDB file **";
    private const byte FileVersion = 8;

    public static void ThrowIfDamaged(string path)
    {
        if (!File.Exists(path)) return;
        var length = new FileInfo(path).Length;
        if (length == 0) throw Damaged(path, "is empty (0 bytes), so it cannot be the bot's database");
        if (length % PageSize != 0) throw Damaged(path, $"was cut short ({length:N0} bytes is not a whole number of {PageSize}-byte pages)");
        var header = new byte[HeaderInfoOffset + HeaderInfo.Length + 1];
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            file.ReadExactly(header);
        if (Encoding.ASCII.GetString(header, HeaderInfoOffset, HeaderInfo.Length) != HeaderInfo)
            throw Damaged(path, "does not start like a LiteDB database (its first page is damaged or it is another kind of file)");
        if (header[^1] != FileVersion)
            throw Damaged(path, $"is a LiteDB file of another format version ({header[^1]}, this bot reads {FileVersion})");
        try
        {
            using var db = new LiteDatabase($"Filename={path};Connection=direct;ReadOnly=true;Collation=/None");
            foreach (var name in db.GetCollectionNames().ToList())
                foreach (var _ in db.GetCollection(name).FindAll()) { }
        }
        catch (Exception ex) when (ex is LiteException or IOException or InvalidCastException or ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            throw Damaged(path, $"could not be read to the end ({ex.Message})", ex);
        }
    }

    private static DamagedDatabaseException Damaged(string path, string why, Exception? inner = null) =>
        new($"The database file {path} {why}. Nothing was written to it. Stop here: restore the latest backup (README, "
            + "\"Restoring the database\"), or move the file away to start with an empty database.", inner);
}
