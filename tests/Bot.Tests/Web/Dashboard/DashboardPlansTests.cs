using System.Net.Http.Headers;
using Bot.Tests.Web.SignIn;

namespace Bot.Tests.Web.Dashboard;

public class DashboardPlansTests
{
    /// <summary>The shipped plan with its first phase ending before it starts (line 160).</summary>
    public static string BrokenPlan() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "dialogs", "plans", "tld-2021.yaml")).Replace("    end: 2021-06-30", "    end: 2020-06-30");

    private static async Task<string> UploadAsync(WebSite site, string name, string yaml, string handler = "Check")
    {
        var page = await site.PageAsync("/quantri/kehoach");
        using var form = new MultipartFormDataContent();
        var file = new StringContent(yaml);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        form.Add(file, "plan", name);
        form.Add(new StringContent(WebSite.FormToken(page)), "__RequestVerificationToken");
        var response = await site.PostAsync($"/quantri/kehoach?handler={handler}", form);
        // Applying redirects back to the page with its notice.
        return response.Headers.Location is { } back ? await site.PageAsync(back.OriginalString) : await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task ABrokenPlanFileIsRefusedWithTheLineOfEachProblem()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));

        var page = await UploadAsync(site, "tld-2021.yaml", BrokenPlan());

        Assert.Contains(TestBot.Text("web.plans-upload-problems"), page);
        Assert.Matches(@"tld-2021\.yaml:16\d: phases\[0\]", page);
    }

    [Fact]
    public async Task AValidPlanFileIsReportedValidAndNotApplied()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "dialogs", "plans", "tld-2021.yaml"));

        var page = await UploadAsync(site, "tld-2021.yaml", yaml);

        Assert.Contains(TestBot.Text("web.plans-upload-ok", ("file", "tld-2021.yaml")), page);
    }

    [Fact]
    public async Task AValidPlanFileIsAppliedWithoutARestartAndAuditedAndMembersSeeItAtOnce()
    {
        using var dir = Faq.FaqContentTests.CopyOfDialogs(sources: false);
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Content:Path"] = dir.Path }, web: true);
        using var site = new WebSite(bot);
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));
        var yaml = NewPlan(dir.Path);

        var page = await UploadAsync(site, "zz-thu-nghiem-2027.yaml", yaml, "Publish");

        Assert.Contains(TestBot.Text("web.plans-published", ("file", "zz-thu-nghiem-2027.yaml"), ("plans", 4)), page);
        Assert.True(File.Exists(Path.Combine(dir.Path, "plans", "zz-thu-nghiem-2027.yaml")));
        await bot.Flow().Send("/phongtrao zz-thu-nghiem-2027").AssertReply("Kế hoạch thử nghiệm kỳ lân xanh");
        Assert.Contains(TestBot.Text("web.audit-plan-published"), await site.PageAsync("/quantri/nhatky"));
    }

    [Fact]
    public async Task ABrokenPlanFileIsNotAppliedAndTheFolderStaysAsItWas()
    {
        using var dir = Faq.FaqContentTests.CopyOfDialogs(sources: false);
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Content:Path"] = dir.Path }, web: true);
        using var site = new WebSite(bot);
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));
        var shipped = File.ReadAllText(Path.Combine(dir.Path, "plans", "tld-2021.yaml"));

        var page = await UploadAsync(site, "tld-2021.yaml", BrokenPlan(), "Publish");

        Assert.Contains(TestBot.Text("web.plans-upload-problems"), page);
        Assert.Equal(shipped, File.ReadAllText(Path.Combine(dir.Path, "plans", "tld-2021.yaml")));
        Assert.Equal(3, bot.Services.GetRequiredService<Bot.Content.BotContent>().Plans.Count);
    }

    [Fact]
    public async Task AnOfficerOfOnePlanMayCheckButNotApplyAPlanFile()
    {
        using var dir = Faq.FaqContentTests.CopyOfDialogs(sources: false);
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Content:Path"] = dir.Path,
            ["Officers:Plans:quang-tri-2021:0"] = "test:qt-officer",
        }, web: true);
        using var site = new WebSite(bot);
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot, "qt-officer"));

        var page = await UploadAsync(site, "zz-thu-nghiem-2027.yaml", NewPlan(dir.Path), "Publish");

        Assert.Contains(TestBot.Text("web.plans-publish-not-allowed"), page);
        Assert.False(File.Exists(Path.Combine(dir.Path, "plans", "zz-thu-nghiem-2027.yaml")));
    }

    /// <summary>A fourth plan: Quảng Trị's file under another id and title.</summary>
    private static string NewPlan(string dialogs) => File.ReadAllText(Path.Combine(dialogs, "plans", "quang-tri-2021.yaml"))
        .Replace("id: quang-tri-2021", "id: zz-thu-nghiem-2027", StringComparison.Ordinal)
        .Replace("Kế hoạch tổ chức phong trào thi đua trong đoàn viên", "Kế hoạch thử nghiệm kỳ lân xanh", StringComparison.Ordinal);

    [Fact]
    public async Task ThePlansPageShowsEveryPlanOnTheTimeline()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));

        var page = await site.PageAsync("/quantri/kehoach");

        Assert.Contains("<svg class=\"chart timeline\"", page);
        foreach (var plan in bot.Services.GetRequiredService<Bot.Content.BotContent>().Plans) Assert.Contains(plan.Title.For("vi")[..20], page);
    }

    [Fact]
    public async Task AnOfficerPausesAndCancelsAScheduledKickoffAndItIsAudited()
    {
        await using var bot = await TestBot.StartAsync(web: true);
        using var site = new WebSite(bot);
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));
        var store = bot.Services.GetRequiredService<Bot.Broadcasts.Schedule.IKickoffScheduleStore>();
        await store.TryAddAsync(new Bot.Broadcasts.Schedule.ScheduledKickoff
        {
            Key = "test-plan/phase-9", PlanId = "tld-2021", PhaseId = "dot-1", RunAt = TestBot.DefaultNow.AddDays(3), State = Bot.Broadcasts.Schedule.ScheduleState.Scheduled,
        });
        var id = (await store.AllAsync()).Single(k => k.Key == "test-plan/phase-9").Id;

        await site.PostFormAsync("/quantri/kehoach", "/quantri/kehoach?handler=Schedule", ("id", id.ToString()), ("change", "pause"));
        Assert.Equal(Bot.Broadcasts.Schedule.ScheduleState.Paused, (await store.FindAsync(id))!.State);
        await site.PostFormAsync("/quantri/kehoach", "/quantri/kehoach?handler=Schedule", ("id", id.ToString()), ("change", "cancel"));

        Assert.Equal(Bot.Broadcasts.Schedule.ScheduleState.Cancelled, (await store.FindAsync(id))!.State);
        var audit = await site.PageAsync("/quantri/nhatky");
        Assert.Contains(TestBot.Text("web.audit-schedule-pause"), audit);
        Assert.Contains(TestBot.Text("web.audit-schedule-cancel"), audit);
    }
}
