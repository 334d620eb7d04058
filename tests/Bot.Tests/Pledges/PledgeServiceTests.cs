using Bot.Members;
using Bot.Pledges;

namespace Bot.Tests.Pledges;

/// <summary>The pledge use cases called as the web dashboard will call them: with an actor, no chat turn.</summary>
public class PledgeServiceTests
{
    private static readonly Actor Member = new("test", "u1", "An", "vi", []);
    private static readonly Actor Other = new("test", "u2", "Bình", "vi", []);
    private static readonly Actor Officer = new("web", "officer", "Cán bộ", "vi", [new OfficerRole("web", "officer", null)]);
    private static readonly Actor QuangTriOfficer = new("web", "qt", "Cán bộ QT", "vi", [new OfficerRole("web", "qt", "quang-tri-2021")]);

    private static async Task<(TestBot Bot, PledgeService Service, int Id)> ArrangeAsync()
    {
        var bot = await TestBot.StartAsync();
        var id = bot.Pledges().Insert(new Pledge
        {
            Channel = "test", UserId = "u1", PrivateChatId = "u1", PlanId = "tld-2021", FullName = "Nguyễn Văn An", Position = "Công nhân",
            Unit = "Tổ Cơ khí", TitleId = "ldtt", CreatedAt = TestBot.DefaultNow, UpdatedAt = TestBot.DefaultNow,
        }).Id;
        return (bot, bot.Services.GetRequiredService<PledgeService>(), id);
    }

    [Fact]
    public async Task AMemberCannotApproveListOrExportAndNothingChanges()
    {
        var (bot, service, id) = await ArrangeAsync();
        await using var _ = bot;
        await Assert.ThrowsAsync<NotAllowedException>(() => service.ApproveAsync(Member, id, null));
        await Assert.ThrowsAsync<NotAllowedException>(() => service.ListAsync(Member, null));
        await Assert.ThrowsAsync<NotAllowedException>(() => service.ExportAsync(Member, null, null, "vi"));
        Assert.Equal(PledgeStatus.Submitted, bot.Pledges().Find(id)!.Status);
    }

    [Fact]
    public async Task AnOfficerApprovesWhatTheySawAndIsRecordedAsTheReviewer()
    {
        var (bot, service, id) = await ArrangeAsync();
        await using var _ = bot;
        var result = await service.ApproveAsync(Officer, id, seenVersion: 1);
        Assert.Equal(PledgeOutcome.Done, result.Outcome);
        var stored = bot.Pledges().Find(id)!;
        Assert.Equal((PledgeStatus.Approved, "web:officer", 2L), (stored.Status, stored.ReviewedBy, stored.Version));
        Assert.Equal(PledgeOutcome.Conflict, (await service.ReturnAsync(Officer, id, "Thiếu tên tổ", seenVersion: 1)).Outcome);
    }

    [Fact]
    public async Task AnOfficerOfAnotherPlanCannotReviewOrSeeThisPlansPledges()
    {
        var (bot, service, id) = await ArrangeAsync();
        await using var _ = bot;
        await Assert.ThrowsAsync<NotAllowedException>(() => service.ApproveAsync(QuangTriOfficer, id, null));
        await Assert.ThrowsAsync<NotAllowedException>(() => service.ListAsync(QuangTriOfficer, "tld-2021"));
        Assert.Empty(await service.ListAsync(QuangTriOfficer, null));
        Assert.Single(await service.ListAsync(Officer, null));
    }

    [Fact]
    public async Task OnlyTheMemberCanWithdrawTheirPledgeAndOnlyOnce()
    {
        var (bot, service, id) = await ArrangeAsync();
        await using var _ = bot;
        Assert.Equal(PledgeOutcome.NotFound, (await service.WithdrawAsync(Other, id, null)).Outcome);
        Assert.Equal(PledgeOutcome.Done, (await service.WithdrawAsync(Member, id, 1)).Outcome);
        Assert.Equal(PledgeOutcome.NotActive, (await service.WithdrawAsync(Member, id, 2)).Outcome);
        Assert.Equal(PledgeStatus.Withdrawn, bot.Pledges().Find(id)!.Status);
    }

