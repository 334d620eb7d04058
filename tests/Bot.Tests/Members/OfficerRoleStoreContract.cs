using Bot.Members;
using Bot.Storage;
using Bot.Tests.Storage;

namespace Bot.Tests.Members;

/// <summary>What the officer roster relies on from its store; every implementation runs this suite.</summary>
public abstract class OfficerRoleStoreContract
{
    protected abstract IOfficerRoleStore Store { get; }

    [Fact]
    public async Task RolesFromOneSourceAreReplacedAndOthersStay()
    {
        await Store.ReplaceAsync("settings", [new OfficerRole("telegram", "1", null), new OfficerRole("zalo", "Ab", "tld-2021")]);
        await Store.ReplaceAsync("dashboard", [new OfficerRole("web", "chi", "quang-tri-2021")]);
        await Store.ReplaceAsync("settings", [new OfficerRole("telegram", "2", null)]);
        var all = (await Store.AllAsync()).Select(r => (r.ToRole(), r.Source)).OrderBy(r => r.Item1.UserId).ToList();
        Assert.Equal([(new OfficerRole("telegram", "2", null), "settings"), (new OfficerRole("web", "chi", "quang-tri-2021"), "dashboard")], all);
    }

    [Fact]
    public async Task AnOfficerOfEveryPlanAndOfOnePlanAreTwoRoles()
    {
        await Store.ReplaceAsync("settings", [new OfficerRole("telegram", "1", null), new OfficerRole("telegram", "1", "tld-2021"), new OfficerRole("telegram", "1", "tld-2021")]);
        Assert.Equal(2, (await Store.AllAsync()).Count);
    }
}

public sealed class LiteDbOfficerRoleStoreTests : OfficerRoleStoreContract, IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection(LiteDbOfficerRoleStore.Collection));

    public LiteDbOfficerRoleStoreTests() => Store = new LiteDbOfficerRoleStore(_db.Database, _db.Writer);

    protected override IOfficerRoleStore Store { get; }

    public void Dispose() => _db.Dispose();
}
