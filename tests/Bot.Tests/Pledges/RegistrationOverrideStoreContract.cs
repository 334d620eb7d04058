using Bot.Pledges;
using Bot.Storage;
using Bot.Tests.Storage;

namespace Bot.Tests.Pledges;

/// <summary>What registration periods rely on from their store; every implementation runs this suite.</summary>
public abstract class RegistrationOverrideStoreContract
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(7));

    protected abstract IRegistrationOverrideStore Store { get; }

    [Fact]
    public async Task TheLatestOpeningOrClosingOfAPlanIsKeptWithWhoAndWhen()
    {
        await Store.SaveAsync(new RegistrationOverride { PlanId = "tld-2021", Open = true, Until = new DateOnly(2026, 12, 31), By = "telegram:1", At = At });
        await Store.SaveAsync(new RegistrationOverride { PlanId = "quang-tri-2021", Open = true, By = "telegram:1", At = At });
        await Store.SaveAsync(new RegistrationOverride { PlanId = "tld-2021", Open = false, By = "zalo:Ab", At = At.AddDays(1) });
        var all = (await Store.AllAsync()).OrderBy(o => o.PlanId).ToList();
        Assert.Equal(["quang-tri-2021", "tld-2021"], all.Select(o => o.PlanId));
        var tld = all[1];
        Assert.Equal((false, null, "zalo:Ab", At.AddDays(1)), (tld.Open, tld.Until, tld.By, tld.At));
        Assert.Null(all[0].Until);
    }
}

public sealed class LiteDbRegistrationOverrideStoreTests : RegistrationOverrideStoreContract, IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection(LiteDbRegistrationOverrideStore.Collection));

    public LiteDbRegistrationOverrideStoreTests() => Store = new LiteDbRegistrationOverrideStore(_db.Database, _db.Writer);

    protected override IRegistrationOverrideStore Store { get; }

    public void Dispose() => _db.Dispose();
}
