using Bot.Tests.Web.SignIn;
using Bot.Web.Unanswered;

namespace Bot.Tests.Web.Dashboard;

public class DashboardUnansweredTests
{
    [Fact]
    public async Task QuestionsTheBotDeclinedAreGroupedAndCountedWithoutWhoAsked()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        await bot.Flow("u1", userName: "Nguyễn Văn An").Send("giá vàng hôm nay bao nhiêu").AssertReply(TestBot.Text("faq.declined")[..20]);
        await bot.Flow("u2", userName: "Trần Thị Bình").Send("giá vàng hôm nay là bao nhiêu vậy").AssertReply(_ => true);
        await bot.Flow("u3").Send("gọi cho tôi số 0912345678 nhé").AssertReply(_ => true);
        using var site = new WebSite(bot);
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));

        var page = await site.PageAsync("/quantri/cauhoi");

        var groups = QuestionGroups.Of(await bot.Services.GetRequiredService<IUnansweredQuestionStore>().RecentAsync(100));
        Assert.Contains(groups, g => g.Count == 2 && g.Example.StartsWith("giá vàng hôm nay", StringComparison.Ordinal));
        Assert.Contains("giá vàng hôm nay", page);
        Assert.DoesNotContain("0912345678", page);
        Assert.DoesNotContain("Trần Thị Bình", page);
    }

    [Fact]
    public void SimilarWordingsGoTogetherAndDifferentQuestionsApart()
    {
        UnansweredQuestion Q(string text) => new() { Text = text, Outcome = "Declined", At = TestBot.DefaultNow };

        var groups = QuestionGroups.Of([Q("lương tháng này khi nào có"), Q("Luong thang nay khi nao co?"), Q("thời tiết ngày mai")]);

        Assert.Equal([2, 1], groups.Select(g => g.Count));
    }
}
