using Bot.Content;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Bot.Faq;
using Bot.Tests.Channels.Zalo.Fakes;
using Bot.Tests.Faq;
using Bot.Tests.Storage.PostgreSql;

namespace Bot.Tests.Content;

/// <summary>Two instances on one PostgreSQL database: an officer's /tailai on one reloads the content of both.</summary>
public sealed class ContentReloadFollowerTests : IAsyncLifetime
{
    private const string NewEntry = """
        entries:
          - id: zz-hoi-thao
            questions: ["Hội thảo chuyên đề kỳ lân xanh tổ chức ở đâu?"]
            answer: { vi: "Tại hội trường tầng ba.", en: "In the third-floor hall." }
            source: { vi: "Thông báo thử nghiệm", en: "Test notice" }
        """;

    private PgTestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await PgTestDatabase.CreateAsync(migrate: false);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private Dictionary<string, string?> Settings(string content) => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = _db.ConnectionString,
        ["Content:Path"] = content,
    };

    [Fact]
    public async Task AReloadOnOneInstanceIsFollowedByTheOther()
    {
        if (_db.Off) return;
        using var dir = FaqContentTests.CopyOfDialogs(sources: false);
        await using var first = await TestBot.StartAsync(Settings(dir.Path));
        await using var second = await TestBot.StartAsync(Settings(dir.Path));
        File.WriteAllText(Path.Combine(dir.Path, "faq", "zz-new.yaml"), NewEntry);

        await first.Flow(userId: "officer").Send("/tailai").AssertReply("câu hỏi soạn sẵn");
        await UntilAsync([first, second], () => second.Services.GetRequiredService<FaqLibrary>().Find("zz-hoi-thao") is not null);

        await second.Flow().Send("hội thảo kỳ lân xanh ở đâu").AssertReply("Tại hội trường tầng ba.");
    }

    [Fact]
    public async Task AnInstanceWhoseFilesAreBrokenKeepsItsContentAndFollowsTheNextReload()
    {
        if (_db.Off) return;
        using var good = FaqContentTests.CopyOfDialogs(sources: false);
        using var broken = FaqContentTests.CopyOfDialogs(sources: false);
        var logs = new CapturedLogs();
        await using var first = await TestBot.StartAsync(Settings(good.Path));
        await using var second = await TestBot.StartAsync(Settings(broken.Path), services: s => s.AddSingleton<ILoggerProvider>(logs));
        var engine = second.Services.GetRequiredService<FaqLibrary>().Engine;
        File.WriteAllText(Path.Combine(good.Path, "faq", "zz-new.yaml"), NewEntry);
        File.WriteAllText(Path.Combine(broken.Path, "faq", "zz-new.yaml"), NewEntry);
        File.WriteAllText(Path.Combine(broken.Path, "faq", "zz-broken.yaml"), "entries:\n  - id: Bad Id\n    questions: [\"?\"]\n");

        await first.Flow(userId: "officer").Send("/tailai").AssertReply("câu hỏi soạn sẵn");
        await UntilAsync([first, second], () => logs.AtLeast(LogLevel.Warning).Any(l => l.Message.Contains("faq/zz-broken.yaml:2:")));
        Assert.Same(engine, second.Services.GetRequiredService<FaqLibrary>().Engine);
        await second.Flow().Send("ai ký kế hoạch thi đua 2021").AssertReply("Nguyễn Đình Khang");

        File.Delete(Path.Combine(broken.Path, "faq", "zz-broken.yaml"));
        await first.Flow(userId: "officer").Send("/tailai").AssertReply("câu hỏi soạn sẵn");
        await UntilAsync([first, second], () => second.Services.GetRequiredService<FaqLibrary>().Find("zz-hoi-thao") is not null);
        await second.Flow().Send("hội thảo kỳ lân xanh ở đâu").AssertReply("Tại hội trường tầng ba.");
    }

    [Fact]
    public async Task UnderLiteDbTheFollowerReadsNoDatabase()
    {
        await using var bot = await TestBot.StartAsync();
        var follower = bot.Services.GetServices<IHostedService>().OfType<ContentReloadFollower>().Single();
        await follower.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(follower.ExecuteTask.IsCompletedSuccessfully);
    }

    /// <summary>
    /// Moves both instances' clocks on, one check interval at a time, until the condition holds: 30 s at most, since the
    /// follower rebuilds its own FAQ index from the copied files, which took over 10 s on a loaded 2-core machine.
    /// </summary>
    private static async Task UntilAsync(TestBot[] bots, Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 30 s");
            foreach (var bot in bots) bot.Time.Advance(ContentReloadFollower.Every);
            await Task.Delay(20);
        }
    }
}
