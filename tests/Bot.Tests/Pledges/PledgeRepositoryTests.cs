using Bot.Pledges;

namespace Bot.Tests.Pledges;

public class PledgeRepositoryTests
{
    private static Pledge New(string user, string plan = "tld-2021") => new()
    {
        Channel = "test", UserId = user, PrivateChatId = user, PlanId = plan, FullName = "Nguyễn Văn An", Position = "Công nhân", Unit = "Tổ Cơ khí",
        TitleId = "ldtt", CreatedAt = TestBot.DefaultNow, UpdatedAt = TestBot.DefaultNow,
    };

    [Fact]
    public async Task ASecondNewPledgeForTheSameMemberAndPlanIsRefusedNotDuplicated()
    {
        await using var bot = await TestBot.StartAsync();
        var repository = bot.Pledges();
        repository.Save(New("u1"));
        Assert.Throws<DuplicatePledgeException>(() => repository.Save(New("u1")));
        repository.Save(New("u1", "quang-tri-2021"));
        repository.Save(New("U1"));
        Assert.Equal(3, repository.All().Count);
        Assert.Equal(2, repository.ForMember("test", "u1").Count);
    }

    [Fact]
    public async Task TimesAndReviewFieldsRoundTrip()
    {
        await using var bot = await TestBot.StartAsync();
        var repository = bot.Pledges();
        var reviewed = TestBot.DefaultNow.AddMinutes(90).AddTicks(1234);
        var pledge = repository.Save(New("u1"));
        pledge.ReviewedAt = reviewed;
        pledge.Status = PledgeStatus.Returned;
        pledge.Movements = ["ldg-ldst"];
        repository.Save(pledge);
        var read = repository.Find(pledge.Id)!;
        Assert.Equal((reviewed, reviewed.Offset, TestBot.DefaultNow), (read.ReviewedAt, read.ReviewedAt!.Value.Offset, read.CreatedAt));
        Assert.Equal((PledgeStatus.Returned, "ldg-ldst"), (read.Status, Assert.Single(read.Movements)));
        Assert.Null(repository.Find(999));
    }

    [Fact]
    public async Task AnExportThatCannotBeSavedOnTheServerSaysSo()
    {
        var blocker = Path.GetTempFileName();
        try
        {
            await using var bot = await TestBot.StartAsync(
                new Dictionary<string, string?> { ["Pledges:ExportFolder"] = Path.Combine(blocker, "exports") },
                capabilities: new ChannelCapabilities { Buttons = true, Files = false });
            bot.Pledges().Save(New("u1"));
            await bot.Flow("officer").Send("/xuat").Contains("không lưu được tệp", "/xuat trong Telegram");
        }
        finally
        {
            File.Delete(blocker);
        }
    }
}
