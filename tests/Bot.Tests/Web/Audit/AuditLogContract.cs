using Bot.Storage;
using Bot.Tests.Storage;
using Bot.Web.Audit;

namespace Bot.Tests.Web.Audit;

/// <summary>What the audit page relies on from the log; every implementation runs this suite.</summary>
public abstract class AuditLogContract
{
    protected abstract IAuditLog Log { get; }

    [Fact]
    public async Task EntriesComeBackNewestFirstAPageAtATime()
    {
        for (var i = 1; i <= 5; i++)
            await Log.AppendAsync(new AuditEntry { At = TestBot.DefaultNow.AddMinutes(i), Who = "test:officer", Action = "approved", Target = $"#{i}" });

        var page = await Log.RecentAsync(1, 2);

        Assert.Equal(5, await Log.CountAsync());
        Assert.Equal(["#4", "#3"], page.Select(e => e.Target));
    }
}

public sealed class LiteDbAuditLogTests : AuditLogContract, IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection(LiteDbAuditLog.Collection, LiteDbAuditLog.Indexes));

    public LiteDbAuditLogTests() => Log = new LiteDbAuditLog(_db.Database, _db.Writer);

    protected override IAuditLog Log { get; }

    public void Dispose() => _db.Dispose();
}
