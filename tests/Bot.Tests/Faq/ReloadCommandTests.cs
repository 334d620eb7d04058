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
}
