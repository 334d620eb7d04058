using Bot.Pledges;
using LiteDB;

namespace Bot.Tests.Pledges;

/// <summary>The conditional update under the member and officer flows: stale copies lose, nothing is merged by accident.</summary>
public class PledgeVersionTests
{
    private static Pledge New(string user) => new()
    {
        Channel = "test", UserId = user, PrivateChatId = user, PlanId = "tld-2021", FullName = "Nguyễn Văn An", Position = "Công nhân",
        Unit = "Tổ Cơ khí", TitleId = "ldtt", CreatedAt = TestBot.DefaultNow, UpdatedAt = TestBot.DefaultNow,
    };

    [Fact]
    public async Task AnUpdateBasedOnAnOlderVersionWritesNothingAndTheNewerOneStays()
    {
        await using var bot = await TestBot.StartAsync();
        var repository = bot.Pledges();
        var id = repository.Insert(New("u1")).Id;
        var officerCopy = repository.Find(id)!;
        var memberCopy = repository.Find(id)!;
        memberCopy.Status = PledgeStatus.Withdrawn;
        Assert.True(repository.TryUpdate(memberCopy));
        officerCopy.Status = PledgeStatus.Approved;
        Assert.False(repository.TryUpdate(officerCopy));
        Assert.Equal(1L, officerCopy.Version); // the loser's copy is left as it was read
        var stored = repository.Find(id)!;
        Assert.Equal((PledgeStatus.Withdrawn, 2L), (stored.Status, stored.Version));
    }

    [Fact]
    public async Task AFieldSetToNothingIsClearedNotKeptFromTheStoredDocument()
    {
        await using var bot = await TestBot.StartAsync();
        var repository = bot.Pledges();
        var pledge = New("u1");
        pledge.CommendationId = "giay-khen";
        pledge.ReturnReason = "Thiếu tên tổ";
        repository.Insert(pledge);
        pledge.CommendationId = null;
        pledge.ReturnReason = null;
        Assert.True(repository.TryUpdate(pledge));
        var stored = repository.Find(pledge.Id)!;
        Assert.Equal((null, null), (stored.CommendationId, stored.ReturnReason));
    }

    [Fact]
    public async Task APledgeStoredBeforeVersionsExistedCountsAsVersionZero()
    {
        await using var bot = await TestBot.StartAsync();
        var repository = bot.Pledges();
        var id = repository.Insert(New("u1")).Id;
        var db = bot.Services.GetRequiredService<LiteDatabase>();
        var raw = db.GetCollection(LiteDbPledgeStore.Collection).FindById(id);
        raw.Remove("Version");
        db.GetCollection(LiteDbPledgeStore.Collection).Update(raw);

        var old = repository.Find(id)!;
        Assert.Equal(0L, old.Version);
        old.Status = PledgeStatus.Approved;
        Assert.True(repository.TryUpdate(old));
        Assert.Equal((PledgeStatus.Approved, 1L), (repository.Find(id)!.Status, repository.Find(id)!.Version));
    }
}
