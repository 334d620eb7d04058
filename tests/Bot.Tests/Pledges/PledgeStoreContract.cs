using Bot.Pledges;
using Bot.Storage;
using Bot.Tests.Storage;

namespace Bot.Tests.Pledges;

/// <summary>What the pledges feature relies on from its store; every implementation runs this suite.</summary>
public abstract class PledgeStoreContract
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 30, 0, TimeSpan.FromHours(7));

    protected abstract IPledgeStore Store { get; }

    private static Pledge New(string user, string plan = "tld-2021", DateTimeOffset? at = null) => new()
    {
        Channel = "test", UserId = user, PrivateChatId = user, PlanId = plan, FullName = "Nguyễn Văn An", Position = "Công nhân",
        Unit = "Tổ Cơ khí", TitleId = "ldtt", CreatedAt = at ?? Now, UpdatedAt = at ?? Now,
    };

    [Fact]
    public async Task ANewPledgeGetsAnIdAndVersionOneAndIsReadBack()
    {
        var stored = await Store.InsertAsync(New("u1"));
        Assert.True(stored.Id > 0);
        var read = await Store.FindAsync(stored.Id);
        Assert.Equal((1L, "Nguyễn Văn An", "test:u1:tld-2021"), (read!.Version, read.FullName, read.Slot));
        Assert.Equal(stored.Id, (await Store.FindAsync("test", "u1", "tld-2021"))!.Id);
        Assert.Null(await Store.FindAsync(stored.Id + 1000));
    }

    [Fact]
    public async Task ASecondPledgeForTheSameMemberAndPlanIsRefusedAndOthersAreNot()
    {
        await Store.InsertAsync(New("u1"));
        await Assert.ThrowsAsync<DuplicatePledgeException>(() => Store.InsertAsync(New("u1")));
        await Store.InsertAsync(New("u1", "quang-tri-2021"));
        await Store.InsertAsync(New("U1")); // ids are case-sensitive (Zalo's are mixed-case)
        Assert.Equal(3, (await Store.AllAsync()).Count);
    }

    [Fact]
    public async Task OfManyInsertsForOneSlotAtOnceExactlyOneIsStored()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(async () =>
        {
            try { await Store.InsertAsync(New("u1")); return true; }
            catch (DuplicatePledgeException) { return false; }
        })));
        Assert.Single(attempts, won => won);
        Assert.Single(await Store.AllAsync());
    }

    [Fact]
    public async Task AnUpdateBasedOnAnOlderVersionWritesNothingAndTheNewerOneStays()
    {
        var id = (await Store.InsertAsync(New("u1"))).Id;
        var officerCopy = (await Store.FindAsync(id))!;
        var memberCopy = (await Store.FindAsync(id))!;
        memberCopy.Status = PledgeStatus.Withdrawn;
        Assert.True(await Store.TryUpdateAsync(memberCopy));
        officerCopy.Status = PledgeStatus.Approved;
        Assert.False(await Store.TryUpdateAsync(officerCopy));
        Assert.Equal(1L, officerCopy.Version);
        var stored = (await Store.FindAsync(id))!;
        Assert.Equal((PledgeStatus.Withdrawn, 2L), (stored.Status, stored.Version));
    }

    [Fact]
    public async Task OfManyUpdatesFromTheSameVersionExactlyOneWins()
    {
        var id = (await Store.InsertAsync(New("u1"))).Id;
        var wins = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            var copy = (await Store.FindAsync(id))!;
            copy.Version = 1;
            copy.Unit = $"Tổ {i}";
            return await Store.TryUpdateAsync(copy);
        })));
        Assert.Single(wins, w => w);
        Assert.Equal(2L, (await Store.FindAsync(id))!.Version);
    }

    [Fact]
    public async Task UpdatingAPledgeThatIsGoneWritesNothing()
    {
        var pledge = await Store.InsertAsync(New("u1"));
        Assert.Equal(1, await Store.DeleteMemberAsync("test", "u1"));
        Assert.False(await Store.TryUpdateAsync(pledge));
        Assert.Empty(await Store.AllAsync());
    }

    [Fact]
    public async Task AFieldSetToNothingIsCleared()
    {
        var pledge = New("u1");
        pledge.CommendationId = "giay-khen";
        pledge.ReturnReason = "Thiếu tên tổ";
        await Store.InsertAsync(pledge);
        pledge.CommendationId = null;
        pledge.ReturnReason = null;
        Assert.True(await Store.TryUpdateAsync(pledge));
        var stored = (await Store.FindAsync(pledge.Id))!;
        Assert.Equal((null, null), (stored.CommendationId, stored.ReturnReason));
    }

    [Fact]
    public async Task TimesKeepTheirOffsetAndTicks()
    {
        var reviewed = Now.AddMinutes(90).AddTicks(1234);
        var pledge = New("u1");
        pledge.ReviewedAt = reviewed;
        pledge.Movements = ["ldg-ldst"];
        await Store.InsertAsync(pledge);
        var read = (await Store.FindAsync(pledge.Id))!;
        Assert.Equal((reviewed, reviewed.Offset, Now), (read.ReviewedAt, read.ReviewedAt!.Value.Offset, read.CreatedAt));
        Assert.Equal("ldg-ldst", Assert.Single(read.Movements));
    }

    [Fact]
    public async Task AMembersPledgesComeNewestFirstAndAPlansOldestFirst()
    {
        await Store.InsertAsync(New("u1", "tld-2021", Now));
        await Store.InsertAsync(New("u1", "quang-tri-2021", Now.AddDays(1)));
        await Store.InsertAsync(New("u2", "tld-2021", Now.AddDays(-1)));
        Assert.Equal(["quang-tri-2021", "tld-2021"], (await Store.ForMemberAsync("test", "u1")).Select(p => p.PlanId));
        Assert.Equal(["u2", "u1"], (await Store.AllAsync("tld-2021")).Select(p => p.UserId));
        Assert.Equal(["u1"], (await Store.ChangedSinceAsync(Now.AddHours(1))).Select(p => p.UserId));
    }

    [Fact]
    public async Task DeletingAMembersPledgesLeavesEveryoneElses()
    {
        await Store.InsertAsync(New("u1"));
        await Store.InsertAsync(New("u1", "quang-tri-2021"));
        await Store.InsertAsync(New("u2"));
        Assert.Equal(2, await Store.DeleteMemberAsync("test", "u1"));
        Assert.Equal(["u2"], (await Store.AllAsync()).Select(p => p.UserId));
    }
}

public sealed class LiteDbPledgeStoreTests : PledgeStoreContract, IDisposable
{
    private readonly TestDatabase _db = new(file: true, new StoreCollection(LiteDbPledgeStore.Collection, LiteDbPledgeStore.Indexes));

    public LiteDbPledgeStoreTests() => Store = new LiteDbPledgeStore(_db.Database, _db.Writer);

    protected override IPledgeStore Store { get; }

    public void Dispose() => _db.Dispose();
}
