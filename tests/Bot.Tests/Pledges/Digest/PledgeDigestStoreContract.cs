using Bot.Pledges.Digest;
using Bot.Storage;
using Bot.Tests.Storage;

namespace Bot.Tests.Pledges.Digest;

/// <summary>What the daily digest relies on from its store; every implementation runs this suite.</summary>
public abstract class PledgeDigestStoreContract
{
    protected abstract IPledgeDigestStore Store { get; }

    [Fact]
    public async Task TheMarkIsNothingAtFirstThenTheLastOneSaved()
    {
        Assert.Null(await Store.MarkAsync());
        var through = new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.FromHours(7));
        await Store.SaveAsync(new PledgeDigestMark { Day = new DateOnly(2026, 11, 24), Through = through, Reported = ["12@1"] });
        await Store.SaveAsync(new PledgeDigestMark { Day = new DateOnly(2026, 11, 25), Through = through.AddDays(1), Reported = ["13@2", "14@3"] });
        var mark = (await Store.MarkAsync())!;
        Assert.Equal((new DateOnly(2026, 11, 25), through.AddDays(1)), (mark.Day, mark.Through));
        Assert.Equal(["13@2", "14@3"], mark.Reported);
    }
}

public sealed class LiteDbPledgeDigestStoreTests : PledgeDigestStoreContract, IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection(LiteDbPledgeDigestStore.Collection));

    public LiteDbPledgeDigestStoreTests() => Store = new LiteDbPledgeDigestStore(_db.Database, _db.Writer);

    protected override IPledgeDigestStore Store { get; }

    public void Dispose() => _db.Dispose();
}
