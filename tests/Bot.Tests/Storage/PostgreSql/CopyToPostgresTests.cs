using Bot.Hosting;
using Bot.Pledges;
using Bot.Storage;
using Bot.Storage.PostgreSql;

namespace Bot.Tests.Storage.PostgreSql;

/// <summary>`--copy-to-postgres`: a LiteDB file's records end up in PostgreSQL, counted; a second run adds nothing.</summary>
public sealed class CopyToPostgresTests : IAsyncLifetime
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"bot-copy-{Guid.NewGuid():N}.db");
    private PgTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PgTestDatabase.CreateAsync(migrate: false);

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        foreach (var f in Directory.GetFiles(Path.GetTempPath(), Path.GetFileNameWithoutExtension(_path) + "*")) File.Delete(f);
    }

    private async Task<(int Code, string Output)> CopyAsync()
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await BotHost.RunAsync(["--copy-to-postgres", $"--Storage:Path={_path}", $"--Storage:ConnectionString={_db.ConnectionString}", "--LocalChat:Enabled=false"], errors, output: output);
        return (code, output + errors.ToString());
    }

    [Fact]
    public async Task TheFilesRecordsAreCopiedAndCountedAndASecondRunCopiesNothingAgain()
    {
        if (_db.Off) return;
        int id;
        using (var lite = new TestDatabase(_path, new StoreCollection(LiteDbPledgeStore.Collection, LiteDbPledgeStore.Indexes), new StoreCollection(LiteDbStateStore.Collection)))
        {
            var pledge = await new LiteDbPledgeStore(lite.Database, lite.Writer).InsertAsync(new Pledge
            {
                Channel = "telegram", UserId = "42", PlanId = "tld-2021", FullName = "Nguyễn Văn An", Unit = "Tổ Cơ khí", TitleId = "ldtt",
                CreatedAt = TestBot.DefaultNow, UpdatedAt = TestBot.DefaultNow,
            });
            id = pledge.Id;
            await new LiteDbStateStore(lite.Database, lite.Writer, TimeProvider.System).WriteAsync("telegram/user/42", """{"lang":"vi"}""", 0);
        }

        var (code, output) = await CopyAsync();

        Assert.True(code == 0, output);
        Assert.Contains("pledges: 1 in the file, 1 copied now, 1 of them in PostgreSQL", output);
        Assert.Contains("state: 1 in the file, 1 copied now, 1 of them in PostgreSQL", output);
        Assert.Contains("Every record of the file is in PostgreSQL.", output);
        var pledges = new PgPledgeStore(_db.Database, _db.Committer);
        var copied = (await pledges.FindAsync(id))!;
        Assert.Equal(("Nguyễn Văn An", "Tổ Cơ khí", 1L, TestBot.DefaultNow), (copied.FullName, copied.Unit, copied.Version, copied.CreatedAt));
        Assert.Equal(1, (await new PgStateStore(_db.Database, _db.Committer, TimeProvider.System).ReadAsync("telegram/user/42"))!.Version);
        // A pledge registered after the move gets the next id, not the copied one's.
        var next = await pledges.InsertAsync(new Pledge { Channel = "telegram", UserId = "43", PlanId = "tld-2021", CreatedAt = TestBot.DefaultNow, UpdatedAt = TestBot.DefaultNow });
        Assert.True(next.Id > id);

        (code, output) = await CopyAsync();

        Assert.True(code == 0, output);
        Assert.Contains("pledges: 1 in the file, 0 copied now, 1 of them in PostgreSQL", output);
        Assert.Equal(2, (await pledges.AllAsync()).Count);
    }

    [Fact]
    public async Task WithoutAConnectionStringTheCopyStopsWithOneSentence()
    {
        var errors = new StringWriter();
        var code = await BotHost.RunAsync(["--copy-to-postgres", $"--Storage:Path={_path}", "--LocalChat:Enabled=false"], errors);
        Assert.Equal(2, code);
        Assert.StartsWith("--copy-to-postgres needs Storage:ConnectionString", errors.ToString());
    }
}