    [Fact]
    public async Task TalliesCountActivePledgesByTitleAndUnitWhateverTheUnitsSpelling()
    {
        var (bot, service, _) = await ArrangeAsync();
        await using var __ = bot;
        bot.Pledges().Insert(new Pledge { Channel = "test", UserId = "u2", PlanId = "tld-2021", FullName = "Trần Bình", Unit = "tổ cơ  khí", TitleId = "ldtt", CreatedAt = TestBot.DefaultNow, UpdatedAt = TestBot.DefaultNow });
        bot.Pledges().Insert(new Pledge { Channel = "test", UserId = "u3", PlanId = "tld-2021", FullName = "Lê Chi", Unit = "Tổ Điện", TitleId = "cstdcs", Status = PledgeStatus.Withdrawn, CreatedAt = TestBot.DefaultNow, UpdatedAt = TestBot.DefaultNow });
        var tallies = await service.TalliesAsync(Officer, "tld-2021", latest: 2);
        Assert.Equal((3, 2), (tallies.Total, tallies.Active));
        Assert.Equal([("ldtt", 2)], tallies.ByTitle);
        Assert.Equal(2, Assert.Single(tallies.ByUnit).Count);
        Assert.Equal(2, tallies.Latest.Count);
    }

    [Fact]
    public async Task AnExportHoldsTheActivePledgesAsAWorkbook()
    {
        var (bot, service, _) = await ArrangeAsync();
        await using var __ = bot;
        var export = await service.ExportAsync(Officer, null, null, "vi");
        Assert.Single(export!.Scope.Rows);
        Assert.EndsWith(".xlsx", export.FileName);
        Assert.Equal("PK"u8.ToArray(), export.Bytes[..2]);
        Assert.Null(await service.ExportAsync(Officer, null, "Tổ Không Có", "vi"));
    }

    private static PledgeDraft Form(string unit = "Tổ Điện", long? baseVersion = null) => new()
    {
        PlanId = "tld-2021", FullName = "Nguyễn Văn An", Position = "Công nhân", Unit = unit, TitleId = "ldtt", BaseVersion = baseVersion,
    };

    [Fact]
    public async Task ARegistrationIsStoredOnceAndAnUpdateMustStartFromTheStoredVersion()
    {
        await using var bot = await TestBot.StartAsync();
        var service = bot.Services.GetRequiredService<PledgeService>();
        var first = await service.RegisterAsync(Other, Form(), privateChatId: "u2");
        Assert.Equal((RegistrationOutcome.Registered, 1L), (first.Outcome, first.Pledge!.Version));
        Assert.Equal(RegistrationOutcome.ChangedMeanwhile, (await service.RegisterAsync(Other, Form("Tổ Cơ khí"))).Outcome); // no base version: did not see it
        Assert.Equal(RegistrationOutcome.Unchanged, (await service.RegisterAsync(Other, Form(baseVersion: 1))).Outcome);
        var update = await service.RegisterAsync(Other, Form("Tổ Cơ khí", baseVersion: 1));
        Assert.Equal((RegistrationOutcome.Updated, "Tổ Cơ khí", "u2"), (update.Outcome, update.Pledge!.Unit, update.Pledge.PrivateChatId));
        Assert.Equal("Tổ Cơ khí", Assert.Single(bot.Pledges().All()).Unit);
    }

    [Fact]
    public async Task NothingIsRegisteredWhileThePlansRegistrationIsClosed()
    {
        await using var bot = await TestBot.StartAsync(openRegistration: false);
        var service = bot.Services.GetRequiredService<PledgeService>();
        Assert.Equal(RegistrationOutcome.Closed, (await service.RegisterAsync(Other, Form())).Outcome);
        Assert.Empty(bot.Pledges().All());
    }
}
