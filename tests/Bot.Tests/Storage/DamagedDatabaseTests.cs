using System.Security.Cryptography;
using Bot.Hosting;
using Bot.Storage;
using LiteDB;

namespace Bot.Tests.Storage;

/// <summary>A damaged database file stops the start with one sentence and exit code 2, and is never written to.</summary>
public sealed class DamagedDatabaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bot-damaged-").FullName;

    private string Db => Path.Combine(_dir, "bot.db");

    /// <summary>A real database as the bot leaves it: a few collections and documents, closed cleanly.</summary>
    private void CreateHealthy()
    {
        using var db = new LiteDatabase($"Filename={Db};Connection=direct;Collation=/None");
        for (var c = 0; c < 3; c++)
            db.GetCollection($"c{c}").InsertBulk(Enumerable.Range(1, 400).Select(i => new BsonDocument { ["_id"] = i, ["Text"] = new string('x', 200) + i }));
    }

    public static TheoryData<string> Shapes() => ["empty", "short", "half", "header", "garbage", "page"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task TheStartStopsWithOneSentenceAndExitCode2AndTheFileIsUntouched(string shape)
    {
        CreateHealthy();
        Damage(shape);
        var before = Hash();
        var (code, error) = await RunAsync();
        Assert.Equal(2, code);
        Assert.Contains($"The database file {Db}", error);
        Assert.Contains("Nothing was written to it", error);
        Assert.DoesNotContain("   at ", error); // no stack trace
        Assert.Equal(before, Hash());
    }

    [Fact]
    public void AFileLeftByAKilledProcessWithItsLogPassesAndOpensAsItWouldWithoutTheCheck()
    {
        // The file and its write-ahead log copied while the writer still has them open, as after kill -9; then that one
        // copy twice, so both sides start from the same bytes (LiteDB may still be writing while the first copy is taken).
        using (var db = new LiteDatabase($"Filename={Db};Connection=direct;Collation=/None"))
        {
            db.GetCollection("c").InsertBulk(Enumerable.Range(1, 50).Select(i => new BsonDocument { ["_id"] = i }));
            foreach (var f in Directory.GetFiles(_dir, "bot*.db")) File.Copy(f, Path.Combine(_dir, Path.GetFileName(f).Replace("bot", "killed")));
        }
        foreach (var copy in (string[])["checked", "unchecked"])
            foreach (var f in Directory.GetFiles(_dir, "killed*.db")) File.Copy(f, Path.Combine(_dir, Path.GetFileName(f).Replace("killed", copy)));
        var checkedDb = Path.Combine(_dir, "checked.db");
        DatabaseFileCheck.ThrowIfDamaged(checkedDb);
        Assert.Equal(Count(Path.Combine(_dir, "unchecked.db")), Count(checkedDb));

        static int Count(string path)
        {
            using var db = new LiteDatabase($"Filename={path};Connection=direct;Collation=/None");
            return db.CollectionExists("c") ? db.GetCollection("c").Count() : -1;
        }
    }

    [Fact]
    public void AHealthyFileAndNoFileAtAllPass()
    {
        DatabaseFileCheck.ThrowIfDamaged(Db);
        CreateHealthy();
        DatabaseFileCheck.ThrowIfDamaged(Db);
    }

    private void Damage(string shape)
    {
        var bytes = File.ReadAllBytes(Db);
        switch (shape)
        {
            case "empty": File.WriteAllBytes(Db, []); break;
            case "short": File.WriteAllBytes(Db, bytes[..100]); break;
            case "half": File.WriteAllBytes(Db, bytes[..(bytes.Length / 2 + 100)]); break;
            case "header": bytes[40] ^= 0xFF; File.WriteAllBytes(Db, bytes); break;
            case "garbage": File.WriteAllBytes(Db, Enumerable.Range(0, 8192 * 4).Select(i => (byte)(i * 7919 % 251)).ToArray()); break;
            case "page":
                // Every data page after the first few overwritten with noise: the header is fine, the documents are not.
                for (var i = 8192 * 3; i < bytes.Length; i++) bytes[i] = (byte)(i * 31 % 253);
                File.WriteAllBytes(Db, bytes);
                break;
        }
    }

    private string Hash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Db))) + ":" + string.Join(",", Directory.GetFiles(_dir).Order());

    private async Task<(int Code, string Error)> RunAsync()
    {
        var error = new StringWriter();
        var code = await BotHost.RunAsync([$"--Storage:Path={Db}", "--LocalChat:Enabled=false", "--Urls=http://127.0.0.1:0"], error);
        return (code, error.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
