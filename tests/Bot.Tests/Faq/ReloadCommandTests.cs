using Bot.Faq;

namespace Bot.Tests.Faq;

public class ReloadCommandTests
{
    [Fact]
    public async Task AnOfficerReloadPicksUpANewEntry()
    {
        using var dir = FaqContentTests.CopyOfDialogs();
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
        using var dir = FaqContentTests.CopyOfDialogs();
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
    public async Task ABrokenPlanKeepsTheCurrentPlansAndTheOfficerIsToldTheFileAndLine()
    {
        using var dir = FaqContentTests.CopyOfDialogs();
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Content:Path"] = dir.Path });
        var content = bot.Services.GetRequiredService<Bot.Content.BotContent>();
        var plans = content.Plans;
        var file = Path.Combine(dir.Path, "plans", "quang-tri-2021.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("end: 2021-12-31", "end: 2021-13-45", StringComparison.Ordinal));

        await bot.Flow(userId: "officer").Send("/tailai")
            .AssertReply(r => r.Text.Contains("Không tải lại được") && System.Text.RegularExpressions.Regex.IsMatch(r.Text, @"plans/quang-tri-2021\.yaml:\d+:"), "the plan file and line at fault");
        Assert.Same(plans, content.Plans);
        await bot.Flow().Send("/phongtrao quang-tri-2021").AssertReply("Quảng Trị");
    }

    [Fact]
    public async Task ANewPlanFileIsServedAfterAReloadWithoutARestart()
    {
        using var dir = FaqContentTests.CopyOfDialogs();
        await using var bot = await TestBot.StartAsync(settings: new Dictionary<string, string?> { ["Content:Path"] = dir.Path });
        var source = File.ReadAllText(Path.Combine(dir.Path, "plans", "quang-tri-2021.yaml"));
        File.WriteAllText(Path.Combine(dir.Path, "plans", "zz-thu-nghiem-2027.yaml"), source
            .Replace("id: quang-tri-2021", "id: zz-thu-nghiem-2027", StringComparison.Ordinal)
            .Replace("Kế hoạch tổ chức phong trào thi đua trong đoàn viên", "Kế hoạch thử nghiệm kỳ lân xanh", StringComparison.Ordinal));

        await bot.Flow().Send("/phongtrao zz-thu-nghiem-2027").AssertReply(r => !r.Text.Contains("kỳ lân xanh"), "not yet");
        await bot.Flow(userId: "officer").Send("/tailai").AssertReply("4 kế hoạch");
        await bot.Flow().Send("/phongtrao zz-thu-nghiem-2027").AssertReply("Kế hoạch thử nghiệm kỳ lân xanh");
    }
}
