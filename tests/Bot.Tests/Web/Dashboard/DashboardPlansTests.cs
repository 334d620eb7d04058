using System.Net.Http.Headers;
using Bot.Tests.Web.SignIn;

namespace Bot.Tests.Web.Dashboard;

public class DashboardPlansTests
{
    /// <summary>The shipped plan with its first phase ending before it starts (line 160).</summary>
    public static string BrokenPlan() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "dialogs", "plans", "tld-2021.yaml")).Replace("    end: 2021-06-30", "    end: 2020-06-30");

    private static async Task<string> UploadAsync(WebSite site, string name, string yaml)
    {
        var page = await site.PageAsync("/quantri/kehoach");
        using var form = new MultipartFormDataContent();
        var file = new StringContent(yaml);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        form.Add(file, "plan", name);
        form.Add(new StringContent(WebSite.FormToken(page)), "__RequestVerificationToken");
        var response = await site.PostAsync("/quantri/kehoach?handler=Check", form);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task ABrokenPlanFileIsRefusedWithTheLineOfEachProblem()
    {
        await using var bot = await TestBot.StartAsync();
        using var site = new WebSite(bot);
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));

        var page = await UploadAsync(site, "tld-2021.yaml", BrokenPlan());

        Assert.Contains(TestBot.Text("web.plans-upload-problems"), page);
        Assert.Matches(@"tld-2021\.yaml:16\d: phases\[0\]", page);
    }

    [Fact]
    public async Task AValidPlanFileIsReportedValidAndNotApplied()
    {
        await using var bot = await TestBot.StartAsync();
        using var site = new WebSite(bot);
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "dialogs", "plans", "tld-2021.yaml"));

        var page = await UploadAsync(site, "tld-2021.yaml", yaml);

        Assert.Contains(TestBot.Text("web.plans-upload-ok", ("file", "tld-2021.yaml")), page);
    }

    [Fact]
    public async Task ThePlansPageShowsEveryPlanOnTheTimeline()
    {
        await using var bot = await TestBot.StartAsync();
        using var site = new WebSite(bot);
        await SignInTests.SignInAsync(site, await SignInTests.LinkFromBotAsync(bot));

        var page = await site.PageAsync("/quantri/kehoach");

        Assert.Contains("<svg class=\"chart timeline\"", page);
        foreach (var plan in bot.Services.GetRequiredService<Bot.Content.BotContent>().Plans) Assert.Contains(plan.Title.For("vi")[..20], page);
    }

    [Fact]
    public async Task AnOfficerPausesAndCancelsAScheduledKickoffAndItIsAudited()
    {
        await using var bot = await TestBot.StartAsync();
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
