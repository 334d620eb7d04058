using Bot.Content;
using Bot.Tests.Channels.Zalo.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Channels.Zalo;

/// <summary>The dialogs on Zalo, through the fake Bot API, as on Telegram: only buttons become numbers and HTML becomes plain.</summary>
public class ZaloTranscriptTests
{
    private static FakeTimeProvider At(int y, int m, int d) => new(new DateTimeOffset(y, m, d, 9, 0, 0, TimeSpan.FromHours(7)));

    [Fact]
    public async Task TheMenuIsNumberedAndANumberOrALabelPicksAnEntry()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        var menu = Assert.Single(await zalo.SayAsync("/start"));
        Assert.Contains("\n1. Phong trào thi đua\n2. Đợt thi đua hiện tại\n", menu);
        Assert.Matches(@"\n\d\. Trợ giúp", menu);
        Assert.Contains("Hôm nay (24/11/2026)", Assert.Single(await zalo.SayAsync("2")));
        await zalo.SayAsync("/start");
        Assert.Contains("/phongtrao", (await zalo.SayAsync("trợ giúp"))[0]);
    }

    [Fact]
    public async Task HelpListsTheCommandsInPlainText()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        var help = Assert.Single(await zalo.SayAsync("/trogiup"));
        Assert.Contains("/phongtrao", help);
        Assert.Contains("/dot", help);
        Assert.DoesNotContain("<", help);
    }

    [Fact]
    public async Task MovementsArriveInFullUnderTheLimitWithNumberedPlanChoices()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        var plan = zalo.Bot.Services.GetRequiredService<BotContent>().DefaultPlan;
        var replies = await zalo.SayAsync("/phongtrao");
        var text = string.Join("\n", replies);
        Assert.True(replies.Count > 1, "longer than one Zalo message");
        Assert.All(replies, r => Assert.InRange(r.Length, 1, 2000));
        Assert.All(plan.Movements, m => Assert.Contains(m.Name.Vi, text));
        Assert.Contains(plan.Document.Vi, text);
        Assert.DoesNotContain("<b>", text);
        Assert.Contains("\n1. Phát động phong trào thi đua yêu nước", replies[^1]);
        Assert.Contains("Quảng Trị", (await zalo.SayAsync("2"))[0]);
    }

    [Fact]
    public async Task AnUnknownPlanNameListsTheKnownPlansByNumber()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        var reply = Assert.Single(await zalo.SayAsync("/phongtrao hà nội 2030"));
        Assert.Contains("hà nội 2030", reply);
        Assert.Contains("\n3. ", reply);
    }

    [Fact]
    public async Task DuringAPhaseTheBotNamesItAndWhatMembersMustDo()
    {
        await using var zalo = await ZaloBot.StartAsync(time: At(2021, 3, 1));
        zalo.ClockMovesWhileWaiting = true;
        var plan = zalo.Bot.Services.GetRequiredService<BotContent>().FindPlan("tld-2021")!;
        var reply = string.Join("\n", await zalo.SayAsync("/dot"));
        Assert.Contains("Đợt 1", reply);
        Assert.Contains(plan.Phases[0].MemberTasks.Vi[..30], reply);
        Assert.Contains("\n1. Phong trào thi đua", reply);
    }

    [Fact]
    public async Task AfterEveryPlanEndedTheBotSaysSoHonestly()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        var reply = Assert.Single(await zalo.SayAsync("/dot"));
        Assert.Contains("không có đợt thi đua nào", reply);
        Assert.Contains("31/12/2025", reply);
    }

    [Fact]
    public async Task TheLanguageCanBeSwitchedToEnglishAndBack()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        Assert.Contains(TestBot.TextIn("en", "core.language-set"), Assert.Single(await zalo.SayAsync("/ngonngu")));
        Assert.Contains("Today", (await zalo.SayAsync("/phase"))[0]);
        Assert.Contains("tiếng Việt", Assert.Single(await zalo.SayAsync("/language vi")));
    }

    [Fact]
    public async Task AnUnknownCommandIsNamedAndTheMenuOffered()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        var reply = Assert.Single(await zalo.SayAsync("/xyz"));
        Assert.Contains("/xyz", reply);
        Assert.Contains("\n1. ", reply);
    }

    [Fact]
    public async Task AQuestionInAPrivateChatIsAnsweredFromTheFaq()
    {
        await using var zalo = await ZaloBot.StartAsync();
        zalo.ClockMovesWhileWaiting = true;
        var answer = string.Join("\n", await zalo.SayAsync("Chủ đề thi đua năm 2021 là gì?"));
        Assert.Contains("Tận dụng cơ hội", answer);
        var inGroup = string.Join("\n", await zalo.SayAsync($"@{FakeZaloApi.BotDisplayName} chủ đề thi đua năm 2021 là gì?", chatId: "g1", group: true));
        Assert.Contains("Tận dụng cơ hội", inGroup);
    }
}
