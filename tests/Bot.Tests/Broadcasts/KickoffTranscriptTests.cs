using Bot.Content;
using Bot.Pledges;
using Microsoft.Extensions.Options;
using static Bot.Tests.Broadcasts.BroadcastHarness;

namespace Bot.Tests.Broadcasts;

public class KickoffTranscriptTests
{
    // Every shipped phase has ended by the test clock (2026): sending needs the explicit button.
    private const string SendAnyway = "⚠️ Vẫn gửi dù đợt đã kết thúc";
    private const string TldTitle = "Kế hoạch phát động phong trào thi đua trong đoàn viên, công nhân, viên chức, lao động và các cấp công đoàn năm 2021";

    [Fact]
    public async Task AnOfficerLaunchesAPhaseAndMembersGetTheKickoffComposedFromThePlan()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 2, groups: 1);
        await bot.Flow(Officer).Send("/phatdong")
            .AssertReply("Phát động đợt thi đua của kế hoạch nào?").Press(TldTitle)
            .AssertReply("Chọn đợt thi đua").Press("Đợt 2 (01/07/2021 – 31/12/2021)")
            .AssertReply(TestBot.Text("broadcast.pick-audience")).Press("Tất cả: 1 nhóm và 3 thành viên")
            .AssertReply("Xem trước")
            .AssertReply(r => IsTldPhase2Kickoff(r.Text) && r.Text.Contains("/dangky"), "the kickoff composed from the plan")
            .AssertReply("tới 4 người nhận")
            .Press(SendAnyway).AssertReply("Bắt đầu gửi #1");
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");
        foreach (var chat in new[] { "m1", "m2", "g1" })
            Assert.Single(bot.Connector.To(chat), r => IsTldPhase2Kickoff(r.Text));
    }

    [Fact]
    public async Task TheFirstPhaseOfAPlanUsesItsOwnTemplateWithTheTheme()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 1);
        var plan = bot.Services.GetRequiredService<BotContent>().FindPlan("tld-2021")!;
        await bot.Flow(Officer).Send("/phatdong tld-2021 1")
            .AssertReply(TestBot.Text("broadcast.pick-audience")).Press("Chỉ thành viên nhắn riêng (2)")
            .AssertReply("Xem trước")
            .AssertReply(r => r.Text.Contains("PHÁT ĐỘNG THI ĐUA – Đợt 1") && r.Text.Contains(plan.Theme.Vi) && r.Text.Contains("01/01/2021 – 30/06/2021"), "phase 1 with the theme");
    }

    [Fact]
    public async Task WhereTheChannelHasLinksTheKickoffCarriesAButtonThatOpensThePledgeForm()
    {
        var links = new FakeFormLinks();
        await using var bot = await StartAsync(services: s => s.AddSingleton<IDeepLinks>(links));
        bot.Seed(members: 1);
        await bot.Flow(Officer).Send("/phatdong quang-tri-2021 dot-2")
            .AssertReply(TestBot.Text("broadcast.pick-audience")).Press("Chỉ thành viên nhắn riêng (2)")
            .AssertReply("Xem trước")
            .AssertReply(r => r.Text.Contains("bấm nút «📝 Đăng ký thi đua»") && r.Reply.Buttons.Single().Url == "https://t.me/union_bot?start=pledge_quang-tri-2021", "the form button")
            .AssertReply("tới 2 người nhận").Press(SendAnyway).AssertReply("Bắt đầu gửi #1");
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");
        Assert.Equal("https://t.me/union_bot?start=pledge_quang-tri-2021", bot.Connector.To("m1").Single().Reply.Buttons.Single().Url);
    }

    [Fact]
    public async Task MembersWhoChoseEnglishGetTheEnglishKickoff()
    {
        await using var bot = await StartAsync();
        bot.Seed(members: 1, language: "en");
        await bot.Flow(Officer).Send("/phatdong tld-2021 dot-2")
            .AssertReply(TestBot.Text("broadcast.pick-audience")).Press("Chỉ thành viên nhắn riêng (2)")
            .AssertReply("Xem trước").AssertReply("PHÁT ĐỘNG THI ĐUA – Đợt 2").AssertReply("tới 2 người nhận")
            .Press(SendAnyway).AssertReply("Bắt đầu gửi #1");
        await UntilAsync(() => bot.Finished(1), "the broadcast to finish");
        var english = bot.Connector.To("m1").Single().Text;
        Assert.Contains("EMULATION LAUNCH – Phase 2", english);
        Assert.Contains("What members must do:", english);
        Assert.Contains("/pledge", english);
    }

    [Fact]
    public async Task APlanWithoutPhasesIsNotOffered()
    {
        await using var bot = await StartAsync();
        await bot.Flow(Officer).Send("/phatdong")
            .AssertReply(r => r.Reply.Buttons.Count == 2 && !r.Reply.Buttons.Any(b => b.Label.Contains("Lai Châu", StringComparison.Ordinal) || b.Label.Contains("2020-2025", StringComparison.Ordinal)), "the two plans with phases");
    }

    [Fact]
    public async Task ABrokenKickoffTemplateStopsTheStartNamingFileLineAndProblem()
    {
        var root = CopyContent();
        try
        {
            File.WriteAllText(Path.Combine(root, "broadcasts", "kickoff.yaml"), """
                default:
                  vi: "Phát động {phase} {foo}"
                  en: "Launch of {phase} {foo}"
                phases:
                  tld-2021/dot-9:
                    vi: "{phase}"
                    en: "{phase}"
                """);
            var error = await Assert.ThrowsAsync<ContentException>(() => TestBot.StartAsync(new Dictionary<string, string?> { ["Content:Path"] = root }));
            Assert.Contains(error.Problems, p => p.StartsWith("broadcasts/kickoff.yaml:2: default: unknown placeholder {foo}", StringComparison.Ordinal));
            Assert.Contains(error.Problems, p => p.StartsWith("broadcasts/kickoff.yaml:6: phases.tld-2021/dot-9: no such plan/phase", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task InvalidRateLimitsStopTheStart()
    {
        // Two sections are wrong: the start reports both (one OptionsValidationException each).
        var error = await Assert.ThrowsAsync<AggregateException>(() => TestBot.StartAsync(new Dictionary<string, string?>
        {
            ["Pacing:Channels:telegram:MessagesPerSecond"] = "0",
            ["Broadcasts:MaxInFlight"] = "0",
        }));
        Assert.All(error.InnerExceptions, e => Assert.IsType<OptionsValidationException>(e));
        Assert.Contains("Pacing:Channels:telegram:MessagesPerSecond must be above 0", error.Message);
        Assert.Contains("Broadcasts:MaxInFlight must be between 1 and 64", error.Message);
    }

    private static bool IsTldPhase2Kickoff(string text) =>
        text.Contains("PHÁT ĐỘNG THI ĐUA – Đợt 2") && text.Contains(TldTitle) && text.Contains("01/07/2021 – 31/12/2021")
        && text.Contains("Thi đua hoàn thành toàn diện và vượt mức kế hoạch và nhiệm vụ năm 2021")
        && text.Contains("• Lao động giỏi, Lao động sáng tạo") && text.Contains("Phần các đợt thi đua, Đợt 2");

    private static string CopyContent()
    {
        var from = Path.Combine(AppContext.BaseDirectory, "dialogs");
        var root = Path.Combine(Path.GetTempPath(), $"bot-content-{Guid.NewGuid():N}");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return root;
    }

    private sealed class FakeFormLinks : IDeepLinks
    {
        public string? PrivateChatLink(string channel, string payload) => channel == "test" ? $"https://t.me/union_bot?start={payload}" : null;
    }
}
