using Bot.Faq;

namespace Bot.Tests.Faq;

public class ReloadCommandTests
{
    [Fact]
    public async Task AnOfficerReloadPicksUpANewEntry()
    {
        using var dir = FaqContentTests.CopyOfDialogs(sources: false);
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Content:Path"] = dir.Path });
        var before = bot.Services.GetRequiredService<FaqLibrary>().Index.Catalog.EntryCount;
        File.WriteAllText(Path.Combine(dir.Path, "faq", "zz-new.yaml"), """
            entries:
              - id: zz-hoi-thao
                questions: ["Hội thảo chuyên đề kỳ lân xanh tổ chức ở đâu?"]
                answer: { vi: "Tại hội trường tầng ba.", en: "In the third-floor hall." }
                source: { vi: "Thông báo thử nghiệm", en: "Test notice" }
            """);

        await bot.Flow(userId: "officer").Send("/tailai").AssertReply($"{before + 1} câu hỏi soạn sẵn");
        await bot.Flow().Send("hội thảo kỳ lân xanh ở đâu").AssertReply(r => r.Text.Contains("Tại hội trường tầng ba.") && r.Text.Contains("Thông báo thử nghiệm"), "the new entry");
    }

    [Fact]
    public async Task ABrokenFileIsReportedAndTheCurrentContentStays()
    {
        using var dir = FaqContentTests.CopyOfDialogs(sources: false);
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Content:Path"] = dir.Path });
        File.WriteAllText(Path.Combine(dir.Path, "faq", "zz-broken.yaml"), "entries:\n  - id: Bad Id\n    questions: [\"?\"]\n");

        await bot.Flow(userId: "officer").Send("/reload")
            .AssertReply(r => r.Text.Contains("Không tải lại được") && r.Text.Contains("faq/zz-broken.yaml:2:"), "the file and line at fault");
        await bot.Flow().Send("ai ký kế hoạch thi đua 2021").AssertReply("Nguyễn Đình Khang");
    }

    [Fact]
    public async Task OnlyOfficersCanReload()
    {
        await using var bot = await TestBot.StartAsync();
        await bot.Flow().Send("/tailai").AssertReply(TestBot.Text("core.officer-only"));
    }

    [Fact]
    public async Task ABrokenPlanKeepsTheCurrentPlansWithFileAndLineAndTheFixedOneIsServedAfterTheNextReload()
    {
        using var dir = FaqContentTests.CopyOfDialogs(sources: false);
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Content:Path"] = dir.Path });
        var content = bot.Services.GetRequiredService<Bot.Content.BotContent>();
        var plans = content.Plans;
        var source = File.ReadAllText(Path.Combine(dir.Path, "plans", "quang-tri-2021.yaml"));
        var added = Path.Combine(dir.Path, "plans", "zz-thu-nghiem-2027.yaml");
        var plan = source
            .Replace("id: quang-tri-2021", "id: zz-thu-nghiem-2027", StringComparison.Ordinal)
            .Replace("Kế hoạch tổ chức phong trào thi đua trong đoàn viên", "Kế hoạch thử nghiệm kỳ lân xanh", StringComparison.Ordinal);
        File.WriteAllText(added, plan.Replace("end: 2021-12-31", "end: 2021-13-45", StringComparison.Ordinal));

        await bot.Flow(userId: "officer").Send("/tailai")
            .AssertReply(r => r.Text.Contains("Không tải lại được") && System.Text.RegularExpressions.Regex.IsMatch(r.Text, @"plans/zz-thu-nghiem-2027\.yaml:\d+:"), "the plan file and line at fault");
        Assert.Same(plans, content.Plans);
        await bot.Flow().Send("/phongtrao zz-thu-nghiem-2027").AssertReply(r => !r.Text.Contains("kỳ lân xanh"), "the old plans");

        File.WriteAllText(added, plan);
        await bot.Flow(userId: "officer").Send("/tailai").AssertReply("4 kế hoạch");
        await bot.Flow().Send("/phongtrao zz-thu-nghiem-2027").AssertReply("Kế hoạch thử nghiệm kỳ lân xanh");
    }
}
