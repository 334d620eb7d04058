using System.Net;
using Bot.Pledges;
using Bot.Tests.Pledges;
using Bot.Tests.Web.SignIn;
using MiniExcelLibs;

namespace Bot.Tests.Web.Dashboard;

/// <summary>The dashboard's pledges page over the real host: the same use cases as /danhsach, the member told in their chat.</summary>
public class DashboardPledgesTests
{
    private static async Task<(TestBot Bot, WebSite Site)> SignedInAsync()
    {
        var bot = await TestBot.StartAsync(web: true);
        var site = new WebSite(bot);
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));
        return (bot, site);
    }

    private static Pledge Add(TestBot bot, string userId, string name, string unit, string title = "ldtt") => bot.Pledges().Insert(new Pledge
    {
        Channel = "test", UserId = userId, PrivateChatId = userId, PlanId = "tld-2021", FullName = name, Position = "Công nhân",
        Unit = unit, TitleId = title, CreatedAt = TestBot.DefaultNow, UpdatedAt = TestBot.DefaultNow, Version = 1,
    });

    [Fact]
    public async Task AnOfficerApprovesAPledgeAndTheMemberIsToldInTheirChat()
    {
        var (bot, site) = await SignedInAsync();
        await using var _ = bot;
        using var __ = site;
        var pledge = Add(bot, "u1", "Nguyễn Văn An", "Tổ Cơ khí");

        var response = await site.PostFormAsync("/quantri/dangky", "/quantri/dangky?handler=Approve",
            ("id", pledge.Id.ToString()), ("version", pledge.Version.ToString()), ("back", "/quantri/dangky"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(PledgeStatus.Approved, bot.Pledges().Find(pledge.Id)!.Status);
        Assert.Equal("test:officer", bot.Pledges().Find(pledge.Id)!.ReviewedBy);
        Assert.Contains(bot.Connector.All, r => r.To.ChatId == "u1" && r.Text.Contains($"{pledge.Id}"));
        var page = await site.PageAsync("/quantri/dangky");
        Assert.Contains(TestBot.Text("web.decided-approved", ("id", pledge.Id)), page);
        Assert.Contains(TestBot.Text("web.member-told"), page);
        Assert.Contains(TestBot.Text("web.audit-approved"), await site.PageAsync("/quantri/nhatky"));
    }

    [Fact]
    public async Task AnOfficerReturnsAPledgeWithAReasonAndTheMemberReadsIt()
    {
        var (bot, site) = await SignedInAsync();
        await using var _ = bot;
        using var __ = site;
        var pledge = Add(bot, "u1", "Nguyễn Văn An", "Tổ Cơ khí");

        await site.PostFormAsync("/quantri/dangky", "/quantri/dangky?handler=Return",
            ("id", pledge.Id.ToString()), ("version", pledge.Version.ToString()), ("reason", "Thiếu tên sáng kiến"), ("back", "/quantri/dangky"));

        var stored = bot.Pledges().Find(pledge.Id)!;
        Assert.Equal((PledgeStatus.Returned, "Thiếu tên sáng kiến"), (stored.Status, stored.ReturnReason));
        Assert.Contains(bot.Connector.All, r => r.To.ChatId == "u1" && r.Text.Contains("Thiếu tên sáng kiến"));
    }

    [Fact]
    public async Task AReturnWithoutAReasonIsRefusedPolitelyAndNothingChanges()
    {
        var (bot, site) = await SignedInAsync();
        await using var _ = bot;
        using var __ = site;
        var pledge = Add(bot, "u1", "Nguyễn Văn An", "Tổ Cơ khí");

        await site.PostFormAsync("/quantri/dangky", "/quantri/dangky?handler=Return", ("id", pledge.Id.ToString()), ("version", pledge.Version.ToString()), ("reason", " "));

        Assert.Equal(PledgeStatus.Submitted, bot.Pledges().Find(pledge.Id)!.Status);
        Assert.Contains(TestBot.Text("web.reason-length", ("min", PledgeReview.MinReason), ("max", PledgeReview.MaxReason)), await site.PageAsync("/quantri/dangky"));
    }

    [Fact]
    public async Task ADecisionOnAPledgeTheMemberChangedMeanwhileSavesNothing()
    {
        var (bot, site) = await SignedInAsync();
        await using var _ = bot;
        using var __ = site;
        var pledge = Add(bot, "u1", "Nguyễn Văn An", "Tổ Cơ khí");

        await site.PostFormAsync("/quantri/dangky", "/quantri/dangky?handler=Approve", ("id", pledge.Id.ToString()), ("version", "0"));

        Assert.Equal(PledgeStatus.Submitted, bot.Pledges().Find(pledge.Id)!.Status);
        Assert.Contains(TestBot.Text("web.decision-conflict", ("id", pledge.Id)), await site.PageAsync("/quantri/dangky"));
    }

    [Fact]
    public async Task BulkApprovalApprovesEverySelectedPledgeAndTellsEachMember()
    {
        var (bot, site) = await SignedInAsync();
        await using var _ = bot;
        using var __ = site;
        var a = Add(bot, "u1", "Nguyễn Văn An", "Tổ Cơ khí");
        var b = Add(bot, "u2", "Trần Thị Bình", "Tổ Điện");
        var c = Add(bot, "u3", "Lê Văn Cường", "Tổ Điện");

        await site.PostFormAsync("/quantri/dangky", "/quantri/dangky?handler=BulkApprove", ("ids", a.Id.ToString()), ("ids", b.Id.ToString()));

        Assert.Equal([PledgeStatus.Approved, PledgeStatus.Approved, PledgeStatus.Submitted], new[] { a, b, c }.Select(p => bot.Pledges().Find(p.Id)!.Status));
        Assert.Equal(["u1", "u2"], bot.Connector.All.Select(r => r.To.ChatId).Where(id => id.StartsWith('u')).Order());
        Assert.Contains(TestBot.Text("web.bulk-done", ("approved", 2), ("told", 2)), await site.PageAsync("/quantri/dangky"));
    }

    [Fact]
    public async Task TheListIsFilteredSearchedSortedAndPaged()
    {
        var (bot, site) = await SignedInAsync();
        await using var _ = bot;
        using var __ = site;
        for (var i = 1; i <= 30; i++) Add(bot, $"u{i}", $"Đoàn viên {i:00}", i % 3 == 0 ? "Tổ Điện" : "Tổ Cơ khí");
        Add(bot, "u99", "Phạm Thị Dung", "Tổ Điện", "cstd-co-so");

        var byUnit = await site.PageAsync("/quantri/dangky?unit=" + Uri.EscapeDataString("to dien"));
        var search = await site.PageAsync("/quantri/dangky?q=dung");
        var title = await site.PageAsync("/quantri/dangky?title=cstd-co-so");
        var sorted = await site.PageAsync("/quantri/dangky?sort=name&dir=asc");
        var page2 = await site.PageAsync("/quantri/dangky?sort=name&dir=asc&page=2");

        Assert.Contains(TestBot.Text("web.pledges-count", ("count", 11)), byUnit);
        Assert.Contains("Phạm Thị Dung", search);
        Assert.DoesNotContain("Đoàn viên 01", search);
        Assert.Contains(TestBot.Text("web.pledges-count", ("count", 1)), title);
        Assert.Contains(TestBot.Text("web.pledge-details"), title);
        Assert.Contains("Đoàn viên 01", sorted);
        Assert.DoesNotContain("Đoàn viên 26", sorted);
        Assert.Contains("Đoàn viên 26", page2);
        Assert.Contains(TestBot.Text("web.page-of", ("page", 2), ("pages", 2)), page2);
    }

    [Fact]
    public async Task TheFilteredListDownloadsAsTheRegistrationListXlsx()
    {
        var (bot, site) = await SignedInAsync();
        await using var _ = bot;
        using var __ = site;
        Add(bot, "u1", "Nguyễn Văn An", "Tổ Cơ khí");
        Add(bot, "u2", "Trần Thị Bình", "Tổ Điện");
        Add(bot, "u3", "Lê Văn Cường", "Tổ Điện");

        var response = await site.GetAsync("/quantri/dangky?handler=Export&unit=" + Uri.EscapeDataString("Tổ Điện"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(PledgeExport.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith(".xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var cells = stream.Query(useHeaderRow: false).SelectMany(r => ((IDictionary<string, object?>)r).Values).Select(v => v?.ToString()).ToList();
        Assert.Contains("Trần Thị Bình", cells);
        Assert.Contains("Lê Văn Cường", cells);
        Assert.DoesNotContain("Nguyễn Văn An", cells);
        Assert.Contains(TestBot.Text("web.audit-exported"), await site.PageAsync("/quantri/nhatky"));
    }

    [Fact]
    public async Task TheOverviewSaysHonestlyThatNoPlanRunsAndDrawsTheCountsAsCharts()
    {
        var (bot, site) = await SignedInAsync();
        await using var _ = bot;
        using var __ = site;
        Add(bot, "u1", "Nguyễn Văn An", "Tổ Cơ khí");

        var page = await site.PageAsync("/quantri");

        Assert.Contains(TestBot.Text("web.overview-none"), page);
        Assert.Contains("<svg class=\"chart\"", page);
        Assert.Contains("Tổ Cơ khí", page);
    }
}
