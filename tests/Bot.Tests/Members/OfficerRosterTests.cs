using Bot.Members;
using Bot.Pledges;
using Bot.Tests.Pledges;

namespace Bot.Tests.Members;

public class OfficerRosterTests
{
    private static Pledge For(string user, string plan) => new()
    {
        Channel = "test", UserId = user, PrivateChatId = user, PlanId = plan, FullName = "Nguyễn Văn An", Unit = "Tổ Cơ khí", TitleId = "ldtt",
        CreatedAt = TestBot.DefaultNow, UpdatedAt = TestBot.DefaultNow,
    };

    [Fact]
    public async Task AnOfficerOfOnePlanReviewsThatPlanOnlyAndIsStoredAsData()
    {
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?> { ["Officers:Plans:quang-tri-2021:0"] = "test:qt" });
        var tld = bot.Pledges().Insert(For("u1", "tld-2021")).Id;
        var qt = bot.Pledges().Insert(For("u2", "quang-tri-2021")).Id;

        var officer = bot.Flow("qt");
        await officer.Send($"/danhsach duyet {tld}").AssertReply(TestBot.Text("core.officer-only"));
        await officer.Send($"/danhsach duyet {qt}").AssertReply("Đã duyệt");
        Assert.Equal((PledgeStatus.Submitted, PledgeStatus.Approved), (bot.Pledges().Find(tld)!.Status, bot.Pledges().Find(qt)!.Status));

        var stored = await bot.Services.GetRequiredService<IOfficerRoleStore>().AllAsync();
        Assert.Contains(stored, r => r.ToRole() == new OfficerRole("test", "qt", "quang-tri-2021") && r.Source == OfficerRoster.SettingsSource);
        Assert.Contains(stored, r => r.ToRole() == new OfficerRole("test", "officer", null));
    }

    [Fact]
    public async Task AnOfficerOfOnePlanAskingForAnotherPlansListOrExportIsRefusedPolitely()
    {
        await using var bot = await TestBot.StartAsync(new Dictionary<string, string?> { ["Officers:Plans:quang-tri-2021:0"] = "test:qt" });
        bot.Pledges().Insert(For("u1", "tld-2021"));
        var officer = bot.Flow("qt");
        await officer.Send("/danhsach tld-2021").AssertReply(TestBot.Text("core.officer-only"));
        await officer.Send("/xuat tld-2021").AssertReply(TestBot.Text("core.officer-only"));
        await officer.Send("/danhsach").AssertReply(r => !r.Text.Contains("Nguyễn Văn An"), "a list without the other plan's pledge");
    }
}
